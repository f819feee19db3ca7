using Assessment.Api.Features.Workspaces;
using Assessment.Api.Persistence;
using Assessment.Domain.Assessments;
using Assessment.Domain.Questionnaires;
using Assessment.Domain.Reports;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Assessment.Api.Reports;

/// <summary>Builds the report of a submitted assessment of the current workspace, in the owner's or the consultant's version.</summary>
public sealed class ReportViews(AppDbContext db, BenchmarkStore benchmarks, QuestionnaireCatalog catalog, IMediator mediator)
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
        var workspace = await db.Workspaces.AsNoTracking().Where(w => w.Id == assessment.WorkspaceId).Select(w => new { w.Name, w.CallMinutes }).SingleAsync(ct);
        var brand = await mediator.Send(new GetBranding(), ct);
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
            brand?.PrimaryColor,
            workspace.CallMinutes);
    }
}

/// <summary>Renders a report as a complete HTML document. The host supplies it (it owns the page components).</summary>
public interface IReportHtmlRenderer
{
    Task<string> RenderAsync(ReportView view, CancellationToken ct);
}
