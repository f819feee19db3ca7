using Assessment.Api.Reports;
using Assessment.Api.Reports.Pdf;
using Assessment.Domain.Reports;

namespace Assessment.Web;

/// <summary>The owner's PDF downloads: from their results page and from a share link. No sign-in.</summary>
public static class OwnerReports
{
    public static IEndpointRouteBuilder MapOwnerReports(this IEndpointRouteBuilder app)
    {
        app.MapGet("/w/{slug}/assessment/{id:guid}/report.pdf", async (string slug, Guid id, string? paper,
            PublicWorkspace workspaces, ReportViews reports, CancellationToken ct) =>
        {
            if (await workspaces.EnterAsync(slug, ct) is null || await reports.BuildAsync(id, consultantVersion: false, ct) is not { } view)
            {
                return Results.NotFound();
            }
            return Pdf(view, paper);
        }).ExcludeFromDescription();

        app.MapGet("/r/{token}/report.pdf", async (string token, string? paper, ShareTokens tokens, ReportViews reports,
            TimeProvider clock, CancellationToken ct) =>
        {
            var link = await tokens.OpenAsync(token, ct);
            if (link is null || link.StateAt(clock.GetUtcNow()) != ShareLinkState.Active)
            {
                return Results.NotFound();
            }
            return await reports.BuildAsync(link.AssessmentId, consultantVersion: false, ct) is { } view ? Pdf(view, paper) : Results.NotFound();
        }).ExcludeFromDescription();
        return app;
    }

    private static IResult Pdf(ReportView view, string? paper) => Results.File(
        PdfReport.Render(view, string.Equals(paper, "letter", StringComparison.OrdinalIgnoreCase) ? PaperSize.Letter : PaperSize.A4),
        "application/pdf", $"report-{view.SubmittedAt:yyyy-MM-dd}.pdf");
}
