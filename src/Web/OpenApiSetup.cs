using System.Text.Json;
using System.Text.Json.Nodes;
using Assessment.Api.Identity;
using Assessment.Api.Problems;
using Assessment.Domain;
using Microsoft.AspNetCore.OpenApi;
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
    /// Response examples by operation id and status: real responses of the API, shortened to a few list items, with
    /// the host name replaced. A test checks each one against the schema it illustrates.
    /// </summary>
    public static IReadOnlyDictionary<string, IReadOnlyDictionary<string, JsonNode>> ResponseExamples { get; } = LoadResponseExamples();

    private static Dictionary<string, IReadOnlyDictionary<string, JsonNode>> LoadResponseExamples()
    {
        using var stream = typeof(OpenApiSetup).Assembly.GetManifestResourceStream("Assessment.Web.OpenApiExamples.json")
            ?? throw new InvalidOperationException("The OpenAPI response examples are not embedded.");
        var root = JsonNode.Parse(stream)!.AsObject();
        return root.ToDictionary(
            op => op.Key,
            op => (IReadOnlyDictionary<string, JsonNode>)op.Value!.AsObject().ToDictionary(r => r.Key, r => r.Value!.DeepClone()),
            StringComparer.Ordinal);
    }

    /// <summary>
    /// The v1 document: only <c>/api/v1</c> operations, the OAuth2 client-credentials scheme with its scopes, and
    /// the problem-details responses every protected operation can give.
    /// </summary>
    public static IServiceCollection AddAssessmentOpenApi(this IServiceCollection services)
    {
        services.AddOpenApi("v1", o =>
        {
            o.ShouldInclude = d => d.RelativePath?.StartsWith("api/", StringComparison.Ordinal) == true;
            // Free-form JSON (an event's data) is any value, written in place rather than as a component named after the .NET type.
            o.CreateSchemaReferenceId = type => type.Type == typeof(JsonElement) ? null : OpenApiOptions.CreateDefaultSchemaReferenceId(type);
            o.AddSchemaTransformer((schema, context, _) =>
            {
                var type = context.JsonTypeInfo.Type;
                // Enums travel as their kebab-case names: say they are strings. Where one is optional, the property
                // already allows null beside the reference, so null is not one of the enum's values.
                if (schema.Enum is { Count: > 0 } values && schema.Type is null
                    && values.All(v => v is null || v.GetValueKind() == JsonValueKind.String))
                {
                    schema.Type = JsonSchemaType.String;
                    schema.Enum = [.. values.Where(v => v is not null)];
                }
                // Numbers are documented as numbers. The server also reads numeric strings, but a partner should send
                // numbers, and a generated client should not type them as "number or text".
                if (schema.Type is { } union && union.HasFlag(JsonSchemaType.String)
                    && (union.HasFlag(JsonSchemaType.Integer) || union.HasFlag(JsonSchemaType.Number)))
                {
                    schema.Type = union & ~JsonSchemaType.String;
                    schema.Pattern = null;
                }
                if (type == typeof(Microsoft.AspNetCore.Mvc.ProblemDetails) || type == typeof(HttpValidationProblemDetails))
                {
                    schema.Properties ??= new Dictionary<string, IOpenApiSchema>();
                    schema.Properties["type"] = new OpenApiSchema
                    {
                        Type = JsonSchemaType.String,
                        Description = "What went wrong, as a URI relative to the API's host whose page explains it: "
                            + string.Join(", ", ProblemCatalog.All.Select(p => $"`{p.Type}` ({p.Status}, {p.Title})"))
                            + ". Errors raised before the API runs (an unknown route, a wrong method) use the RFC 9110 section of their status.",
                    };
                }
                // Answers are an object of item id → value (a number, text, a list or an object, by item type).
                if (type == typeof(AnswerSet) || type == typeof(Dictionary<string, JsonElement>))
                {
                    schema.Type = type == typeof(AnswerSet) ? JsonSchemaType.Object : JsonSchemaType.Object | JsonSchemaType.Null;
                    schema.AdditionalProperties = new OpenApiSchema();
                    schema.Description = "Answers by item id: a number, text, a list or an object, as the item's type says. A missing key is unanswered.";
                }
                return Task.CompletedTask;
            });
            o.AddDocumentTransformer((document, _, _) =>
            {
                document.Info = new OpenApiInfo
                {
                    Title = "Assessment API",
                    Version = "v1",
                    Description = "Start practice-owner assessments, save answers, submit them and read their scored results. "
                        + "Authenticate with an OAuth2 client-credentials token from /connect/token (discovery: /.well-known/openid-configuration). "
                        + "Errors are RFC 9457 problem details whose type is explained at its own address under /problems. "
                        + "Lists take limit (1–100) and an opaque cursor and answer {data, nextCursor}; creating POSTs honour Idempotency-Key.",
                };
                document.Servers = [];
                document.Components ??= new OpenApiComponents();
                document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
                document.Components.SecuritySchemes["member"] = new OpenApiSecurityScheme
                {
                    Type = SecuritySchemeType.ApiKey,
                    In = ParameterLocation.Cookie,
                    Name = "assessment.member",
                    Description = "A workspace member's session from signing in to the web app; member-only operations accept nothing else.",
                };
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
                foreach (var parameter in (operation.Parameters ?? []).OfType<OpenApiParameter>())
                {
                    if (parameter.Schema is OpenApiSchema { Type: JsonSchemaType.Integer } integer)
                    {
                        integer.Pattern = null;
                    }
                    if (parameter.Name == "limit" && parameter.Schema is OpenApiSchema limit)
                    {
                        parameter.Description = "How many items a page holds: 1 to 100.";
                        limit.Minimum = "1";
                        limit.Maximum = "100";
                        limit.Default = JsonValue.Create(25);
                    }
                    else if (parameter.Name == "cursor")
                    {
                        parameter.Description = "The nextCursor of the previous page; leave out for the first page.";
                    }
                }
                var policies = context.Description.ActionDescriptor.EndpointMetadata
                    .OfType<Microsoft.AspNetCore.Authorization.IAuthorizeData>()
                    .Select(a => a.Policy)
                    .ToList();
                var scope = policies.LastOrDefault(p => p is not null && Scopes.All.Contains(p));
                var memberOnly = policies.Contains(AccessPolicies.Member) || policies.Contains(AccessPolicies.Admin);
                if (scope is null && !memberOnly)
                {
                    return Task.CompletedTask;
                }
                operation.Security = scope is not null
                    ? [new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference("oauth2", context.Document)] = [scope] },
                       new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference("member", context.Document)] = [] }]
                    : [new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference("member", context.Document)] = [] }];
                operation.Responses ??= new OpenApiResponses();
                var problem = new OpenApiSchemaReference("ProblemDetails", context.Document);
                operation.Responses.TryAdd("401", Problem(problem, "The token is missing, invalid or expired (WWW-Authenticate says which), or no member is signed in."));
                operation.Responses.TryAdd("403", Problem(problem, scope is not null
                    ? $"The token lacks the {scope} scope, or the workspace's plan has no API access."
                    : policies.Contains(AccessPolicies.Admin) ? "Only the workspace's admins may do this." : "Only signed-in workspace members may do this."));
                var limited = Problem(problem, "Too many requests from this client: wait as Retry-After says; RateLimit and RateLimit-Policy describe the bucket.");
                limited.Headers = new Dictionary<string, IOpenApiHeader>
                {
                    ["Retry-After"] = Header("Seconds until a request can succeed again.", JsonSchemaType.Integer),
                    ["RateLimit-Policy"] = Header("The client's bucket: its capacity q and refill window w in seconds, e.g. `\"partner\";q=100;w=60`.", JsonSchemaType.String),
                    ["RateLimit"] = Header("What is left: r requests, and t seconds until the next one may go (0 while r is above 0), e.g. `\"partner\";r=0;t=20`.", JsonSchemaType.String),
                };
                operation.Responses.TryAdd("429", limited);
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
                    operation.Responses.TryAdd("409", Problem(problem, "The request conflicts with the current state, or a request with the same Idempotency-Key is still running."));
                    operation.Responses.TryAdd("422", Problem(problem, "The Idempotency-Key was used before with a different request body."));
                }
                if (operation.OperationId == "GetReport" && operation.Responses.TryGetValue("200", out var report) && report.Content is { } formats)
                {
                    formats.TryAdd("application/pdf", new OpenApiMediaType { Schema = new OpenApiSchema { Type = JsonSchemaType.String, Format = "binary" } });
                    formats.TryAdd("text/html", new OpenApiMediaType { Schema = new OpenApiSchema { Type = JsonSchemaType.String } });
                }
                return Task.CompletedTask;
            });
            // Examples last, once every response an operation can give is in place.
            o.AddOperationTransformer((operation, _, _) =>
            {
                if (ResponseExamples.TryGetValue(operation.OperationId ?? "", out var responses))
                {
                    foreach (var (status, recorded) in responses)
                    {
                        if (operation.Responses?.TryGetValue(status, out var response) == true && response.Content is { } recordedFormats)
                        {
                            foreach (var format in recordedFormats.Where(m => m.Key is "application/json" or "application/problem+json"))
                            {
                                format.Value.Example = recorded.DeepClone();
                            }
                        }
                    }
                }
                if (operation.RequestBody?.Content is { } content && Examples.TryGetValue(operation.OperationId ?? "", out var example)
                    && content.TryGetValue("application/json", out var media))
                {
                    media.Example = JsonNode.Parse(example);
                }
                return Task.CompletedTask;
            });
        });
        return services;
    }

    private static OpenApiResponse Problem(IOpenApiSchema schema, string description) => new()
    {
        Description = description,
        Content = new Dictionary<string, OpenApiMediaType> { ["application/problem+json"] = new() { Schema = schema } },
    };

    private static OpenApiHeader Header(string description, JsonSchemaType type) => new()
    {
        Description = description,
        Schema = new OpenApiSchema { Type = type },
    };
}
