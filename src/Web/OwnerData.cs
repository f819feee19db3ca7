using System.Text.Json;
using Assessment.Api.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Assessment.Web;

/// <summary>A signed-in owner downloads everything the workspace holds about them, as JSON.</summary>
public static class OwnerData
{
    public static IEndpointRouteBuilder MapOwnerData(this IEndpointRouteBuilder app)
    {
        app.MapGet("/w/{slug}/me/data.json", async (string slug, HttpContext http, PublicWorkspace workspaces, OwnerSession sessions,
            AppDbContext db, TimeProvider clock, CancellationToken ct) =>
        {
            var workspace = await workspaces.EnterAsync(slug, ct);
            var email = workspace is null ? null : sessions.Email(http, workspace.Id, slug);
            if (workspace is null || email is null)
            {
                return Results.Redirect($"/w/{slug}/me");
            }
            var assessments = await db.Assessments.AsNoTracking()
                .Where(a => a.OwnerEmailKey == email)
                .OrderBy(a => a.CreatedAt).ToListAsync(ct);
            var bookings = await db.Bookings.AsNoTracking().Where(b => b.OwnerEmailKey == email).OrderBy(b => b.CreatedAt).ToListAsync(ct);
            var export = new
            {
                exportedAt = clock.GetUtcNow(),
                workspace = workspace.Name,
                email,
                assessments = assessments.Select(a => new
                {
                    a.Id,
                    questionnaire = new { key = a.QuestionnaireKey, version = a.QuestionnaireVersion },
                    status = a.Status.ToString(),
                    respondent = a.Respondent,
                    a.CreatedAt,
                    a.UpdatedAt,
                    a.SubmittedAt,
                    a.ConsentVersion,
                    a.ConsentedAt,
                    a.ReportEmailConsentAt,
                    answers = a.Answers,
                    results = a.Results,
                }),
                calls = bookings.Select(b => new { b.Id, b.Start, b.End, status = b.Status.ToString(), b.Owner, b.CreatedAt, b.CanceledAt }),
            };
            return Results.File(JsonSerializer.SerializeToUtf8Bytes(export, ApiJson.Options), "application/json", $"my-data-{slug}.json");
        }).ExcludeFromDescription();
        return app;
    }
}
