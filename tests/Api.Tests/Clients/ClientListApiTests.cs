using System.Net;
using System.Text.Json;
using Assessment.Testing;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Assessment.Api.Tests.Clients;

public abstract class ClientListApiTests(AssessmentApp app)
{
    /// <summary>Starts (and with hours, submits) an assessment; leadership share = leadership ÷ (leadership + 10 management hours).</summary>
    private static async Task<string> StartAsync(HttpClient client, string practice, string? name = "Dr Owner", string? email = null, int? leadershipHours = null)
    {
        var id = (await client.PostJsonAsync("/api/v1/assessments", new
        {
            questionnaireKey = "owner-time",
            respondent = new { email = email ?? $"{Guid.NewGuid():N}@practice.test", name, practiceName = practice },
        })).Body.GetProperty("id").GetString()!;
        if (leadershipHours is { } hours)
        {
            var answers = OwnerTimeAnswers.Complete();
            answers["time-actual"] = new Dictionary<string, object?> { ["rota"] = 10, ["direction"] = hours, ["clinical"] = 30 };
            Assert.Equal(HttpStatusCode.OK, (await client.PutJsonAsync($"/api/v1/assessments/{id}/answers", new { answers })).Status);
            Assert.Equal(HttpStatusCode.OK, (await client.PostJsonAsync($"/api/v1/assessments/{id}/submit")).Status);
        }
        return id;
    }

    private static List<string> Ids(JsonElement page) =>
        [.. page.GetProperty("data").EnumerateArray().Select(r => r.GetProperty("id").GetString()!)];

    /// <summary>Every row of the list, page by page through the cursors.</summary>
    private static async Task<List<string>> AllPagesAsync(HttpClient client, string query, int limit)
    {
        var ids = new List<string>();
        string? cursor = null;
        for (var pages = 0; pages < 50; pages++)
        {
            var response = await client.GetJsonAsync($"/api/v1/assessments?{query}&limit={limit}" + (cursor is null ? "" : $"&cursor={Uri.EscapeDataString(cursor)}"));
            Assert.Equal(HttpStatusCode.OK, response.Status);
            var page = Ids(response.Body);
            Assert.True(page.Count <= limit);
            ids.AddRange(page);
            var next = response.Body.GetProperty("nextCursor");
            if (next.ValueKind == JsonValueKind.Null)
            {
                return ids;
            }
            cursor = next.GetString();
        }
        throw new InvalidOperationException("The cursors never ended.");
    }

    [Fact]
    public async Task Pages_through_cursors_in_a_stable_order_without_duplicates_for_every_sort()
    {
        var partner = await app.PartnerAsync("alpha-partner");
        var tag = $"paging{Guid.NewGuid():N}"[..20];
        var created = new List<string>();
        int?[] hours = [5, null, 10, 5, null, 0, 20];
        foreach (var h in hours)
        {
            created.Add(await StartAsync(partner, $"Clinic {tag}", leadershipHours: h));
        }

        foreach (var sort in new[] { "newest", "oldest", "share" })
        {
            var whole = Ids((await partner.GetJsonAsync($"/api/v1/assessments?q={tag}&sort={sort}&limit=100")).Body);
            Assert.Equal(created.Count, whole.Count);
            foreach (var limit in new[] { 1, 2, 3 })
            {
                var paged = await AllPagesAsync(partner, $"q={tag}&sort={sort}", limit);
                Assert.Equal(whole, paged);
                Assert.Equal(paged.Count, paged.Distinct().Count());
            }
        }
        var newest = Ids((await partner.GetJsonAsync($"/api/v1/assessments?q={tag}")).Body);
        Assert.Equal(Enumerable.Reverse(created), newest);
        // Highest share first (20/30, 10/20, 5/15 twice, 0/10), then the two never submitted.
        var share = (await partner.GetJsonAsync($"/api/v1/assessments?q={tag}&sort=share")).Body.GetProperty("data").EnumerateArray()
            .Select(r => r.GetProperty("leadershipShare").ValueKind == JsonValueKind.Null ? (decimal?)null : r.GetProperty("leadershipShare").GetDecimal()).ToList();
        Assert.Equal([0.6667m, 0.5m, 0.3333m, 0.3333m, 0m, null, null], share);
    }

