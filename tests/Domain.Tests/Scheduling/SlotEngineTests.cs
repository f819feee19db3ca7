using System.Globalization;
using Assessment.Domain.Scheduling;

namespace Assessment.Domain.Tests.Scheduling;

/// <summary>Worked examples of the slot rules, with the exact instants expected.</summary>
public sealed class SlotEngineTests
{
    private static readonly TimeSpan HalfHour = TimeSpan.FromMinutes(30);

    private static readonly DateTimeOffset LongAgo = Utc("2026-01-01T00:00Z");

    private static DateTimeOffset Utc(string iso) =>
        DateTimeOffset.Parse(iso, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal);

    private static TimeRange Hours(string from, string to) =>
        new(TimeOnly.Parse(from, CultureInfo.InvariantCulture), TimeOnly.Parse(to, CultureInfo.InvariantCulture));

    /// <summary>Hours on one weekday only; no buffers, no notice, a year ahead, up to 48 calls a day.</summary>
    private static Availability On(string zone, DayOfWeek day, params TimeRange[] hours) => new(
        zone,
        new Dictionary<DayOfWeek, IReadOnlyList<TimeRange>> { [day] = hours },
        [],
        0,
        0,
        0,
        365,
        48);

    private static string[] Iso(IEnumerable<DateTimeOffset> instants) =>
        [.. instants.Select(i => i.ToString("yyyy-MM-dd'T'HH:mm'Z'", CultureInfo.InvariantCulture))];

    /// <summary>All free starts in the two UTC days around a local date, so the whole local date is covered.</summary>
    private static IReadOnlyList<DateTimeOffset> StartsAround(Availability availability, string date, TimeSpan length, IReadOnlyList<BusyCall>? busy = null, DateTimeOffset? now = null)
    {
        var day = Utc(date + "T00:00Z");
        return SlotEngine.FreeStarts(availability, length, busy ?? [], day.AddDays(-1), day.AddDays(2), now ?? LongAgo);
    }

    private static BusyCall Call(Availability availability, DateTimeOffset start, TimeSpan length)
    {
        var (blockedStart, blockedEnd) = SlotEngine.Blocked(availability, start, length);
        return new BusyCall(start, start + length, blockedStart, blockedEnd);
    }

    // ---- Daylight saving: afternoon hours on the changeover Sunday ----

    [Theory]
    [InlineData("Europe/London", "2026-03-29", "2026-03-29T12:00Z")] // BST from 01:00 UTC: 13:00 local = 12:00 UTC
    [InlineData("Europe/London", "2026-10-25", "2026-10-25T13:00Z")] // GMT from 01:00 UTC
    [InlineData("America/New_York", "2026-03-08", "2026-03-08T17:00Z")] // EDT (-4) from 07:00 UTC
    [InlineData("America/New_York", "2026-11-01", "2026-11-01T18:00Z")] // EST (-5) from 06:00 UTC
    [InlineData("Australia/Sydney", "2026-04-05", "2026-04-05T03:00Z")] // AEST (+10) from 16:00 UTC the day before
    [InlineData("Australia/Sydney", "2026-10-04", "2026-10-04T02:00Z")] // AEDT (+11) from 16:00 UTC the day before
    public void Afternoon_slots_on_a_changeover_Sunday_use_the_new_offset(string zone, string date, string first)
    {
        var availability = On(zone, DayOfWeek.Sunday, Hours("13:00", "17:00"));

        var starts = StartsAround(availability, date, HalfHour);

        var expected = Enumerable.Range(0, 8).Select(i => Utc(first).AddMinutes(30 * i));
        Assert.Equal(Iso(expected), Iso(starts));
        Assert.All(starts, s => Assert.Equal(TimeSpan.Zero, s.Offset));
    }

    // ---- Daylight saving: a range spanning the changeover hour ----

