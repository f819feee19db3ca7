using System.Net;
using System.Text.Json;
using Assessment.Api.Persistence;
using Assessment.Testing;
using Ical.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Assessment.Api.Tests.Bookings;

public abstract class BookingApiTests(AssessmentApp app)
{
    private static readonly TimeZoneInfo London = TimeZoneInfo.FindSystemTimeZoneById("Europe/London");

    /// <summary>The n-th weekday from four days ahead (London), so minimum notice never gets in the way.</summary>
    private static DateOnly Weekday(int n)
    {
        var day = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, London).DateTime).AddDays(4);
        while (true)
        {
            if (day.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday) && n-- == 0)
            {
                return day;
            }
            day = day.AddDays(1);
        }
    }

    private static DateTimeOffset London_(DateOnly day, int hour, int minute = 0)
    {
        var local = day.ToDateTime(new TimeOnly(hour, minute));
        return new DateTimeOffset(local, London.GetUtcOffset(local));
    }

    private static object Request(DateTimeOffset start, string email, Guid? assessmentId = null) => new
    {
        start,
        timeZone = "America/New_York",
        assessmentId,
        name = "Dr Owner",
        email,
        phone = "+44 20 7946 0000",
        notes = "Looking forward to it.",
    };

    private static string Email() => $"owner-{Guid.NewGuid():N}@practice.test";

    [Fact]
    public async Task Slots_are_listed_in_the_requested_zone_and_in_utc()
    {
        var client = await app.PartnerAsync("alpha-partner");
        var day = Weekday(0);
        var slots = await client.GetJsonAsync($"/api/v1/slots?from={day:yyyy-MM-dd}&to={day:yyyy-MM-dd}&timeZone=Asia/Tokyo");
        Assert.Equal(HttpStatusCode.OK, slots.Status);
        Assert.Equal(30, slots.Body.GetProperty("callMinutes").GetInt32());
        var list = slots.Body.GetProperty("slots").EnumerateArray().ToList();
        // Tokyo's day runs from 15:00 UTC the day before: it holds the evening of London's working day.
        var tokyoDay = new DateTimeOffset(day.ToDateTime(TimeOnly.MinValue), TimeSpan.FromHours(9));
        Assert.All(list, s => Assert.EndsWith("+09:00", s.GetProperty("start").GetString(), StringComparison.Ordinal));
        Assert.All(list, s => Assert.InRange(s.GetProperty("startUtc").GetDateTimeOffset(), tokyoDay, tokyoDay.AddDays(1).AddTicks(-1)));
        Assert.Contains(list, s => s.GetProperty("startUtc").GetDateTimeOffset() == London_(day, 9));
        Assert.Contains(list, s => s.GetProperty("start").GetString()!.StartsWith($"{day:yyyy-MM-dd}T18:00:00", StringComparison.Ordinal)
            || s.GetProperty("start").GetString()!.StartsWith($"{day:yyyy-MM-dd}T17:00:00", StringComparison.Ordinal));

        var london = await client.GetJsonAsync($"/api/v1/slots?from={day:yyyy-MM-dd}&to={day:yyyy-MM-dd}&timeZone=Europe/London");
        var londonSlots = london.Body.GetProperty("slots").EnumerateArray().ToList();
        Assert.Equal(16, londonSlots.Count);
        Assert.Equal(London_(day, 9), londonSlots[0].GetProperty("startUtc").GetDateTimeOffset());
        Assert.Equal(London_(day, 16, 30), londonSlots[^1].GetProperty("startUtc").GetDateTimeOffset());

        Assert.Contains("timeZone", (await client.GetJsonAsync($"/api/v1/slots?from={day:yyyy-MM-dd}&to={day:yyyy-MM-dd}&timeZone=Mars/Olympus"))
            .AssertProblem(HttpStatusCode.BadRequest, "/problems/validation").Keys);
        Assert.Contains("to", (await client.GetJsonAsync($"/api/v1/slots?from={day:yyyy-MM-dd}&to={day.AddDays(-1):yyyy-MM-dd}&timeZone=UTC"))
            .AssertProblem(HttpStatusCode.BadRequest, "/problems/validation").Keys);
    }

    [Fact]
    public async Task A_booking_takes_its_slot_and_carries_links_reminders_and_the_assessment_summary()
    {
        var client = await app.PartnerAsync("alpha-partner");
        var assessment = (await client.PostJsonAsync("/api/v1/assessments", new { questionnaireKey = "owner-time" })).Body.GetProperty("id").GetString()!;
        await client.PutJsonAsync($"/api/v1/assessments/{assessment}/answers", new { answers = OwnerTimeAnswers.Complete() });
        await client.PostJsonAsync($"/api/v1/assessments/{assessment}/submit");
        var day = Weekday(1);
        var start = London_(day, 10);

        var booked = await client.PostJsonAsync("/api/v1/bookings", Request(start, Email(), Guid.Parse(assessment)));
        Assert.Equal(HttpStatusCode.Created, booked.Status);
        var booking = booked.Body;
        Assert.Equal("active", booking.GetProperty("status").GetString());
        Assert.Equal(start, booking.GetProperty("startUtc").GetDateTimeOffset());
        Assert.Equal("America/New_York", booking.GetProperty("timeZone").GetString());
        Assert.Equal(TimeZoneInfo.ConvertTime(start, TimeZoneInfo.FindSystemTimeZoneById("America/New_York")).Offset,
            booking.GetProperty("start").GetDateTimeOffset().Offset);
        Assert.Contains("Buried in management", booking.GetProperty("assessmentSummary").GetString(), StringComparison.Ordinal);
        Assert.Contains("/calls/cancel/", booking.GetProperty("links").GetProperty("cancel").GetString(), StringComparison.Ordinal);
        var reminders = booking.GetProperty("reminders").EnumerateArray().ToList();
        Assert.Equal(["reminder-24h", "reminder-1h"], reminders.Select(r => r.GetProperty("kind").GetString()));
        Assert.All(reminders, r => Assert.Equal("scheduled", r.GetProperty("status").GetString()));
        Assert.Equal(start.AddHours(-24), reminders[0].GetProperty("dueAt").GetDateTimeOffset());

        var slots = await client.GetJsonAsync($"/api/v1/slots?from={day:yyyy-MM-dd}&to={day:yyyy-MM-dd}&timeZone=Europe/London");
        Assert.DoesNotContain(slots.Body.GetProperty("slots").EnumerateArray(), s => s.GetProperty("startUtc").GetDateTimeOffset() == start);

        var beta = await app.PartnerAsync("beta-partner");
        (await beta.GetJsonAsync($"/api/v1/bookings/{booking.GetProperty("id").GetString()}")).AssertProblem(HttpStatusCode.NotFound, "/problems/not-found");
    }

    [Fact]
    public async Task Twenty_concurrent_requests_for_one_slot_give_exactly_one_booking()
    {
        var client = await app.PartnerAsync("alpha-partner");
        var start = London_(Weekday(2), 11);
        var responses = await Task.WhenAll(Enumerable.Range(0, 20).Select(_ => client.PostJsonAsync("/api/v1/bookings", Request(start, Email()))));

        Assert.Single(responses, r => r.Status == HttpStatusCode.Created);
        var refused = responses.Where(r => r.Status != HttpStatusCode.Created).ToList();
        Assert.Equal(19, refused.Count);
        Assert.All(refused, r => r.AssertProblem(HttpStatusCode.Conflict, "/problems/slot-taken"));

        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        Assert.Equal(1, await db.Bookings.IgnoreQueryFilters().CountAsync(b => b.Start == start));
    }

    [Fact]
    public async Task An_owner_has_one_active_call_at_a_time()
    {
        var client = await app.PartnerAsync("alpha-partner");
        var email = Email();
        var first = await client.PostJsonAsync("/api/v1/bookings", Request(London_(Weekday(3), 9), email));
        Assert.Equal(HttpStatusCode.Created, first.Status);
        (await client.PostJsonAsync("/api/v1/bookings", Request(London_(Weekday(3), 14), email.ToUpperInvariant())))
            .AssertProblem(HttpStatusCode.Conflict, "/problems/booking-exists");

        await client.PostJsonAsync($"/api/v1/bookings/{first.Body.GetProperty("id").GetString()}/cancel", new { reason = "Clash" });
        Assert.Equal(HttpStatusCode.Created, (await client.PostJsonAsync("/api/v1/bookings", Request(London_(Weekday(3), 14), email))).Status);
    }

    [Fact]
    public async Task Invitations_keep_their_uid_raise_the_sequence_and_cancel_with_method_cancel()
    {
        var client = await app.PartnerAsync("alpha-partner");
        var booked = (await client.PostJsonAsync("/api/v1/bookings", Request(London_(Weekday(4), 9), Email()))).Body;
        var id = booked.GetProperty("id").GetString()!;
        var moved = await client.PostJsonAsync($"/api/v1/bookings/{id}/reschedule", new { start = London_(Weekday(4), 15) });
        Assert.Equal(HttpStatusCode.OK, moved.Status);
        Assert.Equal(1, moved.Body.GetProperty("sequence").GetInt32());
        var reminders = moved.Body.GetProperty("reminders").EnumerateArray().ToList();
        Assert.Equal(2, reminders.Count(r => r.GetProperty("status").GetString() == "canceled"));
        Assert.Contains(reminders, r => r.GetProperty("status").GetString() == "scheduled"
            && r.GetProperty("dueAt").GetDateTimeOffset() == London_(Weekday(4), 15).AddHours(-1));

        var canceled = await client.PostJsonAsync($"/api/v1/bookings/{id}/cancel", new { reason = "No longer needed" });
        Assert.Equal("canceled", canceled.Body.GetProperty("status").GetString());
        Assert.All(canceled.Body.GetProperty("reminders").EnumerateArray(), r => Assert.Equal("canceled", r.GetProperty("status").GetString()));
        (await client.PostJsonAsync($"/api/v1/bookings/{id}/cancel")).AssertProblem(HttpStatusCode.Conflict, "/problems/booking-not-active");

        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var sent = await db.Outbox.AsNoTracking().Where(m => m.Topic != null && m.Topic.StartsWith($"booking:{Guid.Parse(id):N}:")
            && !m.Topic.Contains("reminder") && !m.Topic.EndsWith(":consultant")).OrderBy(m => m.CreatedAt).ToListAsync();
        var invites = sent.Select(m => Calendar.Load(m.ReadEmail().Attachments!.Single().Content)!).ToList();
        Assert.Equal(3, invites.Count);
        Assert.Single(invites.Select(c => c.Events.Single().Uid).Distinct());
        Assert.Equal([0, 1, 2], invites.Select(c => c.Events.Single().Sequence));
        Assert.Equal(["REQUEST", "REQUEST", "CANCEL"], invites.Select(c => c.Method));
        Assert.Equal(London_(Weekday(4), 15).UtcDateTime, invites[1].Events.Single().DtStart!.AsUtc);
    }

    [Fact]
    public async Task Owner_links_cancel_once_and_die_with_the_call()
    {
        var client = await app.PartnerAsync("alpha-partner");
        var links = (await client.PostJsonAsync("/api/v1/bookings", Request(London_(Weekday(5), 10), Email()))).Body.GetProperty("links");
        var cancel = new Uri(links.GetProperty("cancel").GetString()!).AbsolutePath.Split('/')[^1];
        var reschedule = new Uri(links.GetProperty("reschedule").GetString()!).AbsolutePath.Split('/')[^1];
        using var owner = app.CreateClient();

        (await owner.PostJsonAsync($"/api/v1/booking-links/{cancel}/reschedule", new { start = London_(Weekday(5), 11) }))
            .AssertProblem(HttpStatusCode.NotFound, "/problems/not-found");
        var moved = await owner.PostJsonAsync($"/api/v1/booking-links/{reschedule}/reschedule", new { start = London_(Weekday(5), 11) });
        Assert.Equal(HttpStatusCode.OK, moved.Status);
        Assert.Equal(HttpStatusCode.OK, (await owner.PostJsonAsync($"/api/v1/booking-links/{cancel}/cancel")).Status);
        (await owner.PostJsonAsync($"/api/v1/booking-links/{cancel}/cancel")).AssertProblem(HttpStatusCode.Gone, "/problems/link-gone");
        (await owner.PostJsonAsync($"/api/v1/booking-links/{reschedule}/reschedule", new { start = London_(Weekday(5), 12) }))
            .AssertProblem(HttpStatusCode.Gone, "/problems/link-gone");
        (await owner.PostJsonAsync("/api/v1/booking-links/not-a-token/cancel")).AssertProblem(HttpStatusCode.NotFound, "/problems/not-found");
    }

    [Fact]
    public async Task Notice_hours_and_daily_caps_are_enforced_when_booking()
    {
        var client = await app.PartnerAsync("alpha-partner");
        var soon = DateTimeOffset.UtcNow.AddHours(1);
        soon = new DateTimeOffset(soon.Year, soon.Month, soon.Day, soon.Hour, 0, 0, TimeSpan.Zero);
        (await client.PostJsonAsync("/api/v1/bookings", Request(soon, Email()))).AssertProblem(HttpStatusCode.Conflict, "/problems/slot-unavailable");
        (await client.PostJsonAsync("/api/v1/bookings", Request(London_(Weekday(6), 7), Email()))).AssertProblem(HttpStatusCode.Conflict, "/problems/slot-unavailable");
        (await client.PostJsonAsync("/api/v1/bookings", Request(London_(Weekday(6), 9, 10), Email()))).AssertProblem(HttpStatusCode.Conflict, "/problems/slot-unavailable");

        var admin = await app.MemberAsync("admin@alpha.test");
        var consultants = (await admin.GetJsonAsync("/api/v1/consultants")).Body.GetProperty("data").EnumerateArray().ToList();
        var consultant = consultants.Single(c => c.GetProperty("email").GetString() == "consultant@alpha.test").GetProperty("id").GetString();
        var availability = (await admin.GetJsonAsync($"/api/v1/consultants/{consultant}/availability")).Body;
        var capped = JsonSerializer.Deserialize<Dictionary<string, JsonElement>>(availability.GetRawText())!;
        capped["maxPerDay"] = JsonSerializer.SerializeToElement(1);
        Assert.Equal(HttpStatusCode.OK, (await admin.PutJsonAsync($"/api/v1/consultants/{consultant}/availability", capped)).Status);
        try
        {
            var day = Weekday(7);
            Assert.Equal(HttpStatusCode.Created, (await client.PostJsonAsync("/api/v1/bookings", Request(London_(day, 9), Email()))).Status);
            (await client.PostJsonAsync("/api/v1/bookings", Request(London_(day, 15), Email()))).AssertProblem(HttpStatusCode.Conflict, "/problems/slot-unavailable");
            var slots = await client.GetJsonAsync($"/api/v1/slots?from={day:yyyy-MM-dd}&to={day:yyyy-MM-dd}&timeZone=Europe/London");
            Assert.Empty(slots.Body.GetProperty("slots").EnumerateArray());
        }
        finally
        {
            await admin.PutJsonAsync($"/api/v1/consultants/{consultant}/availability", availability);
        }
    }

    [Fact]
    public async Task Availability_is_changed_by_admins_or_the_consultant_and_checked()
    {
        var admin = await app.MemberAsync("admin@alpha.test");
        var consultants = (await admin.GetJsonAsync("/api/v1/consultants")).Body.GetProperty("data").EnumerateArray().ToList();
        var adminId = consultants.Single(c => c.GetProperty("email").GetString() == "admin@alpha.test").GetProperty("id").GetString();
        var consultantId = consultants.Single(c => c.GetProperty("email").GetString() == "consultant@alpha.test").GetProperty("id").GetString();
        Assert.True(consultants.Single(c => c.GetProperty("id").GetString() == consultantId).GetProperty("takesCalls").GetBoolean());

        var consultant = await app.MemberAsync("consultant@alpha.test");
        var own = await consultant.GetJsonAsync($"/api/v1/consultants/{consultantId}/availability");
        Assert.Equal("Europe/London", own.Body.GetProperty("timeZone").GetString());
        var bad = "{\"timeZone\":\"Nowhere/Else\",\"weekly\":{\"monday\":[{\"start\":\"17:00\",\"end\":\"09:00\"}]},\"overrides\":[],\"bufferBeforeMinutes\":0,\"bufferAfterMinutes\":0,\"minimumNoticeMinutes\":60,\"horizonDays\":30,\"maxPerDay\":4}";
        var errors = (await consultant.PutJsonAsync($"/api/v1/consultants/{consultantId}/availability", bad)).AssertProblem(HttpStatusCode.BadRequest, "/problems/validation");
        Assert.Contains("timeZone", errors.Keys);
        Assert.Contains("weekly.monday", errors.Keys);
        Assert.Equal("Europe/London", (await consultant.GetJsonAsync($"/api/v1/consultants/{consultantId}/availability")).Body.GetProperty("timeZone").GetString());

        (await consultant.PutJsonAsync($"/api/v1/consultants/{adminId}/availability", own.Body)).AssertProblem(HttpStatusCode.Forbidden, "/problems/forbidden");
        var partner = await app.PartnerAsync("alpha-partner");
        Assert.Equal(HttpStatusCode.Forbidden, (await partner.GetJsonAsync($"/api/v1/consultants/{consultantId}/availability")).Status);
    }

    [Fact]
    public async Task A_call_cannot_be_marked_missed_before_it_starts()
    {
        var client = await app.PartnerAsync("alpha-partner");
        var id = (await client.PostJsonAsync("/api/v1/bookings", Request(London_(Weekday(8), 10), Email()))).Body.GetProperty("id").GetString();
        (await client.PostJsonAsync($"/api/v1/bookings/{id}/no-show")).AssertProblem(HttpStatusCode.Conflict, "/problems/booking-not-active");
        var listed = await client.GetJsonAsync("/api/v1/bookings?status=active&limit=100");
        Assert.Contains(listed.Body.GetProperty("data").EnumerateArray(), b => b.GetProperty("id").GetString() == id);
    }
}

