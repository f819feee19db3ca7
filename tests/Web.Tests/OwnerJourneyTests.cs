using System.Text.RegularExpressions;
using Assessment.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Assessment.Web.Tests;

public sealed partial class OwnerJourneyTests(BrowserApp browser) : IClassFixture<BrowserApp>
{
    [Theory]
    [InlineData("desktop", 1280, 900)]
    [InlineData("phone", 390, 844)]
    public async Task Owner_completes_the_assessment_and_sees_their_leadership_share(string device, int width, int height)
    {
        var page = await browser.NewPageAsync(width, height, timeZone: "Europe/London");
        await page.GotoAsync("/w/alpha");
        await page.GetByRole(AriaRole.Link, new() { Name = "Start the assessment" }).ClickAsync();
        await page.GetByLabel("Your name").FillAsync("Dr Owner");
        await page.GetByLabel("Practice name").FillAsync("Smile Dental");
        await page.GetByLabel("E-mail").FillAsync($"owner-{device}@practice.test");
        await page.GetByLabel("My answers and results are used by").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Start the assessment" }).ClickAsync();

        await Expect(page).ToHaveURLAsync(StepUrl(1));
        await AnswerPracticeAsync(page, locations: "1");
        await page.ScreenshotAsync(new() { Path = Path.Combine(BrowserApp.Artifacts, $"owner-{device}-practice.png"), FullPage = true });
        await ContinueAsync(page);

        await FillHoursAsync(page, "time-actual", OwnerTimeAnswers.ActualWeek());
        await ContinueAsync(page);
        await FillHoursAsync(page, "time-ideal", OwnerTimeAnswers.IdealWeek());
        await ContinueAsync(page);

        // Three pages of statements: answer each with the middle of the scale.
        for (var i = 0; i < 3; i++)
        {
            await AnswerEveryStatementAsync(page, "3");
            await ContinueAsync(page);
        }

        await page.GetByLabel("What frustrates you most").FillAsync("Everything waits for me.");
        await page.GetByLabel($"E-mail a link to my report to owner-{device}@practice.test").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Submit and see my results" }).ClickAsync();

        await Expect(page).ToHaveURLAsync(ResultUrl());
        await Expect(page.GetByTestId("leadership-share")).ToHaveTextAsync("20%");
        await Expect(page.GetByText("In the week you want, it would be 75%")).ToBeVisibleAsync();
        await Expect(page.GetByTestId("profile")).ToHaveTextAsync("Buried in management");
        await Expect(page.GetByTestId("hours-reclaimable")).ToHaveTextAsync("16 h");
        await Expect(page.GetByTestId("benchmark")).ToContainTextAsync("No benchmark is available yet");
        await Expect(page.GetByTestId("recommendation").First).ToContainTextAsync("Hand the day-to-day running to your team");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Your 90-day plan" })).ToBeVisibleAsync();

        var pdf = await page.Context.APIRequest.GetAsync(await page.GetByRole(AriaRole.Link, new() { Name = "Download the PDF" }).GetAttributeAsync("href") ?? "");
        Assert.Equal(200, pdf.Status);
        Assert.Equal("application/pdf", pdf.Headers["content-type"]);

        using (var scope = browser.App.Services.CreateScope())
        {
            var outbox = scope.ServiceProvider.GetRequiredService<Assessment.Api.Persistence.AppDbContext>().Outbox.AsEnumerable();
            Assert.Contains(outbox, m => m.ReadEmail().To == $"owner-{device}@practice.test");
        }

        // The journey ends with the discovery call.
        await page.GetByRole(AriaRole.Link, new() { Name = "Book a discovery call" }).ClickAsync();
        await page.Locator("input[name=start]").Nth(device == "phone" ? 1 : 0).CheckAsync();
        await Expect(page.GetByLabel("E-mail")).ToHaveValueAsync($"owner-{device}@practice.test");
        await page.GetByRole(AriaRole.Button, new() { Name = "Book this time" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Your call is booked" })).ToBeVisibleAsync();
        await page.ScreenshotAsync(new() { Path = Path.Combine(BrowserApp.Artifacts, $"owner-{device}-booked.png"), FullPage = true });
        await page.ScreenshotAsync(new() { Path = Path.Combine(BrowserApp.Artifacts, $"owner-{device}-result.png"), FullPage = true });
    }

    [Fact]
    public async Task Starting_needs_agreement_to_the_data_use_wording_which_is_recorded_with_its_version()
    {
        var page = await browser.NewPageAsync();
        await page.GotoAsync("/w/alpha/assessment");
        await page.GetByLabel("Your name").FillAsync("Dr Careful");
        // Submit without the browser's own check, as a script-less or older browser would.
        await page.Locator("form").EvaluateAsync("f => f.noValidate = true");
        await page.GetByRole(AriaRole.Button, new() { Name = "Start the assessment" }).ClickAsync();
        await Expect(page.Locator(".field-error")).ToContainTextAsync("confirm how your answers are used");
        await Expect(page.GetByLabel("Your name")).ToHaveValueAsync("Dr Careful");

        await page.GetByLabel("My answers and results are used by").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Start the assessment" }).ClickAsync();
        await Expect(page).ToHaveURLAsync(StepUrl(1));
        var id = Regex.Match(page.Url, "assessment/([0-9a-f-]+)/").Groups[1].Value;
        var partner = await browser.App.PartnerAsync("alpha-partner");
        var stored = await partner.GetJsonAsync($"/api/v1/assessments/{id}");
        Assert.Equal(Assessment.Domain.Privacy.DataUseNotice.Version, stored.Body.GetProperty("consentVersion").GetString());
    }

    [Fact]
    public async Task Validation_errors_appear_next_to_their_item_and_keep_what_was_typed()
    {
        var page = await StartAsync();
        await page.GetByLabel("Medical").CheckAsync();
        await page.GetByLabel("How many sites").FillAsync("0");
        await page.GetByLabel("How many people work").FillAsync("14");
        await ContinueAsync(page);

        await Expect(page).ToHaveURLAsync(StepUrl(1));
        var item = page.Locator("#item-locations");
        await Expect(item.Locator(".field-error")).ToContainTextAsync("outside the allowed range");
        await Expect(page.GetByLabel("How many sites")).ToHaveAttributeAsync("aria-invalid", "true");
        await Expect(page.GetByLabel("How many people work")).ToHaveValueAsync("14");
        await Expect(page.GetByLabel("Medical")).ToBeCheckedAsync();
        await Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("How many sites");
    }

    [Fact]
    public async Task Going_back_keeps_the_answers_and_extra_sites_add_a_page()
    {
        var page = await StartAsync();
        await AnswerPracticeAsync(page, locations: "3");
        await ContinueAsync(page);
        await Expect(page.GetByText("Step 2 of 8")).ToBeVisibleAsync();

        await page.GetByRole(AriaRole.Button, new() { Name = "Back" }).ClickAsync();
        await Expect(page).ToHaveURLAsync(StepUrl(1));
        await Expect(page.GetByLabel("How many sites")).ToHaveValueAsync("3");
        await Expect(page.GetByLabel("Dental")).ToBeCheckedAsync();

        await page.GetByLabel("How many sites").FillAsync("1");
        await ContinueAsync(page);
        await Expect(page.GetByText("Step 2 of 7")).ToBeVisibleAsync();
    }

    [Fact]
    public async Task Owner_books_a_call_in_their_own_time_zone_and_can_cancel_it()
    {
        var partner = await browser.App.PartnerAsync("alpha-partner");
        var id = (await partner.PostJsonAsync("/api/v1/assessments", new { questionnaireKey = "owner-time", respondent = new { email = "booker@practice.test", name = "Dr Booker" } }))
            .Body.GetProperty("id").GetString();
        await partner.PutJsonAsync($"/api/v1/assessments/{id}/answers", new { answers = OwnerTimeAnswers.Complete() });
        await partner.PostJsonAsync($"/api/v1/assessments/{id}/submit");

        var page = await browser.NewPageAsync(timeZone: "America/New_York");
        await page.GotoAsync($"/w/alpha/assessment/{id}/result");
        await page.GetByRole(AriaRole.Link, new() { Name = "Book a discovery call" }).ClickAsync();
        // The page picks up the browser's zone by itself.
        await Expect(page).ToHaveURLAsync(new Regex("tz=America%2FNew_York"));
        await Expect(page.GetByLabel("Times are shown in")).ToHaveValueAsync("America/New_York");
        var first = page.Locator("input[name=start]").First;
        var startUtc = DateTimeOffset.Parse(await first.GetAttributeAsync("value") ?? "", System.Globalization.CultureInfo.InvariantCulture);
        var newYork = TimeZoneInfo.ConvertTime(startUtc, TimeZoneInfo.FindSystemTimeZoneById("America/New_York"));
        await Expect(page.Locator("label.slot").First).ToContainTextAsync(newYork.ToString("HH:mm", System.Globalization.CultureInfo.InvariantCulture));
        await first.CheckAsync();
        await Expect(page.GetByLabel("Your name")).ToHaveValueAsync("Dr Booker");
        await page.GetByRole(AriaRole.Button, new() { Name = "Book this time" }).ClickAsync();

        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Your call is booked" })).ToBeVisibleAsync();
        await Expect(page.GetByTestId("booked-time")).ToContainTextAsync(newYork.ToString("dddd d MMMM yyyy 'at' HH:mm", System.Globalization.CultureInfo.InvariantCulture));
        await page.ScreenshotAsync(new() { Path = Path.Combine(BrowserApp.Artifacts, "owner-booked.png"), FullPage = true });

        await page.GetByRole(AriaRole.Link, new() { Name = "cancel it" }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Cancel the call" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Your call is canceled" })).ToBeVisibleAsync();
        var again = await page.GotoAsync(page.Url);
        Assert.Equal(410, again!.Status);
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "This call is canceled" })).ToBeVisibleAsync();
    }

    [Fact]
    public async Task The_landing_page_resumes_in_the_same_browser_and_the_week_total_follows_the_typing()
    {
        var page = await browser.NewPageAsync();
        await page.GotoAsync("/w/alpha");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "How your answers are used" })).ToBeVisibleAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Start the assessment" }).ClickAsync();
        await page.GetByLabel("My answers and results are used by").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Start the assessment" }).ClickAsync();
        await AnswerPracticeAsync(page, locations: "1");
        await ContinueAsync(page);

        var total = page.Locator("[data-running-total]");
        await page.Locator("[name='a.time-actual.rota']").FillAsync("15");
        await page.Locator("[name='a.time-actual.direction']").FillAsync("5");
        await Expect(total).ToHaveTextAsync("Total: 20 hours a week · leadership share 25%");
        await page.Locator("[name='a.time-actual.clinical']").FillAsync("160");
        await Expect(total).ToContainTextAsync("more than the 168 hours in a week");

        await page.GotoAsync("/w/alpha");
        await page.GetByRole(AriaRole.Link, new() { Name = "Continue where you left off" }).ClickAsync();
        await Expect(page).ToHaveURLAsync(StepUrl(1));
        await Expect(page.GetByLabel("How many people work")).ToHaveValueAsync("12");
    }

    [Fact]
    public async Task A_returning_owner_signs_in_by_emailed_link_on_another_device_sees_history_and_retakes()
    {
        var partner = await browser.App.PartnerAsync("alpha-partner");
        var id = (await partner.PostJsonAsync("/api/v1/assessments", new { questionnaireKey = "owner-time", respondent = new { email = "Returning@practice.test", name = "Dr Return" } }))
            .Body.GetProperty("id").GetString();
        await partner.PutJsonAsync($"/api/v1/assessments/{id}/answers", new { answers = OwnerTimeAnswers.Complete() });
        await partner.PostJsonAsync($"/api/v1/assessments/{id}/submit");

        var phone = await browser.NewPageAsync(390, 844);
        await phone.GotoAsync("/w/alpha");
        await phone.GetByRole(AriaRole.Link, new() { Name = "See your assessments" }).ClickAsync();
        await phone.GetByLabel("E-mail").FillAsync("returning@practice.test");
        await phone.GetByRole(AriaRole.Button, new() { Name = "E-mail me a link" }).ClickAsync();
        await Expect(phone.GetByRole(AriaRole.Status)).ToContainTextAsync("a sign-in link is on its way");

        string link;
        using (var scope = browser.App.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<Assessment.Api.Persistence.AppDbContext>();
            var mail = db.Outbox.AsEnumerable().Select(m => m.ReadEmail()).Last(m => m.To == "returning@practice.test");
            link = new Uri(Regex.Match(mail.TextBody, @"https?://\S+/w/alpha/me/\S+").Value).PathAndQuery;
        }

        var desktop = await browser.NewPageAsync();
        await desktop.GotoAsync(link[..^3] + "xyz");
        await Expect(desktop.GetByRole(AriaRole.Alert)).ToContainTextAsync("expired or is not complete");
        await desktop.GotoAsync(link);
        await Expect(desktop).ToHaveURLAsync(new Regex("/w/alpha/me$"));
        var history = desktop.GetByTestId("history");
        await Expect(history).ToContainTextAsync("leadership share 20%");
        await Expect(history.GetByRole(AriaRole.Link, new() { Name = "see the results" })).ToHaveAttributeAsync("href", $"/w/alpha/assessment/{id}/result");

        var data = await desktop.Context.APIRequest.GetAsync("/w/alpha/me/data.json");
        Assert.Equal(200, data.Status);
        var json = await data.TextAsync();
        Assert.Contains("\"practice-type\":\"dental\"", json, StringComparison.Ordinal);
        Assert.Contains(id!, json, StringComparison.Ordinal);

        await desktop.GetByRole(AriaRole.Button, new() { Name = "Take the assessment again" }).ClickAsync();
        await Expect(desktop).ToHaveURLAsync(StepUrl(1));
        await desktop.GotoAsync("/w/alpha/me");
        await Expect(history.Locator("li")).ToHaveCountAsync(2);
        await Expect(history).ToContainTextAsync("not finished");

        // Erasure asks for confirmation, then removes the owner's assessments; the benchmark counts stay.
        long countsBefore;
        using (var scope = browser.App.Services.CreateScope())
        {
            countsBefore = scope.ServiceProvider.GetRequiredService<Assessment.Api.Persistence.AppDbContext>().BenchmarkBuckets.Sum(b => b.Responses);
        }
        await desktop.GetByLabel("I understand this removes").CheckAsync();
        await desktop.GetByRole(AriaRole.Button, new() { Name = "Erase all my data" }).ClickAsync();
        await Expect(desktop.GetByTestId("erased")).ToContainTextAsync("2 assessment(s)");
        Assert.Equal(System.Net.HttpStatusCode.NotFound, (await partner.GetJsonAsync($"/api/v1/assessments/{id}")).Status);
        using (var scope = browser.App.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<Assessment.Api.Persistence.AppDbContext>();
            Assert.Equal(countsBefore, db.BenchmarkBuckets.Sum(b => b.Responses));
            Assert.DoesNotContain(db.Outbox.AsEnumerable(), m => m.ReadEmail().To == "returning@practice.test");
        }
        await desktop.GotoAsync("/w/alpha/me");
        await Expect(desktop.GetByRole(AriaRole.Button, new() { Name = "E-mail me a link" })).ToBeVisibleAsync();
    }

    [Fact]
    public async Task An_unknown_workspace_gets_a_clear_message()
    {
        var page = await browser.NewPageAsync();
        var response = await page.GotoAsync("/w/nobody-here/assessment");
        Assert.Equal(404, response!.Status);
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "We could not find that page" })).ToBeVisibleAsync();
        await Expect(page.GetByText("ask your adviser to send it again")).ToBeVisibleAsync();
    }

    [Fact]
    public async Task Member_signs_in_and_sees_the_workspace_overview()
    {
        var page = await browser.NewPageAsync();
        await page.GotoAsync("/app");
        await Expect(page).ToHaveURLAsync(new Regex("/sign-in"));
        await page.GetByLabel("E-mail").FillAsync("admin@alpha.test");
        await page.GetByLabel("Password").FillAsync(AssessmentApp.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex("/app$"));
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "alpha advisers" })).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = "/w/alpha/assessment" })).ToBeVisibleAsync();
    }

    private async Task<IPage> StartAsync()
    {
        var page = await browser.NewPageAsync();
        await page.GotoAsync("/w/alpha/assessment");
        await page.GetByLabel("My answers and results are used by").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Start the assessment" }).ClickAsync();
        await Expect(page).ToHaveURLAsync(StepUrl(1));
        return page;
    }

    private static async Task AnswerPracticeAsync(IPage page, string locations)
    {
        await page.GetByLabel("Dental").CheckAsync();
        await page.GetByLabel("How many sites").FillAsync(locations);
        await page.GetByLabel("How many people work").FillAsync("12");
        await page.Locator("#item-practice-manager").GetByLabel("No").CheckAsync();
        await page.GetByLabel("how many hours a week do you spend on clinical work").FillAsync("30");
    }

    private static async Task FillHoursAsync(IPage page, string itemId, Dictionary<string, object?> hours)
    {
        foreach (var (activity, value) in hours)
        {
            await page.Locator($"[name='a.{itemId}.{activity}']").FillAsync(value!.ToString()!);
        }
    }

    private static async Task AnswerEveryStatementAsync(IPage page, string value)
    {
        var radios = page.Locator($"fieldset.likert input[type=radio][value='{value}']");
        var count = await radios.CountAsync();
        Assert.True(count >= 4, $"Expected at least four statements, found {count}.");
        for (var i = 0; i < count; i++)
        {
            await radios.Nth(i).CheckAsync();
        }
    }

    private static Task ContinueAsync(IPage page) =>
        page.GetByRole(AriaRole.Button, new() { Name = "Save and continue" }).ClickAsync();

    private static ILocatorAssertions Expect(ILocator locator) => Assertions.Expect(locator);

    private static IPageAssertions Expect(IPage page) => Assertions.Expect(page);

    private static Regex StepUrl(int step) => new($"/w/alpha/assessment/[0-9a-f-]+/{step}$");

    [GeneratedRegex("/w/alpha/assessment/[0-9a-f-]+/result$")]
    private static partial Regex ResultUrl();
}
