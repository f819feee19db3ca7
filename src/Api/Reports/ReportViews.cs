using Assessment.Api.Billing;
using Assessment.Api.Persistence;
using Assessment.Domain.Assessments;
using Assessment.Domain.Questionnaires;
using Assessment.Domain.Reports;
using Microsoft.EntityFrameworkCore;

namespace Assessment.Api.Reports;

/// <summary>Builds the report of a submitted assessment of the current workspace, in the owner's or the consultant's version.</summary>
public sealed class ReportViews(AppDbContext db, BenchmarkStore benchmarks, QuestionnaireCatalog catalog, WorkspacePlans plans)
{
    /// <summary>The report, or null when the assessment does not exist in this workspace or is not submitted.</summary>
    public async Task<ReportView?> BuildAsync(Guid assessmentId, bool consultantVersion, CancellationToken ct)
    {
        var assessment = await db.Assessments.AsNoTracking().SingleOrDefaultAsync(a => a.Id == assessmentId, ct);
        return assessment?.Result is null ? null : await BuildAsync(assessment, consultantVersion, ct);
    }

    public async Task<ReportView> BuildAsync(AssessmentResponse assessment, bool consultantVersion, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(assessment);
        var result = assessment.Result ?? throw new InvalidOperationException($"Assessment {assessment.Id} is not submitted.");
        var definition = catalog.DefinitionOf(assessment);
        var workspace = await db.Workspaces.AsNoTracking().Where(w => w.Id == assessment.WorkspaceId).Select(w => new { w.Name, w.PrimaryColor }).SingleAsync(ct);
        var branded = workspace.PrimaryColor is not null && (await plans.CurrentAsync(ct)).Plan.Entitlements.CustomBranding;
        var report = OwnerTimeReport.Build(definition, assessment.Answers, result, DateOnly.FromDateTime(assessment.SubmittedAt!.Value.UtcDateTime));
        return new ReportView(
            workspace.Name,
            assessment.Id,
            assessment.Respondent.Name,
            assessment.Respondent.PracticeName,
            assessment.SubmittedAt.Value,
            definition,
            report,
            await benchmarks.RankAsync(result, ct),
            consultantVersion ? ConsultantBriefing.Build(definition, assessment.Answers, report) : null,
            null,
            branded ? workspace.PrimaryColor : null);
    }
}

/// <summary>Renders a report as a complete HTML document. The host supplies it (it owns the page components).</summary>
public interface IReportHtmlRenderer
{
    Task<string> RenderAsync(ReportView view, CancellationToken ct);
}