    [Fact]
    public async Task Filters_narrow_the_list_by_status_share_profile_type_date_and_search()
    {
        var partner = await app.PartnerAsync("alpha-partner");
        var tag = $"filter{Guid.NewGuid():N}"[..20];
        var low = await StartAsync(partner, $"Low {tag}", name: "Dr Lowe", leadershipHours: 2);
        var high = await StartAsync(partner, $"High {tag}", name: "Dr Hyde", leadershipHours: 30);
        var open = await StartAsync(partner, $"Open {tag}", name: "Dr Open", email: $"OPEN-{tag}@Practice.test");

        async Task<List<string>> ListAsync(string query) => Ids((await partner.GetJsonAsync($"/api/v1/assessments?q={tag}&{query}")).Body);

        Assert.Equal([open], await ListAsync("status=started"));
        Assert.Equal([high, low], await ListAsync("status=submitted"));
        Assert.Empty(await ListAsync("status=booked"));
        Assert.Equal([low], await ListAsync("shareMax=20"));
        Assert.Equal([high], await ListAsync("shareMin=50&shareMax=100"));
        Assert.Equal([low], await ListAsync("profile=buried-in-management"));
        Assert.Equal([high, low], await ListAsync("practiceType=dental"));
        Assert.Empty(await ListAsync("practiceType=veterinary"));
        var today = DateTime.UtcNow.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal(3, (await ListAsync($"from={today}&to={today}")).Count);
        Assert.Empty(await ListAsync("to=2020-01-01"));
        Assert.Equal([open], Ids((await partner.GetJsonAsync($"/api/v1/assessments?q=open-{tag}@practice")).Body));
        Assert.Equal([high], Ids((await partner.GetJsonAsync($"/api/v1/assessments?q=HIGH {tag}")).Body));
        var row = (await partner.GetJsonAsync($"/api/v1/assessments?q={tag}&status=started")).Body.GetProperty("data")[0];
        Assert.Equal("Dr Open", row.GetProperty("name").GetString());
        Assert.Equal("in-progress", row.GetProperty("status").GetString());
    }

    [Fact]
    public async Task Bad_paging_and_filters_are_validation_problems()
    {
        var partner = await app.PartnerAsync("alpha-partner");
        foreach (var (query, field) in new[]
        {
            ("limit=0", "limit"), ("limit=101", "limit"), ("cursor=not-a-cursor", "cursor"), ("status=lost", "status"), ("sort=name", "sort"),
            ("shareMin=120", "shareMin"), ("from=2025-02-01&to=2025-01-01", "to"),
        })
        {
            var errors = (await partner.GetJsonAsync($"/api/v1/assessments?{query}")).AssertProblem(HttpStatusCode.BadRequest, "/problems/validation");
            Assert.Contains(field, errors.Keys);
        }
        var tag = $"cursor{Guid.NewGuid():N}"[..20];
        await StartAsync(partner, tag);
        await StartAsync(partner, tag);
        var cursor = (await partner.GetJsonAsync($"/api/v1/assessments?q={tag}&limit=1")).Body.GetProperty("nextCursor").GetString()!;
        var other = await partner.GetJsonAsync($"/api/v1/assessments?q={tag}&limit=1&sort=oldest&cursor={Uri.EscapeDataString(cursor)}");
        Assert.Contains("cursor", other.AssertProblem(HttpStatusCode.BadRequest, "/problems/validation").Keys);
    }

