using Assessment.Api.Identity;
using Assessment.Api.Persistence;
using Assessment.Domain.Scheduling;
using Assessment.Domain.Workspaces;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using OpenIddict.Abstractions;
using Scopes = Assessment.Api.Identity.Scopes;

namespace Assessment.Api.Startup;

/// <summary>The <c>Seed</c> configuration section: workspaces, members and partner clients to provision.</summary>
public sealed class SeedOptions
{
    public const string Section = "Seed";

    public List<SeedWorkspace> Workspaces { get; init; } = [];
}

public sealed class SeedWorkspace
{
    public string Slug { get; set; } = "";

    public string Name { get; set; } = "";

    public List<SeedMember> Members { get; init; } = [];

    public List<SeedPartnerClient> PartnerClients { get; init; } = [];
}

public sealed class SeedMember
{
    public string Email { get; set; } = "";

    public string Password { get; set; } = "";

    public string Role { get; set; } = Roles.Consultant;

    /// <summary>When set, the member takes discovery calls on weekdays 09:00–17:00 in this IANA zone (unless they have set their own hours).</summary>
    public string? TimeZone { get; set; }
}

public sealed class SeedPartnerClient
{
    public string ClientId { get; set; } = "";

    public string Secret { get; set; } = "";

    /// <summary>Space- or comma-separated scopes; empty means every scope.</summary>
    public string Scopes { get; set; } = "";
}

/// <summary>
/// Applies the <c>Seed</c> section: creates what is missing and brings what exists in line with it.
/// Running it twice changes nothing the second time. Secrets and passwords are stored hashed.
/// </summary>
public sealed partial class Provisioning(
    AppDbContext db,
    UserManager<Member> members,
    RoleManager<IdentityRole<Guid>> roles,
    IOpenIddictApplicationManager applications,
    WorkspaceScope scope,
    TimeProvider clock,
    ILogger<Provisioning> log)
{
    public async Task ApplyAsync(SeedOptions seed, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(seed);
        foreach (var role in Roles.All)
        {
            if (!await roles.RoleExistsAsync(role))
            {
                Check(await roles.CreateAsync(new IdentityRole<Guid>(role)), $"role {role}");
            }
        }
        foreach (var spec in seed.Workspaces)
        {
            var workspace = await db.Workspaces.SingleOrDefaultAsync(w => w.Slug == spec.Slug, ct);
            if (workspace is null)
            {
                workspace = Workspace.Create(spec.Slug, string.IsNullOrWhiteSpace(spec.Name) ? spec.Slug : spec.Name, clock.GetUtcNow());
                db.Workspaces.Add(workspace);
                LogCreated(log, "workspace", spec.Slug);
            }
            else if (!string.IsNullOrWhiteSpace(spec.Name) && workspace.Name != spec.Name.Trim())
            {
                workspace.Rename(spec.Name);
            }
            await db.SaveChangesAsync(ct);

            foreach (var member in spec.Members)
            {
                await ProvisionMemberAsync(workspace, member);
            }
            foreach (var client in spec.PartnerClients)
            {
                await ProvisionClientAsync(workspace, client, ct);
            }
        }
    }

    private async Task ProvisionMemberAsync(Workspace workspace, SeedMember spec)
    {
        if (!Roles.All.Contains(spec.Role))
        {
            throw new InvalidOperationException($"Seed member {spec.Email}: role must be one of {string.Join(", ", Roles.All)}, not '{spec.Role}'.");
        }
        var member = await members.FindByEmailAsync(spec.Email);
        if (member is null)
        {
            member = new Member { UserName = spec.Email, Email = spec.Email, EmailConfirmed = true, WorkspaceId = workspace.Id };
            Check(await members.CreateAsync(member, spec.Password), $"member {spec.Email}");
            LogCreated(log, "member", spec.Email);
        }
        else
        {
            if (member.WorkspaceId != workspace.Id)
            {
                throw new InvalidOperationException($"Seed member {spec.Email} already belongs to another workspace.");
            }
            if (!await members.CheckPasswordAsync(member, spec.Password))
            {
                Check(await members.RemovePasswordAsync(member), $"member {spec.Email}");
                Check(await members.AddPasswordAsync(member, spec.Password), $"member {spec.Email}");
            }
        }
        if (spec.TimeZone is { Length: > 0 } zone && !await db.ConsultantSchedules.IgnoreQueryFilters().AnyAsync(c => c.MemberId == member.Id))
        {
            var availability = Availability.WorkingWeek(zone);
            if (availability.Problems().Count > 0)
            {
                throw new InvalidOperationException($"Seed member {spec.Email}: '{zone}' is not an IANA time zone.");
            }
            // Provisioning acts for each workspace in turn.
            scope.Use(workspace.Id);
            db.ConsultantSchedules.Add(ConsultantSchedule.For(member.Id, workspace.Id, availability, clock.GetUtcNow()));
            await db.SaveChangesAsync();
        }
        var current = await members.GetRolesAsync(member);
        if (current.Count != 1 || current[0] != spec.Role)
        {
            Check(await members.RemoveFromRolesAsync(member, current), $"member {spec.Email}");
            Check(await members.AddToRoleAsync(member, spec.Role), $"member {spec.Email}");
        }
    }

    private async Task ProvisionClientAsync(Workspace workspace, SeedPartnerClient spec, CancellationToken ct)
    {
        var scopes = spec.Scopes.Split([' ', ','], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var unknown = scopes.Except(Scopes.All).ToList();
        if (unknown.Count > 0)
        {
            throw new InvalidOperationException($"Seed client {spec.ClientId}: unknown scopes {string.Join(", ", unknown)}.");
        }
        if (scopes.Length == 0)
        {
            scopes = [.. Scopes.All];
        }
        var descriptor = PartnerClients.Describe(spec.ClientId, spec.Secret, spec.ClientId, scopes, workspace.Id);

        var existing = await applications.FindByClientIdAsync(spec.ClientId, ct);
        if (existing is null)
        {
            await applications.CreateAsync(descriptor, ct);
            LogCreated(log, "partner client", spec.ClientId);
            return;
        }
        var properties = await applications.GetPropertiesAsync(existing, ct);
        if (properties.TryGetValue(TokenEndpoint.WorkspaceProperty, out var owner) && owner.GetString() != workspace.Id.ToString())
        {
            throw new InvalidOperationException($"Seed client {spec.ClientId} already belongs to another workspace.");
        }
        var permissions = await applications.GetPermissionsAsync(existing, ct);
        var secretMatches = await applications.ValidateClientSecretAsync(existing, spec.Secret, ct);
        if (!secretMatches || !permissions.ToHashSet().SetEquals(descriptor.Permissions))
        {
            await applications.UpdateAsync(existing, descriptor, ct);
        }
    }

    private static void Check(IdentityResult result, string what)
    {
        if (!result.Succeeded)
        {
            throw new InvalidOperationException($"Provisioning {what} failed: {string.Join(" ", result.Errors.Select(e => e.Description))}");
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Provisioned {Kind} {Name}")]
    private static partial void LogCreated(ILogger logger, string kind, string name);
}
