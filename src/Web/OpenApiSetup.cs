using Assessment.Api.Identity;
using Microsoft.OpenApi;

namespace Assessment.Web;

public static class OpenApiSetup
{
    /// <summary>Request examples, by operation id, shown in the document and in Swagger UI.</summary>
    private static readonly Dictionary<string, string> Examples = new()
    {
        ["StartAssessment"] = """{"questionnaireKey":"owner-time","respondent":{"email":"owner@practice.example","name":"Dr Sam Rees","practiceName":"Riverside Dental"}}""",
        ["SaveAnswers"] = """{"answers":{"practice-type":"dental","locations":1,"team-size":12,"practice-manager":"no","clinical-hours":30,"time-actual":{"rota":10,"suppliers":6,"direction":3,"clinical":30},"pb-1":3,"os-2":null}}""",
        ["SubmitAssessment"] = """{"emailReport":true}""",
        ["CreateShareLink"] = """{"expiresInDays":14}""",
        ["CreateBooking"] = """{"start":"2026-12-01T10:00:00Z","timeZone":"Europe/London","name":"Dr Sam Rees","email":"owner@practice.example","assessmentId":"01a2095b-0b3c-7e4f-9a51-5f0c2d3e4a10"}""",
        ["RescheduleBooking"] = """{"start":"2026-12-02T14:30:00Z"}""",
        ["CancelBooking"] = """{"reason":"The owner is away that week."}""",
        ["CreateWebhookEndpoint"] = """{"url":"https://partner.example/hooks/assessment","eventTypes":["assessment.submitted","booking.created"]}""",
        ["CreatePartnerClient"] = """{"name":"Practice management system","scopes":["assessments:read","assessments:write","reports:read"]}""",
    };

    /// <summary>
    /// The v1 document: only <c>/api/v1</c> operations, the OAuth2 client-credentials scheme with its scopes, and
    /// the problem-details responses every protected operation can give.
    /// </summary>
    public static IServiceCollection AddAssessmentOpenApi(this IServiceCollection services)
    {
        services.AddOpenApi("v1", o =>
        {
            o.ShouldInclude = d => d.RelativePath?.StartsWith("api/", StringComparison.Ordinal) == true;
            o.AddDocumentTransformer((document, _, _) =>
            {
                document.Info = new OpenApiInfo
                {
                    Title = "Assessment API",
                    Version = "v1",
                    Description = "Start practice-owner assessments, save answers, submit them and read their scored results. "
                        + "Authenticate with an OAuth2 client-credentials token from /connect/token. Errors are RFC 9457 problem details.",
                };
                document.Servers = [];
                document.Components ??= new OpenApiComponents();
                document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
                document.Components.SecuritySchemes["oauth2"] = new OpenApiSecurityScheme
                {
                    Type = SecuritySchemeType.OAuth2,
                    Description = "Client credentials of a partner client of one workspace.",
                    Flows = new OpenApiOAuthFlows
                    {
                        ClientCredentials = new OpenApiOAuthFlow
                        {
                            TokenUrl = new Uri("/connect/token", UriKind.Relative),
                            Scopes = Scopes.Descriptions.ToDictionary(kv => kv.Key, kv => kv.Value),
                        },
                    },
                };
                return Task.CompletedTask;
            });
            o.AddOperationTransformer((operation, context, _) =>
            {
                var scope = context.Description.ActionDescriptor.EndpointMetadata
                    .OfType<Microsoft.AspNetCore.Authorization.IAuthorizeData>()
                    .Select(a => a.Policy)
                    .LastOrDefault(p => p is not null && Scopes.All.Contains(p));
                if (scope is null)
                {
                    return Task.CompletedTask;
                }
                operation.Security = [new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference("oauth2", context.Document)] = [scope] }];
                operation.Responses ??= new OpenApiResponses();
                operation.Responses.TryAdd("401", new OpenApiResponse { Description = "The token is missing, invalid or expired." });
                operation.Responses.TryAdd("403", new OpenApiResponse { Description = $"The token lacks the {scope} scope, or the workspace's plan has no API access." });
                operation.Responses.TryAdd("429", new OpenApiResponse { Description = "Too many requests from this client: see Retry-After and the RateLimit headers." });
                if (context.Description.HttpMethod == "POST")
                {
                    operation.Parameters ??= [];
                    operation.Parameters.Add(new OpenApiParameter
                    {
                        Name = "Idempotency-Key",
                        In = ParameterLocation.Header,
                        Required = false,
                        Description = "Any unique string: a retry with the same key and body replays the first response; another body gets 422; 409 while the first runs.",
                        Schema = new OpenApiSchema { Type = JsonSchemaType.String, MaxLength = 200 },
                    });
                }
                if (operation.RequestBody?.Content is { } content && Examples.TryGetValue(operation.OperationId ?? "", out var example)
                    && content.TryGetValue("application/json", out var media))
                {
                    media.Example = System.Text.Json.Nodes.JsonNode.Parse(example);
                }
                return Task.CompletedTask;
            });
        });
        return services;
    }
}