    [Fact]
    public async Task Another_workspace_sees_nothing_and_cannot_note_or_tag()
    {
        var alpha = await app.PartnerAsync("alpha-partner");
        var tag = $"cross{Guid.NewGuid():N}"[..20];
        var id = await StartAsync(alpha, tag, leadershipHours: 5);
        var reader = await app.PartnerAsync("alpha-reader");
        Assert.Equal([id], Ids((await reader.GetJsonAsync($"/api/v1/assessments?q={tag}")).Body));

        var beta = await app.PartnerAsync("beta-partner");
        Assert.Empty(Ids((await beta.GetJsonAsync($"/api/v1/assessments?q={tag}")).Body));
        var betaMember = await app.MemberAsync("consultant@beta.test");
        (await betaMember.PostJsonAsync($"/api/v1/assessments/{id}/notes", new { text = "Not mine" })).AssertProblem(HttpStatusCode.NotFound, "/problems/not-found");
        (await betaMember.PostJsonAsync($"/api/v1/assessments/{id}/tags", new { tag = "x" })).AssertProblem(HttpStatusCode.NotFound, "/problems/not-found");
        Assert.Empty(Ids((await betaMember.GetJsonAsync($"/api/v1/assessments?q={tag}")).Body));
        using var page = await betaMember.GetAsync(Http.Url($"/app/clients/{id}"));
        Assert.Equal(HttpStatusCode.NotFound, page.StatusCode);
        using var csv = await betaMember.GetAsync(Http.Url($"/app/clients/export.csv?q={tag}"));
        Assert.Equal(HttpStatusCode.OK, csv.StatusCode);
        Assert.Single((await csv.Content.ReadAsStringAsync()).Split("\r\n", StringSplitOptions.RemoveEmptyEntries));

        var writeOnly = await app.PartnerAsync("alpha-partner", "assessments:write");
        Assert.Equal(HttpStatusCode.Forbidden, (await writeOnly.GetJsonAsync($"/api/v1/assessments?q={tag}")).Status);
    }

    [Fact]
    public async Task Notes_and_tags_are_kept_listed_and_filterable()
    {
        var partner = await app.PartnerAsync("alpha-partner");
        var unique = $"notes{Guid.NewGuid():N}"[..20];
        var id = await StartAsync(partner, unique, leadershipHours: 5);
        var other = await StartAsync(partner, unique, leadershipHours: 5);
        var consultant = await app.MemberAsync("consultant@alpha.test");

        var note = await consultant.PostJsonAsync($"/api/v1/assessments/{id}/notes", new { text = "  Wants help with rotas.  " });
        Assert.Equal(HttpStatusCode.Created, note.Status);
        Assert.Equal("consultant@alpha.test", note.Body.GetProperty("author").GetString());
        await consultant.PostJsonAsync($"/api/v1/assessments/{id}/notes", new { text = "Second call in May." });
        var notes = (await consultant.GetJsonAsync($"/api/v1/assessments/{id}/notes")).Body.GetProperty("data").EnumerateArray().Select(n => n.GetProperty("text").GetString()).ToList();
        Assert.Equal(["Second call in May.", "Wants help with rotas."], notes);
        Assert.Contains("text", (await consultant.PostJsonAsync($"/api/v1/assessments/{id}/notes", new { text = " " })).AssertProblem(HttpStatusCode.BadRequest, "/problems/validation").Keys);
        Assert.Equal(HttpStatusCode.Forbidden, (await partner.PostJsonAsync($"/api/v1/assessments/{id}/notes", new { text = "partner" })).Status);

        var tags = await consultant.PostJsonAsync($"/api/v1/assessments/{id}/tags", new { tag = " Follow-Up " });
        Assert.Equal(["follow-up"], tags.Body.EnumerateArray().Select(t => t.GetString()));
        await consultant.PostJsonAsync($"/api/v1/assessments/{id}/tags", new { tag = "follow-up" });
        await consultant.PostJsonAsync($"/api/v1/assessments/{id}/tags", new { tag = "vip" });
        Assert.Contains("tag", (await consultant.PostJsonAsync($"/api/v1/assessments/{id}/tags", new { tag = "<b>" })).AssertProblem(HttpStatusCode.BadRequest, "/problems/validation").Keys);

        var list = (await consultant.GetJsonAsync($"/api/v1/assessments?q={unique}&tag=follow-up")).Body.GetProperty("data");
        Assert.Equal(id, Assert.Single(list.EnumerateArray()).GetProperty("id").GetString());
        Assert.Equal(["follow-up", "vip"], list[0].GetProperty("tags").EnumerateArray().Select(t => t.GetString()));

        var removed = await consultant.SendAsync(HttpMethod.Delete, $"/api/v1/assessments/{id}/tags/follow-up");
        Assert.Equal(["vip"], removed.Body.EnumerateArray().Select(t => t.GetString()));
        Assert.Empty(Ids((await consultant.GetJsonAsync($"/api/v1/assessments?q={unique}&tag=follow-up")).Body));
        Assert.Equal(2, Ids((await consultant.GetJsonAsync($"/api/v1/assessments?q={unique}")).Body).Count);
        Assert.NotEqual(id, other);
    }

