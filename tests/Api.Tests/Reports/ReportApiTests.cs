using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using Assessment.Api.Outbox;
using Assessment.Api.Persistence;
using Assessment.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using UglyToad.PdfPig;

namespace Assessment.Api.Tests.Reports;

public abstract class ReportApiTests(AssessmentApp app)
{
    private static async Task<string> SubmitAsync(HttpClient client, Dictionary<string, object?> answers, string? email = "owner@practice.test", bool emailReport = false)
    {
        var id = (await client.PostJsonAsync("/api/v1/assessments", new { questionnaireKey = "owner-time", respondent = new { email, name = "Dr Owner" } }))
            .Body.GetProperty("id").GetString()!;
        Assert.Equal(HttpStatusCode.OK, (await client.PutJsonAsync($"/api/v1/assessments/{id}/answers", new { answers })).Status);
        var submitted = await client.PostJsonAsync($"/api/v1/assessments/{id}/submit", new { emailReport });
        Assert.Equal(HttpStatusCode.OK, submitted.Status);
        return id;
    }

    private static async Task<HttpResponseMessage> GetAsync(HttpClient client, string path, string accept)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, Http.Url(path));
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue(accept));
        return await client.SendAsync(request);
    }

    private static string PdfText(byte[] pdf)
    {
        using var document = PdfDocument.Open(pdf);
        return string.Join(" ", document.GetPages().SelectMany(p => p.GetWords()).Select(w => w.Text));
    }

    [Fact]
    public async Task The_pdf_takes_the_workspace_brand_colour_when_the_plan_includes_branding()
    {
        var client = await app.PartnerAsync("alpha-partner");
        var id = await SubmitAsync(client, OwnerTimeAnswers.Complete());
        var admin = await app.MemberAsync("admin@alpha.test");
        var settings = new Dictionary<string, string> { ["name"] = "alpha advisers", ["callMinutes"] = "30", ["primaryColor"] = "#7a1f5c" };
        Assert.Equal("/app/settings?saved=settings", await Http.PostFormAsync(admin, "/app/settings", "/app/settings", settings));
        try
        {
            using var response = await GetAsync(client, $"/api/v1/assessments/{id}/report", "application/pdf");
            using var pdf = PdfDocument.Open(await response.Content.ReadAsByteArrayAsync());
            var letters = pdf.GetPage(1).Letters;
            var title = letters.First(l => l.PointSize == letters.Max(x => x.PointSize) && !string.IsNullOrWhiteSpace(l.Value));
            var (r, g, b) = title.Color.ToRGBValues();
            Assert.Equal((0x7a, 0x1f, 0x5c), ((int)Math.Round(r * 255), (int)Math.Round(g * 255), (int)Math.Round(b * 255)));
            using var html = await GetAsync(client, $"/api/v1/assessments/{id}/report", "text/html");
            Assert.Contains("--accent: #7a1f5c", await html.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }
        finally
        {
            settings["primaryColor"] = "";
            Assert.Equal("/app/settings?saved=settings", await Http.PostFormAsync(admin, "/app/settings", "/app/settings", settings));
        }
    }

    [Fact]
    public async Task Report_comes_as_pdf_html_or_data_by_the_accept_header()
    {
        var client = await app.PartnerAsync("alpha-partner");
        var id = await SubmitAsync(client, OwnerTimeAnswers.Complete());
        var data = await GetAsync(client, $"/api/v1/assessments/{id}/report", "application/json");
        var top = JsonDocument.Parse(await data.Content.ReadAsStringAsync()).RootElement.GetProperty("report").GetProperty("recommendations")[0]
            .GetProperty("title").GetString()!;

        using var pdf = await GetAsync(client, $"/api/v1/assessments/{id}/report", "application/pdf");
        Assert.Equal(HttpStatusCode.OK, pdf.StatusCode);
        Assert.Equal("application/pdf", pdf.Content.Headers.ContentType?.MediaType);
        var text = PdfText(await pdf.Content.ReadAsByteArrayAsync());
        Assert.Contains("Leadership share: 20%", text, StringComparison.Ordinal);
        Assert.Contains(top, text, StringComparison.Ordinal);

        using var html = await GetAsync(client, $"/api/v1/assessments/{id}/report", "text/html");
        Assert.Equal("text/html", html.Content.Headers.ContentType?.MediaType);
        var page = await html.Content.ReadAsStringAsync();
        Assert.StartsWith("<!DOCTYPE html>", page, StringComparison.Ordinal);
        Assert.Contains("20%", page, StringComparison.Ordinal);
        Assert.Contains(System.Net.WebUtility.HtmlEncode(top), page, StringComparison.Ordinal);
        Assert.Contains("<svg", page, StringComparison.Ordinal);
        Assert.DoesNotContain("For the discovery call", page, StringComparison.Ordinal);

        using var png = await GetAsync(client, $"/api/v1/assessments/{id}/report", "image/png");
        Assert.Equal(HttpStatusCode.NotAcceptable, png.StatusCode);
    }

    [Theory]
    [InlineData("a4", 595, 842)]
    [InlineData("letter", 612, 792)]
    public async Task Pdf_prints_on_a4_or_letter(string paper, int width, int height)
    {
        var client = await app.PartnerAsync("alpha-partner");
        var id = await SubmitAsync(client, OwnerTimeAnswers.Complete());
        using var response = await GetAsync(client, $"/api/v1/assessments/{id}/report?paper={paper}", "application/pdf");
        using var document = PdfDocument.Open(await response.Content.ReadAsByteArrayAsync());
        var page = document.GetPage(1);
        Assert.Equal(width, (int)Math.Round(page.Width));
        Assert.Equal(height, (int)Math.Round(page.Height));
    }

    [Fact]
    public async Task Bad_report_options_are_problems()
    {
        var client = await app.PartnerAsync("alpha-partner");
        var id = await SubmitAsync(client, OwnerTimeAnswers.Complete());
        var paper = await client.GetJsonAsync($"/api/v1/assessments/{id}/report?paper=a3");
        Assert.Contains("paper", paper.AssertProblem(HttpStatusCode.BadRequest, "/problems/validation").Keys);
        var open = (await client.PostJsonAsync("/api/v1/assessments", new { questionnaireKey = "owner-time" })).Body.GetProperty("id").GetString();
        (await client.GetJsonAsync($"/api/v1/assessments/{open}/report")).AssertProblem(HttpStatusCode.NotFound, "/problems/not-found");
        var beta = await app.PartnerAsync("beta-partner");
        (await beta.GetJsonAsync($"/api/v1/assessments/{id}/report")).AssertProblem(HttpStatusCode.NotFound, "/problems/not-found");
    }

    [Fact]
    public async Task Consultant_version_is_for_members_and_adds_answers_and_talking_points()
    {
        var partner = await app.PartnerAsync("alpha-partner");
        var id = await SubmitAsync(partner, OwnerTimeAnswers.Complete());
        (await partner.GetJsonAsync($"/api/v1/assessments/{id}/report?version=consultant")).AssertProblem(HttpStatusCode.Forbidden, "/problems/forbidden");

        var consultant = await app.MemberAsync("consultant@alpha.test");
        using var html = await GetAsync(consultant, $"/api/v1/assessments/{id}/report?version=consultant", "text/html");
        Assert.Equal(HttpStatusCode.OK, html.StatusCode);
        var page = await html.Content.ReadAsStringAsync();
        Assert.Contains("For the discovery call", page, StringComparison.Ordinal);
        Assert.Contains("Every small question lands on my desk.", page, StringComparison.Ordinal);
        Assert.Contains("How many people work in the practice", page, StringComparison.Ordinal);

        using var pdf = await GetAsync(consultant, $"/api/v1/assessments/{id}/report?version=consultant", "application/pdf");
        Assert.Contains("For the discovery call", PdfText(await pdf.Content.ReadAsByteArrayAsync()), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Buried_and_owner_led_owners_get_clearly_different_reports()
    {
        var client = await app.PartnerAsync("alpha-partner");
        var buried = OwnerTimeAnswers.Complete();
        buried["time-actual"] = new Dictionary<string, object?> { ["rota"] = 12, ["team-questions"] = 8, ["billing"] = 5, ["direction"] = 2, ["clinical"] = 25 };
        foreach (var item in new[] { "od-1", "od-2", "od-3" })
        {
            buried[item] = 5;
        }
        buried["od-4"] = 1;
        var led = OwnerTimeAnswers.Complete();
        led["practice-manager"] = "yes";
        led["time-actual"] = new Dictionary<string, object?> { ["rota"] = 1, ["direction"] = 6, ["developing"] = 4, ["culture"] = 2, ["clinical"] = 25 };
        foreach (var item in OwnerTimeAnswers.LikertItems)
        {
            led[item] = item is "pb-3" or "os-3" or "cp-2" or "sd-4" or "ap-3" or "md-3" or "od-1" or "od-2" or "od-3" ? 1 : 5;
        }

        var buriedReport = await ReportAsync(client, await SubmitAsync(client, buried));
        var ledReport = await ReportAsync(client, await SubmitAsync(client, led));

        Assert.Equal("buried-in-management", buriedReport.GetProperty("result").GetProperty("profile").GetProperty("key").GetString());
        Assert.Equal("owner-led", ledReport.GetProperty("result").GetProperty("profile").GetProperty("key").GetString());
        var buriedIds = Ids(buriedReport);
        var ledIds = Ids(ledReport);
        Assert.Contains("hand-over-operations", buriedIds);
        Assert.Contains("reduce-owner-dependency", buriedIds);
        Assert.Contains("appoint-practice-manager", buriedIds);
        Assert.Equal(["keep-leading"], ledIds);
        Assert.NotEmpty(buriedReport.GetProperty("gaps").EnumerateArray());
        Assert.Empty(ledReport.GetProperty("gaps").EnumerateArray());
        Assert.Equal(2, ledReport.GetProperty("strengths").GetArrayLength());
        // Every recommendation explains itself with the owner's numbers.
        Assert.Contains("25 hours", buriedReport.GetProperty("recommendations")[0].GetProperty("why").GetString(), StringComparison.Ordinal);
    }

    private static async Task<JsonElement> ReportAsync(HttpClient client, string id)
    {
        using var response = await GetAsync(client, $"/api/v1/assessments/{id}/report", "application/json");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("report").Clone();
    }

    private static List<string?> Ids(JsonElement report) =>
        [.. report.GetProperty("recommendations").EnumerateArray().Select(r => r.GetProperty("id").GetString())];

    [Fact]
    public async Task Share_link_opens_the_report_until_it_is_revoked()
    {
        var client = await app.PartnerAsync("alpha-partner");
        var id = await SubmitAsync(client, OwnerTimeAnswers.Complete());
        var created = await client.PostJsonAsync($"/api/v1/assessments/{id}/share-links", new { expiresInDays = 7 });
        Assert.Equal(HttpStatusCode.Created, created.Status);
        var url = new Uri(created.Body.GetProperty("url").GetString()!);
        Assert.StartsWith("/r/", url.AbsolutePath, StringComparison.Ordinal);

        using var visitor = app.CreateClient();
        var page = await visitor.GetAsync(Http.Url(url.AbsolutePath));
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains("Your leadership share is", await page.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var pdf = await visitor.GetAsync(Http.Url(url.AbsolutePath + "/report.pdf"));
        Assert.Equal("application/pdf", pdf.Content.Headers.ContentType?.MediaType);

        var links = await client.GetJsonAsync($"/api/v1/assessments/{id}/share-links");
        var link = Assert.Single(links.Body.GetProperty("data").EnumerateArray());
        Assert.Equal("active", link.GetProperty("state").GetString());
        Assert.Equal(JsonValueKind.Null, link.GetProperty("url").ValueKind);

        var beta = await app.PartnerAsync("beta-partner");
        (await beta.PostJsonAsync($"/api/v1/share-links/{link.GetProperty("id").GetString()}/revoke")).AssertProblem(HttpStatusCode.NotFound, "/problems/not-found");
        var revoked = await client.PostJsonAsync($"/api/v1/share-links/{link.GetProperty("id").GetString()}/revoke");
        Assert.Equal("revoked", revoked.Body.GetProperty("state").GetString());

        var gone = await visitor.GetAsync(Http.Url(url.AbsolutePath));
        Assert.Equal(HttpStatusCode.Gone, gone.StatusCode);
        var body = await gone.Content.ReadAsStringAsync();
        Assert.Contains("This link has been withdrawn", body, StringComparison.Ordinal);
        Assert.DoesNotContain("Your leadership share is", body, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await visitor.GetAsync(Http.Url(url.AbsolutePath + "/report.pdf"))).StatusCode);
    }

    [Fact]
    public async Task Share_link_stops_working_when_it_expires_and_a_forged_one_never_works()
    {
        var client = await app.PartnerAsync("alpha-partner");
        var id = await SubmitAsync(client, OwnerTimeAnswers.Complete());
        var url = new Uri((await client.PostJsonAsync($"/api/v1/assessments/{id}/share-links", new { expiresInDays = 1 })).Body.GetProperty("url").GetString()!);
        using var visitor = app.CreateClient();
        Assert.Equal(HttpStatusCode.OK, (await visitor.GetAsync(Http.Url(url.AbsolutePath))).StatusCode);

        app.Clock.Advance(TimeSpan.FromDays(1) + TimeSpan.FromMinutes(1));
        var expired = await visitor.GetAsync(Http.Url(url.AbsolutePath));
        Assert.Equal(HttpStatusCode.Gone, expired.StatusCode);
        Assert.Contains("This link has expired", await expired.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        var forged = url.AbsolutePath[..^4] + (url.AbsolutePath.EndsWith('A') ? "BBBB" : "AAAA");
        Assert.Equal(HttpStatusCode.NotFound, (await visitor.GetAsync(Http.Url(forged))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await visitor.GetAsync(Http.Url("/r/not-a-token"))).StatusCode);

        // The partner's hour-long token expired with the clock too.
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetJsonAsync($"/api/v1/assessments/{id}")).Status);
        client = await app.PartnerAsync("alpha-partner");
        var invalid = await client.PostJsonAsync($"/api/v1/assessments/{id}/share-links", new { expiresInDays = 400 });
        Assert.Contains("expiresInDays", invalid.AssertProblem(HttpStatusCode.BadRequest, "/problems/validation").Keys);
    }

    [Fact]
    public async Task With_consent_the_report_link_is_emailed_through_the_outbox()
    {
        var client = await app.PartnerAsync("alpha-partner");
        var id = await SubmitAsync(client, OwnerTimeAnswers.Complete(), email: "consenting@practice.test", emailReport: true);

        using (var scope = app.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            var pending = await db.Outbox.AsNoTracking().Where(m => m.SentAt == null).ToListAsync();
            var message = Assert.Single(pending, m => m.ReadEmail().To == "consenting@practice.test");
            Assert.Equal(0, message.Attempts);

            Assert.True(await scope.ServiceProvider.GetRequiredService<OutboxProcessor>().ProcessDueAsync(CancellationToken.None) >= 1);
            var file = Path.Combine(app.MailDirectory, $"{message.Id:N}.eml");
            Assert.True(File.Exists(file), "The e-mail was written to the pickup folder.");
            var eml = await File.ReadAllTextAsync(file);
            Assert.Contains("To: consenting@practice.test", eml, StringComparison.Ordinal);
            var link = System.Text.RegularExpressions.Regex.Match(eml, @"/r/[A-Za-z0-9_-]+").Value;
            using var visitor = app.CreateClient();
            Assert.Equal(HttpStatusCode.OK, (await visitor.GetAsync(Http.Url(link))).StatusCode);
            Assert.NotNull((await db.Outbox.AsNoTracking().SingleAsync(m => m.Id == message.Id)).SentAt);
        }

        var assessment = await client.GetJsonAsync($"/api/v1/assessments/{id}");
        Assert.Equal("submitted", assessment.Body.GetProperty("status").GetString());
    }

    [Fact]
    public async Task Without_an_address_the_report_cannot_be_emailed_and_nothing_is_submitted()
    {
        var client = await app.PartnerAsync("alpha-partner");
        var id = (await client.PostJsonAsync("/api/v1/assessments", new { questionnaireKey = "owner-time" })).Body.GetProperty("id").GetString();
        await client.PutJsonAsync($"/api/v1/assessments/{id}/answers", new { answers = OwnerTimeAnswers.Complete() });
        var refused = await client.PostJsonAsync($"/api/v1/assessments/{id}/submit", new { emailReport = true });
        Assert.Contains("emailReport", refused.AssertProblem(HttpStatusCode.BadRequest, "/problems/validation").Keys);
        Assert.Equal("in-progress", (await client.GetJsonAsync($"/api/v1/assessments/{id}")).Body.GetProperty("status").GetString());
    }
}

public sealed class ReportApiTestsOnSqlite(SqliteApp app) : ReportApiTests(app), IClassFixture<SqliteApp>;

public sealed class ReportApiTestsOnPostgres(PostgresApp app) : ReportApiTests(app), IClassFixture<PostgresApp>;
