using System.Security.Claims;
using Microsoft.AspNetCore.Http;

namespace Assessment.Api.Persistence;

/// <summary>
/// The workspace the current request acts for. Read from the signed-in member's or partner's
/// <see cref="AppClaims.WorkspaceId"/> claim, or set explicitly by a public page that resolved a workspace by its slug.
/// With neither, it is empty and every workspace-owned query returns nothing.
/// </summary>
public sealed class WorkspaceScope(IHttpContextAccessor http)
{
    private Guid? _explicit;

    public Guid Id => _explicit ?? FromUser(http.HttpContext?.User) ?? Guid.Empty;

    public bool IsSet => Id != Guid.Empty;

    /// <summary>Acts for the given workspace for the rest of this scope.</summary>
    public void Use(Guid workspaceId)
    {
        if (workspaceId == Guid.Empty)
        {
            throw new ArgumentException("A workspace id is required.", nameof(workspaceId));
        }
        _explicit = workspaceId;
    }

    private static Guid? FromUser(ClaimsPrincipal? user) =>
        Guid.TryParse(user?.FindFirst(AppClaims.WorkspaceId)?.Value, out var id) ? id : null;
}

public static class AppClaims
{
    public const string WorkspaceId = "workspace_id";
}