    [Fact]
    public async Task Csv_export_escapes_formulas_quotes_and_commas_and_follows_the_filter()
    {
        var partner = await app.PartnerAsync("alpha-partner");
        var unique = $"csv{Guid.NewGuid():N}"[..20];
        await StartAsync(partner, $"{unique}, \"Smile\" Clinic", name: "=HYPERLINK(\"http://evil\")", leadershipHours: 5);
        await StartAsync(partner, $"{unique} Two", name: "+cmd|' /C calc'!A0");
        await StartAsync(partner, $"{unique} Three", name: "@SUM(1)");
        await StartAsync(partner, $"{unique} Four", name: "-2+3");
        await StartAsync(partner, "Someone else entirely", name: "Dr Plain");

        var member = await app.MemberAsync("consultant@alpha.test");
        using var response = await member.GetAsync(Http.Url($"/app/clients/export.csv?q={unique}&sort=oldest"));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("attachment", response.Content.Headers.ContentDisposition?.DispositionType ?? "", StringComparison.Ordinal);
        var text = (await response.Content.ReadAsStringAsync()).TrimStart('\uFEFF');
        var lines = text.Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("id,status,name,email,practice_name,practice_type,profile,leadership_share,started_at,submitted_at,booked,tags", lines[0]);
        Assert.Equal(5, lines.Length);
        Assert.Contains(",\"'=HYPERLINK(\"\"http://evil\"\")\",", lines[1], StringComparison.Ordinal);
        Assert.Contains($",\"{unique}, \"\"Smile\"\" Clinic\",dental,emerging-leader,0.3333,", lines[1], StringComparison.Ordinal);
        Assert.Contains(",'+cmd|' /C calc'!A0,", lines[2], StringComparison.Ordinal);
        Assert.Contains(",'@SUM(1),", lines[3], StringComparison.Ordinal);
        Assert.Contains(",'-2+3,", lines[4], StringComparison.Ordinal);
        Assert.DoesNotContain("Dr Plain", text, StringComparison.Ordinal);

        using var anonymous = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        Assert.NotEqual(HttpStatusCode.OK, (await anonymous.GetAsync(Http.Url($"/app/clients/export.csv?q={unique}"))).StatusCode);
        Assert.NotEqual(HttpStatusCode.OK, (await partner.GetAsync(Http.Url($"/app/clients/export.csv?q={unique}"))).StatusCode);
    }

    [Fact]
    public void Csv_cells_starting_with_a_formula_character_get_a_quote()
    {
        Assert.Equal("'=1+2", Api.Features.Clients.ClientCsv.Cell("=1+2"));
        Assert.Equal("'\t1", Api.Features.Clients.ClientCsv.Cell("\t1"));
        Assert.Equal("'-1", Api.Features.Clients.ClientCsv.Cell("-1"));
        Assert.Equal("'+1", Api.Features.Clients.ClientCsv.Cell("+1"));
        Assert.Equal("'@a", Api.Features.Clients.ClientCsv.Cell("@a"));
        Assert.Equal("\"a,b\"", Api.Features.Clients.ClientCsv.Cell("a,b"));
        Assert.Equal("\"'\r1\"", Api.Features.Clients.ClientCsv.Cell("\r1"));
        Assert.Equal("plain", Api.Features.Clients.ClientCsv.Cell("plain"));
        Assert.Equal("", Api.Features.Clients.ClientCsv.Cell(null));
    }
}

public sealed class ClientListApiTestsOnSqlite(SqliteApp app) : ClientListApiTests(app), IClassFixture<SqliteApp>;

public sealed class ClientListApiTestsOnPostgres(PostgresApp app) : ClientListApiTests(app), IClassFixture<PostgresApp>;