    [Theory]
    // London, clocks forward 01:00 GMT -> 02:00 BST: local 01:00 and 01:30 do not exist.
    [InlineData("Europe/London", "2026-03-29", new[] { "2026-03-29T00:00Z", "2026-03-29T00:30Z", "2026-03-29T01:00Z", "2026-03-29T01:30Z", "2026-03-29T02:00Z", "2026-03-29T02:30Z" })]
    // London, clocks back 02:00 BST -> 01:00 GMT: local 01:00 and 01:30 taken at their first (BST) occurrence.
    [InlineData("Europe/London", "2026-10-25", new[] { "2026-10-24T23:00Z", "2026-10-24T23:30Z", "2026-10-25T00:00Z", "2026-10-25T00:30Z", "2026-10-25T02:00Z", "2026-10-25T02:30Z", "2026-10-25T03:00Z", "2026-10-25T03:30Z" })]
    // New York, clocks forward 02:00 EST -> 03:00 EDT: local 02:00 and 02:30 do not exist.
    [InlineData("America/New_York", "2026-03-08", new[] { "2026-03-08T05:00Z", "2026-03-08T05:30Z", "2026-03-08T06:00Z", "2026-03-08T06:30Z", "2026-03-08T07:00Z", "2026-03-08T07:30Z" })]
    // New York, clocks back 02:00 EDT -> 01:00 EST: local 01:00 and 01:30 at their first (EDT) occurrence.
    [InlineData("America/New_York", "2026-11-01", new[] { "2026-11-01T04:00Z", "2026-11-01T04:30Z", "2026-11-01T05:00Z", "2026-11-01T05:30Z", "2026-11-01T07:00Z", "2026-11-01T07:30Z", "2026-11-01T08:00Z", "2026-11-01T08:30Z" })]
    // Sydney, clocks back 03:00 AEDT -> 02:00 AEST: local 02:00 and 02:30 at their first (AEDT) occurrence.
    [InlineData("Australia/Sydney", "2026-04-05", new[] { "2026-04-04T13:00Z", "2026-04-04T13:30Z", "2026-04-04T14:00Z", "2026-04-04T14:30Z", "2026-04-04T15:00Z", "2026-04-04T15:30Z", "2026-04-04T17:00Z", "2026-04-04T17:30Z" })]
    // Sydney, clocks forward 02:00 AEST -> 03:00 AEDT: local 02:00 and 02:30 do not exist.
    [InlineData("Australia/Sydney", "2026-10-04", new[] { "2026-10-03T14:00Z", "2026-10-03T14:30Z", "2026-10-03T15:00Z", "2026-10-03T15:30Z", "2026-10-03T16:00Z", "2026-10-03T16:30Z" })]
    public void Range_over_the_changeover_hour_skips_the_gap_and_takes_the_first_occurrence_in_the_fold(string zone, string date, string[] expected)
    {
        var availability = On(zone, DayOfWeek.Sunday, Hours("00:00", "04:00"));

        var starts = StartsAround(availability, date, HalfHour);

        Assert.Equal(expected, Iso(starts));
        Assert.All(starts, s => Assert.Null(SlotEngine.Check(availability, HalfHour, [], s, LongAgo)));
    }

    [Theory]
    [InlineData("Europe/London", "2026-10-25T01:00Z")] // 01:00 GMT, the second 01:00 local
    [InlineData("America/New_York", "2026-11-01T06:00Z")] // 01:00 EST, the second 01:00 local
    [InlineData("Australia/Sydney", "2026-04-04T16:00Z")] // 02:00 AEST, the second 02:00 local
    public void Second_occurrence_of_a_local_time_in_the_fold_is_not_a_slot(string zone, string instant)
    {
        var availability = On(zone, DayOfWeek.Sunday, Hours("00:00", "04:00"));

        Assert.Equal(SlotRefusal.OutsideHours, SlotEngine.Check(availability, HalfHour, [], Utc(instant), LongAgo));
    }

    [Theory]
    [InlineData("Europe/London")]
    [InlineData("America/New_York")]
    [InlineData("Australia/Sydney")]
    public void Whole_year_through_both_changeovers_matches_the_reference_rules(string zone)
    {
        var availability = On(zone, DayOfWeek.Sunday, Hours("00:00", "04:00"), Hours("13:00", "17:00"));
        var (from, to) = (Utc("2026-01-01T00:00Z"), Utc("2027-01-01T00:00Z"));

        var starts = SlotEngine.FreeStarts(availability, HalfHour, [], from, to, LongAgo.AddDays(-1));

        Assert.Equal(Iso(SlotReference.FreeStarts(availability, HalfHour, [], from, to, LongAgo.AddDays(-1))), Iso(starts));
        Assert.InRange(starts.Count, 52 * 14, 53 * 16); // 14 on the spring-forward Sunday, 16 on the fall-back one
    }

