using System.Net;
using System.Text.Json;
using Assessment.Testing;

namespace Assessment.Api.Tests.Partners;

/// <summary>Every list answers <c>{data, nextCursor}</c>, pages by an opaque cursor and refuses a bad limit or cursor.</summary>
public abstract class ListPagingTests(AssessmentApp app)
{
    [Fact]
    public async Task Every_list_walked_one_item_at_a_time_gives_the_items_of_one_large_page_in_the_same_order()
    {
        var partner = await app.PartnerAsync("alpha-partner");
        var admin = await app.MemberAsync("admin@alpha.test");
        var assessment = await SubmittedAssessmentAsync(partner);
        var hook = "";
        for (var i = 0; i < 3; i++)
        {
            Assert.Equal(HttpStatusCode.Created, (await partner.PostJsonAsync($"/api/v1/assessments/{assessment}/share-links", new { expiresInDays = i + 1 })).Status);
            Assert.Equal(HttpStatusCode.Created, (await admin.PostJsonAsync($"/api/v1/assessments/{assessment}/notes", new { text = $"Note {i}" })).Status);
            var endpoint = await partner.PostJsonAsync("/api/v1/webhook-endpoints", new { url = $"https://partner.test/hook/{i}", eventTypes = new[] { "assessment.started" } });
            Assert.Equal(HttpStatusCode.Created, endpoint.Status);
            hook = endpoint.Body.GetProperty("id").GetString()!;
            Assert.Equal(HttpStatusCode.Created, (await admin.PostJsonAsync("/api/v1/partner-clients", new { name = $"Paged {i}", scopes = new[] { "assessments:read" } })).Status);
        }
        for (var i = 0; i < 3; i++)
        {
            Assert.Equal(HttpStatusCode.Created, (await partner.PostJsonAsync("/api/v1/assessments", new { questionnaireKey = "owner-time" })).Status);
        }

        var lists = new (HttpClient Client, string Path, string Key, int AtLeast)[]
        {
            (partner, $"/api/v1/assessments/{assessment}/share-links", "id", 3),
            (admin, $"/api/v1/assessments/{assessment}/notes", "id", 3),
            (partner, "/api/v1/webhook-endpoints", "id", 3),
            (partner, $"/api/v1/webhook-endpoints/{hook}/deliveries", "id", 3),
            (admin, "/api/v1/partner-clients", "clientId", 5),
            (partner, "/api/v1/consultants", "id", 2),
            (partner, "/api/v1/events", "id", 4),
            (partner, "/api/v1/assessments", "id", 4),
            (partner, "/api/v1/questionnaires", "key", 1),
            (partner, $"/api/v1/assessments/{assessment}/results", "scoringVersion", 1),
        };
        foreach (var (client, path, key, atLeast) in lists)
        {
            var whole = await client.GetJsonAsync(Query(path, "limit=100"));
            Assert.True(whole.Status == HttpStatusCode.OK, $"{path}: {whole.Status} {whole.Body}");
            Assert.Equal(JsonValueKind.Null, whole.Body.GetProperty("nextCursor").ValueKind);
            var expected = whole.Body.GetProperty("data").EnumerateArray().Select(e => e.GetProperty(key).GetString()).ToList();
            Assert.True(expected.Count >= atLeast, $"{path} has {expected.Count} items, expected at least {atLeast}.");

            var walked = new List<string?>();
            string? cursor = null;
            do
            {
                var page = await client.GetJsonAsync(Query(path, cursor is null ? "limit=1" : $"limit=1&cursor={Uri.EscapeDataString(cursor)}"));
                Assert.True(page.Status == HttpStatusCode.OK, $"{path}: {page.Status} {page.Body}");
                var data = page.Body.GetProperty("data").EnumerateArray().ToList();
                Assert.True(data.Count <= 1, $"{path} gave {data.Count} items for limit=1.");
                walked.AddRange(data.Select(e => e.GetProperty(key).GetString()));
                cursor = page.Body.GetProperty("nextCursor").GetString();
                Assert.True(walked.Count <= expected.Count, $"{path} walks past its end.");
            }
            while (cursor is not null);
            Assert.Equal(expected, walked);
        }
    }

    public static TheoryData<string> Lists => new()
    {
        "/api/v1/questionnaires",
        "/api/v1/assessments",
        "/api/v1/consultants",
        "/api/v1/bookings",
        "/api/v1/events",
        "/api/v1/webhook-endpoints",
        "/api/v1/partner-clients",
        "/api/v1/assessments/{assessment}/share-links",
        "/api/v1/assessments/{assessment}/notes",
        "/api/v1/assessments/{assessment}/results",
    };

    [Theory]
    [MemberData(nameof(Lists))]
    public async Task A_list_refuses_a_limit_outside_1_to_100_and_a_cursor_it_did_not_issue(string list)
    {
        var admin = await app.MemberAsync("admin@alpha.test");
        var path = list.Replace("{assessment}", await SubmittedAssessmentAsync(await app.PartnerAsync("alpha-partner")), StringComparison.Ordinal);
        foreach (var (query, parameter) in new[] { ("limit=0", "limit"), ("limit=101", "limit"), ("cursor=not-a-cursor", "cursor"), ("cursor=%25%25", "cursor") })
        {
            var refused = await admin.GetJsonAsync(Query(path, query));
            Assert.Contains(parameter, refused.AssertProblem(HttpStatusCode.BadRequest, "/problems/validation").Keys);
        }
    }

    private static string Query(string path, string query) => path + (path.Contains('?', StringComparison.Ordinal) ? "&" : "?") + query;

    private static async Task<string> SubmittedAssessmentAsync(HttpClient partner)
    {
        var id = (await partner.PostJsonAsync("/api/v1/assessments", new { questionnaireKey = "owner-time", respondent = new { email = "paged@practice.test", name = "Dr Paged" } }))
            .Body.GetProperty("id").GetString()!;
        Assert.Equal(HttpStatusCode.OK, (await partner.PutJsonAsync($"/api/v1/assessments/{id}/answers", new { answers = OwnerTimeAnswers.Complete() })).Status);
        Assert.Equal(HttpStatusCode.OK, (await partner.PostJsonAsync($"/api/v1/assessments/{id}/submit")).Status);
        return id;
    }
}

public sealed class ListPagingTestsOnSqlite(SqliteApp app) : ListPagingTests(app), IClassFixture<SqliteApp>;

public sealed class ListPagingTestsOnPostgres(PostgresApp app) : ListPagingTests(app), IClassFixture<PostgresApp>;
