using System.Net;
using Assessment.Testing;

namespace Assessment.Api.Tests.Isolation;

/// <summary>A partner of one workspace gets 404 for the id of any resource of another, whatever the resource.</summary>
public abstract class WorkspaceIsolationTests(AssessmentApp app)
{
    [Fact]
    public async Task Every_resource_of_another_workspace_is_not_found()
    {
        var alpha = await app.PartnerAsync("alpha-partner");
        var hook = (await alpha.PostJsonAsync("/api/v1/webhook-endpoints", new { url = "https://partner.test/isolation", eventTypes = new[] { "assessment.started" } }))
            .Body.GetProperty("id").GetString();
        var assessment = (await alpha.PostJsonAsync("/api/v1/assessments", new { questionnaireKey = "owner-time", respondent = new { email = "iso@practice.test" } }))
            .Body.GetProperty("id").GetString();
        await alpha.PutJsonAsync($"/api/v1/assessments/{assessment}/answers", new { answers = OwnerTimeAnswers.Complete() });
        await alpha.PostJsonAsync($"/api/v1/assessments/{assessment}/submit");
        var share = (await alpha.PostJsonAsync($"/api/v1/assessments/{assessment}/share-links", new { expiresInDays = 3 })).Body.GetProperty("id").GetString();
        var day = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(12);
        while (day.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday)
        {
            day = day.AddDays(1);
        }
        var london = TimeZoneInfo.FindSystemTimeZoneById("Europe/London");
        var local = day.ToDateTime(new TimeOnly(10, 0));
        var booking = (await alpha.PostJsonAsync("/api/v1/bookings", new
        {
            start = new DateTimeOffset(local, london.GetUtcOffset(local)),
            timeZone = "Europe/London",
            name = "Dr Iso",
            email = "iso@practice.test",
            assessmentId = assessment,
        })).Body.GetProperty("id").GetString();
        var delivery = (await alpha.GetJsonAsync($"/api/v1/webhook-endpoints/{hook}/deliveries")).Body.GetProperty("data")[0].GetProperty("id").GetString();
        var alphaAdmin = await app.MemberAsync("admin@alpha.test");
        var note = await alphaAdmin.PostJsonAsync($"/api/v1/assessments/{assessment}/notes", new { text = "Alpha only" });
        Assert.Equal(HttpStatusCode.Created, note.Status);
        Assert.Equal(HttpStatusCode.OK, (await alphaAdmin.PostJsonAsync($"/api/v1/assessments/{assessment}/tags", new { tag = "alpha-only" })).Status);
        var consultant = (await alphaAdmin.GetJsonAsync("/api/v1/consultants")).Body.GetProperty("data").EnumerateArray()
            .Single(c => c.GetProperty("email").GetString() == "consultant@alpha.test").GetProperty("id").GetString();

        var beta = await app.PartnerAsync("beta-partner");
        var notFound = new List<(HttpMethod, string, object?)>
        {
            (HttpMethod.Get, $"/api/v1/assessments/{assessment}", null),
            (HttpMethod.Put, $"/api/v1/assessments/{assessment}/answers", new { answers = new { locations = 2 } }),
            (HttpMethod.Post, $"/api/v1/assessments/{assessment}/submit", null),
            (HttpMethod.Get, $"/api/v1/assessments/{assessment}/result", null),
            (HttpMethod.Get, $"/api/v1/assessments/{assessment}/results", null),
            (HttpMethod.Post, $"/api/v1/assessments/{assessment}/rescore", null),
            (HttpMethod.Get, $"/api/v1/assessments/{assessment}/report", null),
            (HttpMethod.Get, $"/api/v1/assessments/{assessment}/share-links", null),
            (HttpMethod.Post, $"/api/v1/assessments/{assessment}/share-links", new { expiresInDays = 3 }),
            (HttpMethod.Post, $"/api/v1/share-links/{share}/revoke", null),
            (HttpMethod.Get, $"/api/v1/bookings/{booking}", null),
            (HttpMethod.Post, $"/api/v1/bookings/{booking}/cancel", null),
            (HttpMethod.Post, $"/api/v1/bookings/{booking}/reschedule", new { start = DateTimeOffset.UtcNow.AddDays(20) }),
            (HttpMethod.Post, $"/api/v1/bookings/{booking}/no-show", null),
            (HttpMethod.Get, $"/api/v1/webhook-endpoints/{hook}/deliveries", null),
            (HttpMethod.Post, $"/api/v1/webhook-endpoints/{hook}/rotate-secret", null),
            (HttpMethod.Delete, $"/api/v1/webhook-endpoints/{hook}", null),
            (HttpMethod.Post, $"/api/v1/webhook-deliveries/{delivery}/redeliver", null),
        };
        foreach (var (method, path, body) in notFound)
        {
            var response = await beta.SendAsync(method, path, body);
            Assert.True(response.Status == HttpStatusCode.NotFound, $"{method} {path} answered {response.Status}.");
        }
        var slots = await beta.GetJsonAsync($"/api/v1/slots?from={day:yyyy-MM-dd}&to={day:yyyy-MM-dd}&timeZone=Europe/London&consultantId={consultant}");
        Assert.Empty(slots.Body.GetProperty("slots").EnumerateArray());
        var betaAdmin = await app.MemberAsync("admin@beta.test");
        (await betaAdmin.GetJsonAsync($"/api/v1/consultants/{consultant}/availability")).AssertProblem(HttpStatusCode.NotFound, "/problems/not-found");
        Assert.DoesNotContain((await betaAdmin.GetJsonAsync("/api/v1/consultants")).Body.GetProperty("data").EnumerateArray(), c => c.GetProperty("id").GetString() == consultant);

        var memberOnly = new List<(HttpMethod, string, object?)>
        {
            (HttpMethod.Get, $"/api/v1/assessments/{assessment}/notes", null),
            (HttpMethod.Post, $"/api/v1/assessments/{assessment}/notes", new { text = "From beta" }),
            (HttpMethod.Post, $"/api/v1/assessments/{assessment}/tags", new { tag = "beta" }),
            (HttpMethod.Delete, $"/api/v1/assessments/{assessment}/tags/alpha-only", null),
            (HttpMethod.Post, "/api/v1/partner-clients/alpha-reader/rotate", null),
            (HttpMethod.Delete, "/api/v1/partner-clients/alpha-reader", null),
        };
        foreach (var (method, path, body) in memberOnly)
        {
            var response = await betaAdmin.SendAsync(method, path, body);
            Assert.True(response.Status == HttpStatusCode.NotFound, $"{method} {path} answered {response.Status} to another workspace's admin.");
        }
        Assert.DoesNotContain((await beta.GetJsonAsync("/api/v1/events?limit=100")).Body.GetProperty("data").EnumerateArray(),
            e => e.GetProperty("data").ToString().Contains(assessment!, StringComparison.Ordinal));

        // And nothing changed for alpha.
        Assert.Single((await alphaAdmin.GetJsonAsync($"/api/v1/assessments/{assessment}/notes")).Body.GetProperty("data").EnumerateArray());
        Assert.Equal(HttpStatusCode.OK, (await alpha.GetJsonAsync($"/api/v1/webhook-endpoints/{hook}/deliveries")).Status);
        Assert.False(string.IsNullOrEmpty(await app.TokenAsync("alpha-reader", "alpha-reader-secret")));
        Assert.Equal("active", (await alpha.GetJsonAsync($"/api/v1/bookings/{booking}")).Body.GetProperty("status").GetString());
        Assert.Equal("submitted", (await alpha.GetJsonAsync($"/api/v1/assessments/{assessment}")).Body.GetProperty("status").GetString());
    }
}

public sealed class WorkspaceIsolationTestsOnSqlite(SqliteApp app) : WorkspaceIsolationTests(app), IClassFixture<SqliteApp>;

public sealed class WorkspaceIsolationTestsOnPostgres(PostgresApp app) : WorkspaceIsolationTests(app), IClassFixture<PostgresApp>;