    [Fact]
    public void Range_ending_in_the_gap_ends_at_the_changeover_instant()
    {
        // London 2026-03-29: local 01:30 does not exist; the range ends at 01:00 UTC, when the clocks jump to 02:00 BST.
        var availability = On("Europe/London", DayOfWeek.Sunday, Hours("00:00", "01:30"));

        Assert.Equal(["2026-03-29T00:00Z"], Iso(StartsAround(availability, "2026-03-29", TimeSpan.FromMinutes(45))));
        Assert.Equal(["2026-03-29T00:00Z", "2026-03-29T00:30Z"], Iso(StartsAround(availability, "2026-03-29", HalfHour)));
        Assert.Equal(SlotRefusal.OutsideHours, SlotEngine.Check(availability, TimeSpan.FromMinutes(45), [], Utc("2026-03-29T00:45Z"), LongAgo));
    }

    [Fact]
    public void Range_ending_in_the_fold_ends_at_its_first_occurrence()
    {
        // London 2026-10-25: local 01:30 is first 00:30 UTC (BST), so an hour's call at local 01:00 (00:00 UTC) does not fit.
        var availability = On("Europe/London", DayOfWeek.Sunday, Hours("00:00", "01:30"));

        Assert.Equal(["2026-10-24T23:00Z"], Iso(StartsAround(availability, "2026-10-25", TimeSpan.FromHours(1))));
    }

    // ---- Rendering check: the ordinary working week ----

    [Theory]
    [InlineData("2026-01-14", "2026-01-14T09:00Z")] // winter, GMT
    [InlineData("2026-07-15", "2026-07-15T08:00Z")] // summer, BST
    public void Working_week_in_London_has_16_half_hour_slots_a_day_from_9_local(string date, string first)
    {
        var availability = Availability.WorkingWeek("Europe/London");
        var day = Utc(date + "T00:00Z");

        var starts = SlotEngine.FreeStarts(availability, HalfHour, [], day, day.AddDays(1), day.AddDays(-7));

        Assert.Equal(Iso(Enumerable.Range(0, 16).Select(i => Utc(first).AddMinutes(30 * i))), Iso(starts));
    }

    [Fact]
    public void Weekend_has_no_slots_in_the_working_week()
    {
        var saturday = Utc("2026-01-17T00:00Z");

        Assert.Empty(SlotEngine.FreeStarts(Availability.WorkingWeek("Europe/London"), HalfHour, [], saturday, saturday.AddDays(2), saturday.AddDays(-7)));
    }

    // ---- Minimum notice ----

    [Fact]
    public void Starts_earlier_than_the_minimum_notice_are_too_soon()
    {
        var availability = Availability.WorkingWeek("Europe/London"); // 4 hours' notice
        var now = Utc("2026-01-14T08:00Z");
        var day = Utc("2026-01-14T00:00Z");

        var starts = SlotEngine.FreeStarts(availability, HalfHour, [], day, day.AddDays(1), now);

        Assert.Equal(Iso(Enumerable.Range(0, 10).Select(i => Utc("2026-01-14T12:00Z").AddMinutes(30 * i))), Iso(starts));
        Assert.Equal(SlotRefusal.TooSoon, SlotEngine.Check(availability, HalfHour, [], Utc("2026-01-14T11:30Z"), now));
        Assert.Null(SlotEngine.Check(availability, HalfHour, [], Utc("2026-01-14T12:00Z"), now));
    }

    // ---- Horizon ----

    [Fact]
    public void Local_dates_after_today_plus_the_horizon_are_beyond_it()
    {
        var availability = Availability.WorkingWeek("Europe/London") with { HorizonDays = 13 };
        var now = Utc("2026-01-01T10:00Z"); // Thursday; the last bookable date is Wednesday 14 January

        var starts = SlotEngine.FreeStarts(availability, HalfHour, [], now, now.AddDays(30), now);

        Assert.Equal(Utc("2026-01-14T16:30Z"), starts[^1]);
        Assert.Null(SlotEngine.Check(availability, HalfHour, [], Utc("2026-01-14T16:30Z"), now));
        Assert.Equal(SlotRefusal.BeyondHorizon, SlotEngine.Check(availability, HalfHour, [], Utc("2026-01-15T09:00Z"), now));
    }