public abstract class BookingListTests(AssessmentApp app)
{
    [Fact]
    public async Task Bookings_are_listed_in_pages_by_start_with_an_opaque_cursor()
    {
        var client = await app.PartnerAsync("alpha-partner");
        var london = TimeZoneInfo.FindSystemTimeZoneById("Europe/London");
        var day = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(10);
        while (day.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday)
        {
            day = day.AddDays(1);
        }
        var ids = new List<string>();
        for (var hour = 9; hour < 14; hour++)
        {
            var local = day.ToDateTime(new TimeOnly(hour, 0));
            var booked = await client.PostJsonAsync("/api/v1/bookings", new
            {
                start = new DateTimeOffset(local, london.GetUtcOffset(local)),
                timeZone = "Europe/London",
                name = "Dr Page",
                email = $"page-{hour}@practice.test",
            });
            ids.Add(booked.Body.GetProperty("id").GetString()!);
        }

        var seen = new List<string>();
        string? cursor = null;
        var pages = 0;
        do
        {
            var page = await client.GetJsonAsync($"/api/v1/bookings?limit=2{(cursor is null ? "" : $"&cursor={cursor}")}");
            Assert.Equal(HttpStatusCode.OK, page.Status);
            seen.AddRange(page.Body.GetProperty("data").EnumerateArray().Select(b => b.GetProperty("id").GetString()!));
            cursor = page.Body.GetProperty("nextCursor").GetString();
            pages++;
        }
        while (cursor is not null);

        Assert.Equal(3, pages);
        Assert.Equal(ids, seen);
        Assert.Contains("limit", (await client.GetJsonAsync("/api/v1/bookings?limit=101")).AssertProblem(HttpStatusCode.BadRequest, "/problems/validation").Keys);
        Assert.Contains("cursor", (await client.GetJsonAsync("/api/v1/bookings?cursor=bogus")).AssertProblem(HttpStatusCode.BadRequest, "/problems/validation").Keys);
        Assert.Contains("status", (await client.GetJsonAsync("/api/v1/bookings?status=lost")).AssertProblem(HttpStatusCode.BadRequest, "/problems/validation").Keys);
        var beta = await app.PartnerAsync("beta-partner");
        Assert.Empty((await beta.GetJsonAsync("/api/v1/bookings")).Body.GetProperty("data").EnumerateArray());
    }
}

public sealed class BookingListTestsOnSqlite(SqliteApp app) : BookingListTests(app), IClassFixture<SqliteApp>;

public sealed class BookingListTestsOnPostgres(PostgresApp app) : BookingListTests(app), IClassFixture<PostgresApp>;

public sealed class BookingApiTestsOnSqlite(SqliteApp app) : BookingApiTests(app), IClassFixture<SqliteApp>;

public sealed class BookingApiTestsOnPostgres(PostgresApp app) : BookingApiTests(app), IClassFixture<PostgresApp>;
