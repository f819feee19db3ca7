using Assessment.Api.Identity;
using Microsoft.OpenApi;

namespace Assessment.Web;

public static class OpenApiSetup
{
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
                operation.Responses.TryAdd("403", new OpenApiResponse { Description = $"The token lacks the {scope} scope." });
                return Task.CompletedTask;
            });
        });
        return services;
    }
}
