using System.Security.Claims;
using Assessment.Api.Persistence;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace Assessment.Api.Identity;

/// <summary>A person who signs in to a workspace: an admin or a consultant.</summary>
public sealed class Member : IdentityUser<Guid>
{
    public Guid WorkspaceId { get; set; }
}

public static class Roles
{
    public const string Admin = "Admin";
    public const string Consultant = "Consultant";

    public static IReadOnlyList<string> All { get; } = [Admin, Consultant];
}

/// <summary>Puts the member's workspace into their sign-in cookie.</summary>
public sealed class MemberClaimsFactory(
    UserManager<Member> users,
    RoleManager<IdentityRole<Guid>> roles,
    IOptions<IdentityOptions> options)
    : UserClaimsPrincipalFactory<Member, IdentityRole<Guid>>(users, roles, options)
{
    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(Member user)
    {
        ArgumentNullException.ThrowIfNull(user);
        var identity = await base.GenerateClaimsAsync(user);
        identity.AddClaim(new Claim(AppClaims.WorkspaceId, user.WorkspaceId.ToString()));
        return identity;
    }
}