    [Fact]
    public void Horizon_counts_from_the_local_date_of_now_in_the_consultant_zone()
    {
        // 14:00 UTC on 1 January is already 01:00 on 2 January in Sydney (AEDT, +11): the horizon runs to 3 January local.
        var availability = Availability.WorkingWeek("Australia/Sydney") with { HorizonDays = 1, MinimumNoticeMinutes = 0 };
        var now = Utc("2026-01-01T14:00Z");

        var starts = SlotEngine.FreeStarts(availability, HalfHour, [], now, now.AddDays(10), now);

        Assert.Equal(Utc("2026-01-01T22:00Z"), starts[0]); // Friday 2 January, 09:00 local
        Assert.Equal(Utc("2026-01-02T05:30Z"), starts[^1]); // Friday 2 January, 16:30 local; Saturday 3 January is off
        Assert.Equal(16, starts.Count);
        Assert.Equal(SlotRefusal.BeyondHorizon, SlotEngine.Check(availability, HalfHour, [], Utc("2026-01-04T22:00Z"), now)); // Monday 5th
    }

    // ---- Daily cap ----

    [Fact]
    public void Day_with_the_daily_maximum_of_calls_has_no_more_slots()
    {
        var availability = Availability.WorkingWeek("Europe/London") with { MaxPerDay = 2 };
        var now = Utc("2026-01-01T00:00Z");
        var day = Utc("2026-01-14T00:00Z");
        BusyCall[] one = [Call(availability, Utc("2026-01-14T09:00Z"), HalfHour)];
        BusyCall[] two = [.. one, Call(availability, Utc("2026-01-14T15:00Z"), HalfHour)];

        Assert.Equal(15, SlotEngine.FreeStarts(availability, HalfHour, one, day, day.AddDays(1), now).Count);
        Assert.Empty(SlotEngine.FreeStarts(availability, HalfHour, two, day, day.AddDays(1), now));
        Assert.Equal(16, SlotEngine.FreeStarts(availability, HalfHour, two, day.AddDays(1), day.AddDays(2), now).Count);
        Assert.Equal(SlotRefusal.DailyLimit, SlotEngine.Check(availability, HalfHour, two, Utc("2026-01-14T12:00Z"), now));
    }

    [Fact]
    public void Daily_cap_counts_calls_by_their_local_date()
    {
        // 03:00 UTC on Thursday 15 January is 22:00 on Wednesday 14 January in New York.
        var availability = Availability.WorkingWeek("America/New_York") with { MaxPerDay = 1 };
        var now = Utc("2026-01-01T00:00Z");
        BusyCall[] late = [new(Utc("2026-01-15T03:00Z"), Utc("2026-01-15T03:30Z"), Utc("2026-01-15T03:00Z"), Utc("2026-01-15T03:30Z"))];

        Assert.Equal(SlotRefusal.DailyLimit, SlotEngine.Check(availability, HalfHour, late, Utc("2026-01-14T14:00Z"), now));
        Assert.Null(SlotEngine.Check(availability, HalfHour, late, Utc("2026-01-15T14:00Z"), now));
    }

    // ---- Buffers ----

    [Fact]
    public void Buffers_block_the_neighbouring_slots_but_not_those_touching_the_blocked_time()
    {
        var availability = Availability.WorkingWeek("Europe/London") with { BufferBeforeMinutes = 15, BufferAfterMinutes = 15 };
        var now = Utc("2026-01-01T00:00Z");
        var day = Utc("2026-01-14T00:00Z");
        BusyCall[] busy = [Call(availability, Utc("2026-01-14T10:00Z"), HalfHour)]; // blocks 09:45-10:45

        var starts = SlotEngine.FreeStarts(availability, HalfHour, busy, day, day.AddDays(1), now);

        Assert.Contains(Utc("2026-01-14T09:00Z"), starts); // blocks 08:45-09:45, touching
        Assert.DoesNotContain(Utc("2026-01-14T09:30Z"), starts);
        Assert.DoesNotContain(Utc("2026-01-14T10:00Z"), starts);
        Assert.DoesNotContain(Utc("2026-01-14T10:30Z"), starts);
        Assert.Contains(Utc("2026-01-14T11:00Z"), starts); // blocks 10:45-11:30, touching
        Assert.Equal(13, starts.Count);
        Assert.Equal(SlotRefusal.Taken, SlotEngine.Check(availability, HalfHour, busy, Utc("2026-01-14T09:30Z"), now));
        Assert.Equal(SlotRefusal.Taken, SlotEngine.Check(availability, HalfHour, busy, Utc("2026-01-14T10:30Z"), now));
        Assert.Null(SlotEngine.Check(availability, HalfHour, busy, Utc("2026-01-14T11:00Z"), now));
    }

