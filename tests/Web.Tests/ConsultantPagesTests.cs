using System.Globalization;
using System.Text.RegularExpressions;
using Assessment.Testing;
using Microsoft.Playwright;

namespace Assessment.Web.Tests;

public sealed class ConsultantPagesTests(BrowserApp browser) : IClassFixture<BrowserApp>
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

    private static DateOnly NextWeekday(int daysAhead)
    {
        var day = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(daysAhead);
        while (day.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday)
        {
            day = day.AddDays(1);
        }
        return day;
    }

    [Fact]
    public async Task Consultant_sets_a_day_off_and_owners_see_no_slots_that_day()
    {
        var page = await SignInAsync("consultant@alpha.test");
        await page.GetByRole(AriaRole.Link, new() { Name = "Your availability" }).ClickAsync();
        await Assertions.Expect(page.GetByLabel("Your time zone")).ToHaveValueAsync("Europe/London");
        var dayOff = NextWeekday(5);
        await page.GetByLabel("Days off").FillAsync(dayOff.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        await page.GetByRole(AriaRole.Button, new() { Name = "Save availability" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Saved");

        var partner = await browser.App.PartnerAsync("alpha-partner");
        var off = await partner.GetJsonAsync($"/api/v1/slots?from={dayOff:yyyy-MM-dd}&to={dayOff:yyyy-MM-dd}&timeZone=Europe/London");
        Assert.Empty(off.Body.GetProperty("slots").EnumerateArray());
        var next = NextWeekday(dayOff.DayNumber - DateOnly.FromDateTime(DateTime.UtcNow).DayNumber + 1);
        var on = await partner.GetJsonAsync($"/api/v1/slots?from={next:yyyy-MM-dd}&to={next:yyyy-MM-dd}&timeZone=Europe/London");
        Assert.Equal(16, on.Body.GetProperty("slots").GetArrayLength());
    }

    [Fact]
    public async Task Consultant_sets_split_hours_and_other_hours_on_a_date_and_a_typo_keeps_what_was_typed()
    {
        var page = await SignInAsync("consultant@alpha.test");
        await page.GotoAsync("/app/availability");
        var special = NextWeekday(9);
        var split = special.AddDays(1);
        while (split.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday)
        {
            split = split.AddDays(1);
        }
        var splitDay = page.GetByLabel(split.DayOfWeek.ToString(), new() { Exact = true });
        await splitDay.FillAsync("09:00-12:00, 14:00-17:00");
        await page.GetByLabel("Days off and dates with other hours").FillAsync($"{special:yyyy-MM-dd} 10:00-11:00\n{special:yyyy-MM-dd}x");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save availability" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("does not start with a date");
        await Assertions.Expect(splitDay).ToHaveValueAsync("09:00-12:00, 14:00-17:00");

        await page.GetByLabel("Days off and dates with other hours").FillAsync($"{special:yyyy-MM-dd} 10:00-11:00");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save availability" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Saved");
        await Assertions.Expect(splitDay).ToHaveValueAsync("09:00–12:00, 14:00–17:00");

        var partner = await browser.App.PartnerAsync("alpha-partner");
        async Task<int> SlotsOn(DateOnly day) => (await partner.GetJsonAsync($"/api/v1/slots?from={day:yyyy-MM-dd}&to={day:yyyy-MM-dd}&timeZone=Europe/London"))
            .Body.GetProperty("slots").GetArrayLength();
        Assert.Equal(2, await SlotsOn(special));
        Assert.Equal(12, await SlotsOn(split));

        // Back to the standard week for the other tests.
        await splitDay.FillAsync("09:00–17:00");
        await page.GetByLabel("Days off and dates with other hours").FillAsync("");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save availability" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Saved");
    }

    [Fact]
    public async Task A_wrong_time_zone_is_refused_with_a_message_and_nothing_changes()
    {
        var page = await SignInAsync("consultant@alpha.test");
        await page.GotoAsync("/app/availability");
        await page.GetByLabel("Your time zone").FillAsync("Atlantis/Lost");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save availability" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("'Atlantis/Lost' is not an IANA time zone");
        await page.GotoAsync("/app/availability");
        await Assertions.Expect(page.GetByLabel("Your time zone")).ToHaveValueAsync("Europe/London");
    }

    [Fact]
    public async Task Upcoming_calls_show_the_owner_and_their_assessment_summary()
    {
        var partner = await browser.App.PartnerAsync("alpha-partner");
        var id = (await partner.PostJsonAsync("/api/v1/assessments", new { questionnaireKey = "owner-time" })).Body.GetProperty("id").GetString();
        await partner.PutJsonAsync($"/api/v1/assessments/{id}/answers", new { answers = OwnerTimeAnswers.Complete() });
        await partner.PostJsonAsync($"/api/v1/assessments/{id}/submit");
        var day = NextWeekday(3);
        var london = TimeZoneInfo.FindSystemTimeZoneById("Europe/London");
        var local = day.ToDateTime(new TimeOnly(13, 0));
        var booked = await partner.PostJsonAsync("/api/v1/bookings", new
        {
            start = new DateTimeOffset(local, london.GetUtcOffset(local)),
            timeZone = "Europe/London",
            assessmentId = id,
            name = "Dr Upcoming",
            email = "upcoming@practice.test",
        });
        Assert.Equal(System.Net.HttpStatusCode.Created, booked.Status);

        var page = await SignInAsync("consultant@alpha.test");
        await page.GotoAsync("/app/calls");
        var call = page.GetByTestId("call").Filter(new() { HasText = "Dr Upcoming" });
        await Assertions.Expect(call).ToContainTextAsync("upcoming@practice.test");
        await Assertions.Expect(call).ToContainTextAsync("Buried in management");
    }
}
