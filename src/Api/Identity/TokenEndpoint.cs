using System.Security.Claims;
using Assessment.Api.Persistence;
using Microsoft.AspNetCore;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using OpenIddict.Abstractions;
using OpenIddict.Server.AspNetCore;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace Assessment.Api.Identity;

/// <summary>
/// <c>POST /connect/token</c>: OpenIddict has already authenticated the client and checked the grant type and
/// the requested scopes against the client's permissions; this issues the token with the client's workspace.
/// </summary>
public static class TokenEndpoint
{
    public const string WorkspaceProperty = "workspace_id";

    public static IEndpointRouteBuilder MapTokenEndpoint(this IEndpointRouteBuilder app)
    {
        app.MapPost("/connect/token", Exchange).ExcludeFromDescription();
        return app;
    }

    private static async Task<IResult> Exchange(HttpContext http, IOpenIddictApplicationManager applications, CancellationToken ct)
    {
        var request = http.GetOpenIddictServerRequest()
            ?? throw new InvalidOperationException("The OpenID Connect request cannot be retrieved.");
        if (!request.IsClientCredentialsGrantType())
        {
            return Refuse(Errors.UnsupportedGrantType, "Only the client_credentials grant is supported.");
        }
        var application = await applications.FindByClientIdAsync(request.ClientId!, ct);
        var properties = application is null ? null : await applications.GetPropertiesAsync(application, ct);
        if (properties is null || !properties.TryGetValue(WorkspaceProperty, out var workspace))
        {
            return Refuse(Errors.InvalidClient, "The client does not belong to a workspace.");
        }

        var scopes = request.GetScopes();
        if (scopes.IsEmpty)
        {
            // No scope asked for: grant every scope the client holds.
            var permissions = await applications.GetPermissionsAsync(application!, ct);
            scopes = [.. permissions.Where(p => p.StartsWith(Permissions.Prefixes.Scope, StringComparison.Ordinal))
                .Select(p => p[Permissions.Prefixes.Scope.Length..])];
        }

        var identity = new ClaimsIdentity(OpenIddictServerAspNetCoreDefaults.AuthenticationScheme, Claims.Name, Claims.Role);
        identity.SetClaim(Claims.Subject, request.ClientId);
        identity.SetClaim(AppClaims.WorkspaceId, workspace.GetString());
        identity.SetScopes(scopes);
        identity.SetDestinations(_ => [Destinations.AccessToken]);
        return Results.SignIn(new ClaimsPrincipal(identity), authenticationScheme: OpenIddictServerAspNetCoreDefaults.AuthenticationScheme);
    }

    private static IResult Refuse(string error, string description) => Results.Forbid(
        new Microsoft.AspNetCore.Authentication.AuthenticationProperties(new Dictionary<string, string?>
        {
            [OpenIddictServerAspNetCoreConstants.Properties.Error] = error,
            [OpenIddictServerAspNetCoreConstants.Properties.ErrorDescription] = description,
        }),
        [OpenIddictServerAspNetCoreDefaults.AuthenticationScheme]);
}