    [Fact]
    public void Busy_calls_are_taken_in_any_order()
    {
        var availability = Availability.WorkingWeek("Europe/London") with { BufferBeforeMinutes = 15, BufferAfterMinutes = 15 };
        var now = Utc("2026-01-01T00:00Z");
        var day = Utc("2026-01-14T00:00Z");
        // A long call first, then one inside its span, then one earlier: the running maximum must keep the long one.
        BusyCall[] busy =
        [
            Call(availability, Utc("2026-01-14T11:00Z"), TimeSpan.FromHours(3)), // blocks 10:45-14:15
            Call(availability, Utc("2026-01-14T12:00Z"), HalfHour),
            Call(availability, Utc("2026-01-14T09:00Z"), HalfHour), // blocks 08:45-09:45
        ];

        var starts = SlotEngine.FreeStarts(availability, HalfHour, busy, day, day.AddDays(1), now);

        Assert.Equal(
            ["2026-01-14T10:00Z", "2026-01-14T14:30Z", "2026-01-14T15:00Z", "2026-01-14T15:30Z", "2026-01-14T16:00Z", "2026-01-14T16:30Z"],
            Iso(starts));
    }

    [Fact]
    public void Blocked_interval_adds_the_buffers_to_the_call()
    {
        var availability = Availability.WorkingWeek("Europe/London") with { BufferBeforeMinutes = 15, BufferAfterMinutes = 10 };

        var (start, end) = SlotEngine.Blocked(availability, new DateTimeOffset(2026, 1, 14, 11, 0, 0, TimeSpan.FromHours(1)), HalfHour);

        Assert.Equal(Utc("2026-01-14T09:45Z"), start);
        Assert.Equal(Utc("2026-01-14T10:40Z"), end);
        Assert.Equal(TimeSpan.Zero, start.Offset);
    }

    // ---- Overrides and ranges ----

    [Fact]
    public void Override_without_hours_is_a_day_off()
    {
        var availability = Availability.WorkingWeek("Europe/London") with { Overrides = [new(new DateOnly(2026, 1, 14), [])] };
        var day = Utc("2026-01-14T00:00Z");

        Assert.Empty(SlotEngine.FreeStarts(availability, HalfHour, [], day, day.AddDays(1), LongAgo));
        Assert.Equal(16, SlotEngine.FreeStarts(availability, HalfHour, [], day.AddDays(1), day.AddDays(2), LongAgo).Count);
        Assert.Equal(SlotRefusal.OutsideHours, SlotEngine.Check(availability, HalfHour, [], Utc("2026-01-14T09:00Z"), LongAgo));
    }

    [Fact]
    public void Override_with_other_hours_replaces_the_weekly_hours()
    {
        var availability = Availability.WorkingWeek("Europe/London") with
        {
            Overrides = [new(new DateOnly(2026, 1, 14), [Hours("13:00", "14:00")]), new(new DateOnly(2026, 1, 17), [Hours("10:00", "11:00")])],
        };
        var wednesday = Utc("2026-01-14T00:00Z");

        var starts = SlotEngine.FreeStarts(availability, HalfHour, [], wednesday, wednesday.AddDays(4), LongAgo);

        var thursdayAndFriday = Enumerable.Range(0, 16).Select(i => Utc("2026-01-15T09:00Z").AddMinutes(30 * i))
            .Concat(Enumerable.Range(0, 16).Select(i => Utc("2026-01-16T09:00Z").AddMinutes(30 * i)));
        Assert.Equal(
            Iso([Utc("2026-01-14T13:00Z"), Utc("2026-01-14T13:30Z"), .. thursdayAndFriday, Utc("2026-01-17T10:00Z"), Utc("2026-01-17T10:30Z")]),
            Iso(starts));
        Assert.Equal(SlotRefusal.OutsideHours, SlotEngine.Check(availability, HalfHour, [], Utc("2026-01-14T09:00Z"), LongAgo));
    }

