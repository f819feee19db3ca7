using Microsoft.Playwright;

namespace Assessment.Web.Tests;

public sealed class SwaggerUiTests(BrowserApp browser) : IClassFixture<BrowserApp>
{
    [Fact]
    public async Task Swagger_ui_obtains_a_client_credentials_token_and_calls_the_api_with_it()
    {
        var page = await browser.NewPageAsync();
        await page.GotoAsync("/swagger");
        await page.GetByRole(AriaRole.Button, new() { Name = "Authorize" }).First.ClickAsync();
        var dialog = page.Locator(".auth-container").Filter(new() { HasText = "clientCredentials" });
        await dialog.Locator("input[id^='client_id']").FillAsync("alpha-partner");
        await dialog.Locator("input[id^='client_secret']").FillAsync("alpha-partner-secret");
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Apply given OAuth2 credentials" }).ClickAsync();
        await Assertions.Expect(dialog.GetByText("Authorized", new() { Exact = true })).ToBeVisibleAsync();
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Close" }).Last.ClickAsync();

        var operation = page.Locator("#operations-Questionnaires-ListQuestionnaires");
        await operation.Locator(".opblock-summary").ClickAsync();
        await operation.GetByRole(AriaRole.Button, new() { Name = "Try it out" }).ClickAsync();
        await operation.GetByRole(AriaRole.Button, new() { Name = "Execute" }).ClickAsync();
        var live = operation.Locator(".live-responses-table .response .response-col_status");
        await Assertions.Expect(live).ToHaveTextAsync("200");
        await Assertions.Expect(operation.Locator(".live-responses-table .highlight-code")).ToContainTextAsync("owner-time");
        await page.ScreenshotAsync(new() { Path = Path.Combine(BrowserApp.Artifacts, "swagger-authorized.png"), FullPage = false });
    }
}
