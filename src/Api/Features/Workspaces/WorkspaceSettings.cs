using Assessment.Api.Billing;
using Assessment.Api.Persistence;
using Assessment.Api.Problems;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Assessment.Api.Features.Workspaces;

/// <summary>The workspace's name and branding; <see cref="BrandingInPlan"/> says whether the plan lets the branding show.</summary>
public sealed record WorkspaceSettingsView(string Name, string Slug, string? LogoUrl, string? PrimaryColor, string? AccentColor, bool BrandingInPlan, string PlanName, int CallMinutes);

/// <summary>The branding to apply on the owner's pages and the report: only when the plan includes custom branding.</summary>
public sealed record Branding(string? LogoUrl, string? PrimaryColor, string? AccentColor)
{
    public bool IsEmpty => LogoUrl is null && PrimaryColor is null && AccentColor is null;
}

public sealed record GetWorkspaceSettings : IQuery<WorkspaceSettingsView>;

/// <summary>New settings; <see cref="CallMinutes"/> as typed in the form (null keeps the current length).</summary>
public sealed record UpdateWorkspaceSettings(string? Name, string? LogoUrl, string? PrimaryColor, string? AccentColor, string? CallMinutes = null)
    : ICommand<Outcome<WorkspaceSettingsView>>;

/// <summary>The current workspace's branding when its plan includes it, otherwise null.</summary>
public sealed record GetBranding : IQuery<Branding?>;

public sealed class WorkspaceSettingsHandlers(AppDbContext db, WorkspaceScope scope, WorkspacePlans plans)
    : IQueryHandler<GetWorkspaceSettings, WorkspaceSettingsView>, ICommandHandler<UpdateWorkspaceSettings, Outcome<WorkspaceSettingsView>>,
        IQueryHandler<GetBranding, Branding?>
{
    public async ValueTask<WorkspaceSettingsView> Handle(GetWorkspaceSettings query, CancellationToken cancellationToken)
    {
        var workspace = await db.Workspaces.AsNoTracking().SingleAsync(w => w.Id == scope.Id, cancellationToken);
        var plan = (await plans.CurrentAsync(cancellationToken)).Plan;
        return new WorkspaceSettingsView(workspace.Name, workspace.Slug, workspace.LogoUrl, workspace.PrimaryColor, workspace.AccentColor,
            plan.Entitlements.CustomBranding, plan.Name, workspace.CallMinutes);
    }

    public async ValueTask<Outcome<WorkspaceSettingsView>> Handle(UpdateWorkspaceSettings command, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(command);
        var workspace = await db.Workspaces.SingleAsync(w => w.Id == scope.Id, cancellationToken);
        var errors = workspace.Brand(command.LogoUrl, command.PrimaryColor, command.AccentColor).ToDictionary(e => e.Key, e => new[] { e.Value });
        if (command.CallMinutes is not null && workspace.SetCallLength(command.CallMinutes) is { } callLength)
        {
            errors["callMinutes"] = [callLength];
        }
        if (string.IsNullOrWhiteSpace(command.Name) || command.Name.Trim().Length > 200)
        {
            errors["name"] = ["The name has 1 to 200 characters."];
        }
        if (errors.Count > 0)
        {
            return Failure.Invalid("The settings were not saved.", errors);
        }
        workspace.Rename(command.Name!);
        await db.SaveChangesAsync(cancellationToken);
        return await Handle(new GetWorkspaceSettings(), cancellationToken);
    }

    public async ValueTask<Branding?> Handle(GetBranding query, CancellationToken cancellationToken)
    {
        if (!scope.IsSet || !(await plans.CurrentAsync(cancellationToken)).Plan.Entitlements.CustomBranding)
        {
            return null;
        }
        var brand = await db.Workspaces.AsNoTracking().Where(w => w.Id == scope.Id)
            .Select(w => new Branding(w.LogoUrl, w.PrimaryColor, w.AccentColor)).SingleOrDefaultAsync(cancellationToken);
        return brand is { IsEmpty: false } ? brand : null;
    }
}