    [Fact]
    public void Several_ranges_a_day_each_have_their_own_grid()
    {
        var availability = On("Europe/London", DayOfWeek.Wednesday, Hours("09:00", "12:00"), Hours("13:15", "16:00"));

        var starts = StartsAround(availability, "2026-01-14", TimeSpan.FromHours(1));

        Assert.Equal(["2026-01-14T09:00Z", "2026-01-14T10:00Z", "2026-01-14T11:00Z", "2026-01-14T13:15Z", "2026-01-14T14:15Z"], Iso(starts));
    }

    [Fact]
    public void Start_off_the_grid_or_not_fitting_before_the_range_end_is_outside_hours()
    {
        var availability = Availability.WorkingWeek("Europe/London");
        var fortyFive = TimeSpan.FromMinutes(45);

        Assert.Equal(SlotRefusal.OutsideHours, SlotEngine.Check(availability, HalfHour, [], Utc("2026-01-14T09:10Z"), LongAgo));
        Assert.Equal(SlotRefusal.OutsideHours, SlotEngine.Check(availability, HalfHour, [], Utc("2026-01-14T17:00Z"), LongAgo));
        Assert.Equal(SlotRefusal.OutsideHours, SlotEngine.Check(availability, HalfHour, [], Utc("2026-01-14T08:30Z"), LongAgo));
        Assert.Null(SlotEngine.Check(availability, fortyFive, [], Utc("2026-01-14T15:45Z"), LongAgo)); // 9:00 + 9 x 45 min, ends 16:30
        Assert.Equal(SlotRefusal.OutsideHours, SlotEngine.Check(availability, fortyFive, [], Utc("2026-01-14T16:30Z"), LongAgo)); // would end 17:15
        Assert.Equal(SlotRefusal.OutsideHours, SlotEngine.Check(availability, fortyFive, [], Utc("2026-01-14T16:00Z"), LongAgo)); // not on the 45-minute grid
    }

    [Fact]
    public void Check_reports_the_first_rule_broken_in_order()
    {
        var availability = Availability.WorkingWeek("Europe/London") with { MaxPerDay = 1, HorizonDays = 1 };
        var now = Utc("2026-01-14T08:00Z");
        BusyCall[] busy = [Call(availability, Utc("2026-01-14T12:00Z"), HalfHour)];

        Assert.Equal(SlotRefusal.OutsideHours, SlotEngine.Check(availability, HalfHour, busy, Utc("2026-01-14T12:10Z"), now));
        Assert.Equal(SlotRefusal.TooSoon, SlotEngine.Check(availability, HalfHour, busy, Utc("2026-01-14T11:30Z"), now)); // also capped
        Assert.Equal(SlotRefusal.DailyLimit, SlotEngine.Check(availability, HalfHour, busy, Utc("2026-01-14T12:00Z"), now)); // also taken
        Assert.Equal(SlotRefusal.BeyondHorizon, SlotEngine.Check(availability, HalfHour, busy, Utc("2026-01-16T12:00Z"), now));
        Assert.Null(SlotEngine.Check(availability, HalfHour, busy, Utc("2026-01-15T12:00Z"), now));
    }

    [Fact]
    public void Window_is_half_open()
    {
        var availability = Availability.WorkingWeek("Europe/London");

        var starts = SlotEngine.FreeStarts(availability, HalfHour, [], Utc("2026-01-14T10:00Z"), Utc("2026-01-14T11:30Z"), LongAgo);

        Assert.Equal(["2026-01-14T10:00Z", "2026-01-14T10:30Z", "2026-01-14T11:00Z"], Iso(starts));
    }

    [Fact]
    public void Invalid_length_or_hours_are_rejected()
    {
        var overlapping = On("Europe/London", DayOfWeek.Wednesday, Hours("09:00", "12:00"), Hours("11:00", "13:00"));
        var day = Utc("2026-01-14T00:00Z");

        Assert.Throws<ArgumentOutOfRangeException>(() => SlotEngine.FreeStarts(Availability.WorkingWeek("Europe/London"), TimeSpan.Zero, [], day, day.AddDays(1), LongAgo));
        Assert.Throws<ArgumentException>(() => SlotEngine.FreeStarts(overlapping, HalfHour, [], day, day.AddDays(1), LongAgo));
    }
}
