using Assessment.Api.Persistence;
using Microsoft.AspNetCore.Authorization;
using OpenIddict.Abstractions;

namespace Assessment.Api.Identity;

/// <summary>
/// An API operation needs a scope: a partner's token must carry it, while a signed-in workspace member
/// (admin or consultant) holds every scope in their own workspace. Either way the caller must act for a workspace.
/// </summary>
public sealed record ScopeRequirement(string Scope) : IAuthorizationRequirement;

public sealed class ScopeRequirementHandler : AuthorizationHandler<ScopeRequirement>
{
    protected override Task HandleRequirementAsync(AuthorizationHandlerContext context, ScopeRequirement requirement)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(requirement);
        var user = context.User;
        var inWorkspace = Guid.TryParse(user.FindFirst(AppClaims.WorkspaceId)?.Value, out var id) && id != Guid.Empty;
        var isMember = Roles.All.Any(user.IsInRole);
        if (inWorkspace && (isMember || user.HasScope(requirement.Scope)))
        {
            context.Succeed(requirement);
        }
        return Task.CompletedTask;
    }
}

public static class AccessPolicies
{
    /// <summary>Only signed-in workspace members (admins and consultants), never partner tokens.</summary>
    public const string Member = "member";

    /// <summary>Only signed-in workspace admins.</summary>
    public const string Admin = "admin";

    /// <summary>Registers one policy per scope, named after it.</summary>
    public static AuthorizationBuilder AddScopePolicies(this AuthorizationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        foreach (var scope in Scopes.All)
        {
            builder.AddPolicy(scope, p => p.RequireAuthenticatedUser().AddRequirements(new ScopeRequirement(scope)));
        }
        builder.AddPolicy(Member, p => p.RequireAuthenticatedUser().RequireRole([.. Roles.All]).RequireClaim(AppClaims.WorkspaceId));
        builder.AddPolicy(Admin, p => p.RequireAuthenticatedUser().RequireRole(Roles.Admin).RequireClaim(AppClaims.WorkspaceId));
        return builder;
    }
}
