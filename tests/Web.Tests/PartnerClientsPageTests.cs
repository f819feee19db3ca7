using System.Text.RegularExpressions;
using Assessment.Testing;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;

namespace Assessment.Web.Tests;

public sealed partial class PartnerClientsPageTests(BrowserApp browser) : IClassFixture<BrowserApp>
{
    [Fact]
    public async Task Admin_creates_a_partner_client_sees_the_secret_once_and_revokes_it()
    {
        var page = await browser.NewPageAsync();
        await page.GotoAsync("/sign-in?returnUrl=/app/partners");
        await page.GetByLabel("E-mail").FillAsync("admin@alpha.test");
        await page.GetByLabel("Password").FillAsync(AssessmentApp.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Partner clients", Exact = true })).ToBeVisibleAsync();

        await page.GetByLabel("Name").FillAsync("Reporting tool");
        await page.GetByLabel("assessments:read").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Create client" }).ClickAsync();
        var shown = await page.GetByTestId("secret").InnerTextAsync();
        var clientId = ClientId().Match(shown).Groups[1].Value;
        var secret = Secret().Match(shown).Groups[1].Value;
        Assert.StartsWith("alpha-", clientId, StringComparison.Ordinal);
        var results = await page.RunAxe();
        Assert.DoesNotContain(results.Violations, v => v.Impact is "serious" or "critical");

        Assert.False(string.IsNullOrEmpty(await browser.App.TokenAsync(clientId, secret)));
        await page.GotoAsync("/app/partners");
        await Assertions.Expect(page.GetByTestId("secret")).ToHaveCountAsync(0);
        await page.GetByRole(AriaRole.Button, new() { Name = "Revoke Reporting tool" }).ClickAsync();
        await Assertions.Expect(page.GetByText(clientId)).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task Consultants_cannot_open_the_partner_clients_page()
    {
        var page = await browser.NewPageAsync();
        await page.GotoAsync("/sign-in");
        await page.GetByLabel("E-mail").FillAsync("consultant@alpha.test");
        await page.GetByLabel("Password").FillAsync(AssessmentApp.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await page.GotoAsync("/app/partners");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Partner clients", Exact = true })).ToHaveCountAsync(0);
    }

    [GeneratedRegex(@"Client id: (\S+)")]
    private static partial Regex ClientId();

    [GeneratedRegex(@"Secret: (\S+)")]
    private static partial Regex Secret();
}
