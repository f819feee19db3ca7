using Assessment.Testing;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;

namespace Assessment.Web.Tests;

/// <summary>An axe scan of every page a practice owner or consultant sees: no serious or critical violation.</summary>
public sealed class AccessibilityTests(BrowserApp browser) : IClassFixture<BrowserApp>
{
    private static async Task AssertAccessibleAsync(IPage page)
    {
        var results = await page.RunAxe();
        var serious = results.Violations.Where(v => v.Impact is "serious" or "critical").ToList();
        Assert.True(serious.Count == 0, $"{page.Url}: " + string.Join("; ", serious.Select(v =>
            $"{v.Id} ({v.Impact}): {v.Help} at {string.Join(", ", v.Nodes.Select(n => n.Target?.ToString()))}")));
    }

    [Theory]
    [InlineData(1280, 900)]
    [InlineData(390, 844)]
    public async Task Owner_pages_have_no_serious_violations(int width, int height)
    {
        var partner = await browser.App.PartnerAsync("alpha-partner");
        var id = (await partner.PostJsonAsync("/api/v1/assessments", new { questionnaireKey = "owner-time", respondent = new { email = "axe@practice.test" } }))
            .Body.GetProperty("id").GetString();
        var page = await browser.NewPageAsync(width, height);
        foreach (var path in new[] { "/", "/w/alpha", "/w/alpha/assessment", "/sign-in", "/problems", "/problems/idempotency-key-reused" })
        {
            await page.GotoAsync(path);
            await AssertAccessibleAsync(page);
        }
        for (var step = 1; step <= 7; step++)
        {
            await page.GotoAsync($"/w/alpha/assessment/{id}/{step}");
            await AssertAccessibleAsync(page);
        }
        await partner.PutJsonAsync($"/api/v1/assessments/{id}/answers", new { answers = OwnerTimeAnswers.Complete() });
        await partner.PostJsonAsync($"/api/v1/assessments/{id}/submit");
        foreach (var path in new[] { $"/w/alpha/assessment/{id}/result", $"/w/alpha/assessment/{id}/book?tz=Europe/London" })
        {
            await page.GotoAsync(path);
            await AssertAccessibleAsync(page);
        }
    }

    [Fact]
    public async Task Admin_billing_page_shows_the_plan_and_has_no_serious_violations()
    {
        var page = await browser.NewPageAsync();
        await page.GotoAsync("/sign-in");
        await page.GetByLabel("E-mail").FillAsync("admin@alpha.test");
        await page.GetByLabel("Password").FillAsync(AssessmentApp.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Plan and billing" }).ClickAsync();
        await Assertions.Expect(page.GetByText("Billing is not configured on this installation")).ToBeVisibleAsync();
        await AssertAccessibleAsync(page);
    }

    [Fact]
    public async Task Consultant_pages_have_no_serious_violations()
    {
        var page = await browser.NewPageAsync();
        await page.GotoAsync("/sign-in");
        await page.GetByLabel("E-mail").FillAsync("consultant@alpha.test");
        await page.GetByLabel("Password").FillAsync(AssessmentApp.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        foreach (var path in new[] { "/app", "/app/calls", "/app/availability", "/w/alpha/me" })
        {
            await page.GotoAsync(path);
            await AssertAccessibleAsync(page);
        }
    }
}
