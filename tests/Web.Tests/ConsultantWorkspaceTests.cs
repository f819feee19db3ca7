using System.Text.RegularExpressions;
using Assessment.Testing;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;

namespace Assessment.Web.Tests;

/// <summary>The consultant workspace in the browser: the client list, a result with notes and tags, the export and the new pages' accessibility.</summary>
public sealed class ConsultantWorkspaceTests(BrowserApp browser) : IClassFixture<BrowserApp>
{
    private async Task<IPage> SignInAsync(string email)
    {
        var page = await browser.NewPageAsync();
        await page.GotoAsync("/sign-in");
        await page.GetByLabel("E-mail").FillAsync(email);
        await page.GetByLabel("Password").FillAsync(AssessmentApp.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("/app$"));
        return page;
    }

    private async Task<string> SubmitAsync(string name, string practice, bool submit = true)
    {
        var partner = await browser.App.PartnerAsync("alpha-partner");
        var id = (await partner.PostJsonAsync("/api/v1/assessments", new
        {
            questionnaireKey = "owner-time",
            respondent = new { email = $"{Guid.NewGuid():N}@practice.test", name, practiceName = practice },
        })).Body.GetProperty("id").GetString()!;
        if (submit)
        {
            await partner.PutJsonAsync($"/api/v1/assessments/{id}/answers", new { answers = OwnerTimeAnswers.Complete() });
            await partner.PostJsonAsync($"/api/v1/assessments/{id}/submit");
        }
        return id;
    }

    private static async Task AssertAccessibleAsync(IPage page)
    {
        var results = await page.RunAxe();
        var serious = results.Violations.Where(v => v.Impact is "serious" or "critical").ToList();
        Assert.True(serious.Count == 0, $"{page.Url}: " + string.Join("; ", serious.Select(v =>
            $"{v.Id} ({v.Impact}): {v.Help} at {string.Join(", ", v.Nodes.Select(n => n.Target?.ToString()))}")));
    }

    [Fact]
    public async Task Consultant_filters_opens_a_result_adds_a_note_and_a_tag_and_exports()
    {
        var unique = $"Brightsmile {Guid.NewGuid():N}"[..20];
        await SubmitAsync("Dr Submitted", unique);
        await SubmitAsync("Dr Unfinished", unique, submit: false);
        var page = await SignInAsync("consultant@alpha.test");

        await page.GetByRole(AriaRole.Link, new() { Name = "Clients", Exact = true }).First.ClickAsync();
        await page.GetByLabel("Search owner, e-mail or practice").FillAsync(unique);
        await page.GetByLabel("Status").SelectOptionAsync("submitted");
        await page.GetByRole(AriaRole.Button, new() { Name = "Apply filters" }).ClickAsync();
        var rows = page.GetByTestId("clients").Locator("tbody tr");
        await Assertions.Expect(rows).ToHaveCountAsync(1);
        await Assertions.Expect(rows.First).ToContainTextAsync("Dr Submitted");

        var download = await page.RunAndWaitForDownloadAsync(() => page.GetByRole(AriaRole.Link, new() { Name = "Export these clients as CSV" }).ClickAsync());
        var path = Path.Combine(BrowserApp.Artifacts, "clients.csv");
        await download.SaveAsAsync(path);
        var csv = await File.ReadAllTextAsync(path);
        Assert.Contains("Dr Submitted", csv, StringComparison.Ordinal);
        Assert.DoesNotContain("Dr Unfinished", csv, StringComparison.Ordinal);
        Assert.EndsWith(".csv", download.SuggestedFilename, StringComparison.Ordinal);

        await page.GetByRole(AriaRole.Link, new() { Name = "Dr Submitted" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Dr Submitted", Level = 1 })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByText("For the discovery call")).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByText("Every small question lands on my desk.").First).ToBeVisibleAsync();

        await page.GetByLabel("New note").FillAsync("Keen to delegate the rota.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Add note" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Note added.");
        await Assertions.Expect(page.GetByTestId("notes")).ToContainTextAsync("Keen to delegate the rota.");
        await Assertions.Expect(page.GetByTestId("notes")).ToContainTextAsync("consultant@alpha.test");

        await page.GetByLabel("New tag").FillAsync("Hot lead");
        await page.GetByRole(AriaRole.Button, new() { Name = "Add tag" }).ClickAsync();
        await Assertions.Expect(page.GetByTestId("tags")).ToContainTextAsync("hot lead");

        await page.GotoAsync($"/app/clients?q={Uri.EscapeDataString(unique)}&tag=hot+lead");
        await Assertions.Expect(rows).ToHaveCountAsync(1);
        await Assertions.Expect(rows.First).ToContainTextAsync("hot lead");
        await page.ScreenshotAsync(new() { Path = Path.Combine(BrowserApp.Artifacts, "consultant-clients.png"), FullPage = true });
    }

    [Fact]
    public async Task New_pages_have_no_serious_violations()
    {
        var id = await SubmitAsync("Dr Axe", "Axe Dental");
        var page = await SignInAsync("admin@alpha.test");
        foreach (var path in new[] { "/app/clients", "/app/clients?status=submitted&sort=share", $"/app/clients/{id}", "/app/dashboard", "/app/settings" })
        {
            await page.GotoAsync(path);
            await Assertions.Expect(page.Locator("main h1").First).ToBeVisibleAsync();
            await AssertAccessibleAsync(page);
        }
        var anonymous = await browser.NewPageAsync(390, 844);
        foreach (var path in new[] { "/forgot-password", "/forgot-password?sent=1", "/reset-password?email=a%40b.test&token=x", "/accept-invitation?token=x" })
        {
            await anonymous.GotoAsync(path);
            await AssertAccessibleAsync(anonymous);
        }
    }

    [Fact]
    public async Task Dashboard_counts_this_weeks_funnel_and_settings_save_branding_and_the_call_length()
    {
        await SubmitAsync("Dr Funnel", "Funnel Vets");
        var page = await SignInAsync("admin@alpha.test");
        await page.GotoAsync("/app/dashboard");
        var thisWeek = page.GetByTestId("funnel").Locator("tbody tr").Nth(11);
        var started = int.Parse(await thisWeek.Locator("td").Nth(0).InnerTextAsync(), System.Globalization.CultureInfo.InvariantCulture);
        Assert.True(started >= 1, "This week's started count includes the new assessment.");

        await page.GotoAsync("/app/settings");
        await page.GetByLabel("Main colour (hex, e.g. #1a4d8f)").FillAsync("#123456");
        await page.GetByLabel("Logo address (https)").FillAsync("https://example.com/logo.png");
        await page.GetByLabel("Discovery call length (minutes)").FillAsync("45");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save settings" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Settings saved.");
        await Assertions.Expect(page.GetByLabel("Discovery call length (minutes)")).ToHaveValueAsync("45");
        await page.GotoAsync("/w/alpha");
        await Assertions.Expect(page.GetByTestId("brand-logo")).ToHaveAttributeAsync("src", "https://example.com/logo.png");
        Assert.Contains("--accent: #123456", await page.ContentAsync(), StringComparison.Ordinal);

        await page.GotoAsync("/app/settings");
        await page.GetByLabel("Logo address (https)").FillAsync("http://example.com/logo.png");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save settings" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("https://");
        // Reset so other tests see the standard look.
        await page.GetByLabel("Logo address (https)").FillAsync("");
        await page.GetByLabel("Main colour (hex, e.g. #1a4d8f)").FillAsync("");
        await page.GetByLabel("Discovery call length (minutes)").FillAsync("30");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save settings" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Settings saved.");
    }
}
