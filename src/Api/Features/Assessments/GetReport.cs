using Assessment.Api.Identity;
using Assessment.Api.Problems;
using Assessment.Api.Reports;
using Assessment.Api.Reports.Pdf;
using Assessment.Domain.Benchmarks;
using Assessment.Domain.Reports;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;

namespace Assessment.Api.Features.Assessments;

/// <summary>The report as data: recommendations, plan, structure, benchmark, and the consultant's notes in that version.</summary>
public sealed record ReportDocument(Guid AssessmentId, DateTimeOffset SubmittedAt, Report Report, BenchmarkResult? Benchmark, ConsultantNotes? Consultant);

public static class GetReportEndpoint
{
    /// <summary>
    /// <c>GET /api/v1/assessments/{id}/report</c>: the report as PDF (<c>Accept: application/pdf</c>) or HTML
    /// (<c>text/html</c>). <c>?version=consultant</c> adds item-level answers and talking points, for members only;
    /// <c>?paper=letter</c> prints on US Letter instead of A4.
    /// </summary>
    public static RouteGroupBuilder MapGetReport(this RouteGroupBuilder group)
    {
        group.MapGet("/{id:guid}/report", async Task<Results<FileContentHttpResult, ContentHttpResult, Ok<ReportDocument>, ProblemHttpResult>> (
                Guid id,
                HttpContext http,
                ReportViews reports,
                IReportHtmlRenderer html,
                [FromQuery] string? version,
                [FromQuery] string? paper,
                CancellationToken ct) =>
            {
                var consultant = version switch
                {
                    null or "owner" => false,
                    "consultant" => true,
                    _ => (bool?)null,
                };
                PaperSize? size = paper?.ToLowerInvariant() switch
                {
                    null or "a4" => PaperSize.A4,
                    "letter" => PaperSize.Letter,
                    _ => null,
                };
                if (consultant is null || size is null)
                {
                    return Failure.Invalid(consultant is null ? "version" : "paper",
                        consultant is null ? "version is 'owner' or 'consultant'." : "paper is 'a4' or 'letter'.").ToProblem();
                }
                if (consultant.Value && !Roles.All.Any(http.User.IsInRole))
                {
                    return new Failure(StatusCodes.Status403Forbidden, ProblemTypes.Forbidden, "Workspace members only",
                        "The consultant version is for members of the workspace.").ToProblem();
                }
                var format = Negotiate(http.Request);
                if (format is null)
                {
                    return new Failure(StatusCodes.Status406NotAcceptable, ProblemTypes.NotAcceptable, "Format not available",
                        "The report is available as application/pdf, text/html or application/json.").ToProblem();
                }
                var view = await reports.BuildAsync(id, consultant.Value, ct);
                if (view is null)
                {
                    return Failure.NotFound($"A report for assessment {id}").ToProblem();
                }
                return format switch
                {
                    "application/pdf" => TypedResults.File(PdfReport.Render(view, size.Value), "application/pdf", $"report-{id}.pdf"),
                    "text/html" => TypedResults.Content(await html.RenderAsync(view, ct), "text/html; charset=utf-8"),
                    _ => TypedResults.Ok(new ReportDocument(view.AssessmentId, view.SubmittedAt, view.Report, view.Benchmark, view.Consultant)),
                };
            })
            .RequireAuthorization(Scopes.ReportsRead)
            .WithName("GetReport")
            .WithSummary("Get the recommendation report as PDF (Accept: application/pdf), HTML (text/html) or data (application/json).")
            .Produces(StatusCodes.Status200OK, contentType: "application/pdf")
            .Produces(StatusCodes.Status200OK, contentType: "text/html")
            .Produces<ReportDocument>(StatusCodes.Status200OK, contentType: "application/json")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status406NotAcceptable);
        return group;
    }

    /// <summary>PDF or HTML by the Accept header's quality order; PDF when nothing is asked for.</summary>
    private static string? Negotiate(HttpRequest request)
    {
        var accept = request.GetTypedHeaders().Accept;
        if (accept.Count == 0)
        {
            return "application/pdf";
        }
        foreach (var media in accept.OrderByDescending(a => a.Quality ?? 1))
        {
            if (media.MediaType.Equals("application/pdf", StringComparison.OrdinalIgnoreCase))
            {
                return "application/pdf";
            }
            if (media.MediaType.Equals("text/html", StringComparison.OrdinalIgnoreCase))
            {
                return "text/html";
            }
            if (media.MediaType.Equals("application/json", StringComparison.OrdinalIgnoreCase))
            {
                return "application/json";
            }
            if (media.MediaType.Equals("*/*", StringComparison.Ordinal) || media.MediaType.Equals("application/*", StringComparison.Ordinal))
            {
                return "application/pdf";
            }
        }
        return null;
    }
}
