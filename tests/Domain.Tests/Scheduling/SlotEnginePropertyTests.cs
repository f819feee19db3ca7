using System.Globalization;
using Assessment.Domain.Scheduling;
using CsCheck;

namespace Assessment.Domain.Tests.Scheduling;

/// <summary>Rules that hold for every availability, busy list and window, checked over generated ones around changeovers.</summary>
public sealed class SlotEnginePropertyTests
{
    /// <summary>
    /// Zones with whole-hour, half-hour (Lord Howe, St John's) and 45-minute (Chatham) offsets and changeovers, and
    /// none (Kolkata), each with its 2026 changeover dates and two ordinary days.
    /// </summary>
    private static readonly (string Zone, DateOnly Date)[] ZoneDays =
    [
        .. Days("Europe/London", new(2026, 3, 29), new(2026, 10, 25)),
        .. Days("America/New_York", new(2026, 3, 8), new(2026, 11, 1)),
        .. Days("Australia/Sydney", new(2026, 4, 5), new(2026, 10, 4)),
        .. Days("Australia/Lord_Howe", new(2026, 4, 5), new(2026, 10, 4)),
        .. Days("America/St_Johns", new(2026, 3, 8), new(2026, 11, 1)),
        .. Days("Pacific/Chatham", new(2026, 4, 5), new(2026, 9, 27)),
        .. Days("Asia/Kolkata", new(2026, 3, 29), new(2026, 10, 25)),
    ];

    private static (string, DateOnly)[] Days(string zone, DateOnly spring, DateOnly autumn) =>
        [(zone, spring), (zone, spring), (zone, autumn), (zone, autumn), (zone, new(2026, 1, 14)), (zone, new(2026, 7, 15))];

    private static readonly int[] Lengths = [15, 20, 30, 45, 60, 90];

    /// <summary>A minute of the day: mostly on the quarter hour, often in the small hours where the changeovers are.</summary>
    private static readonly Gen<int> Minute = Gen.Frequency(
        (3, Gen.Int[0, 95].Select(q => q * 15)),
        (2, Gen.Int[0, 20].Select(q => q * 15)),
        (1, Gen.Int[0, 1439]));

    /// <summary>Zero to three valid, ordered, non-overlapping ranges.</summary>
    private static readonly Gen<TimeRange[]> Ranges = Minute.Array[0, 6].Select(points =>
    {
        var sorted = points.Distinct().Order().ToArray();
        return Enumerable.Range(0, sorted.Length / 2)
            .Select(i => new TimeRange(new TimeOnly(sorted[2 * i] / 60, sorted[2 * i] % 60), new TimeOnly(sorted[(2 * i) + 1] / 60, sorted[(2 * i) + 1] % 60)))
            .ToArray();
    });

    private static readonly Gen<Scenario> Scenarios = Gen.Select(
        Gen.OneOf(ZoneDays),
        Gen.Int[-3 * 24, 12],
        Gen.Int[1, 10 * 24],
        Gen.Int[-5 * 24 * 4, 2 * 24 * 4],
        Ranges.Array[7],
        Gen.Select(Gen.Int[-2, 12], Ranges).Array[0, 3],
        Gen.Select(Gen.Int[0, 12], Gen.Int[0, 12], Gen.Int[0, 3 * 24 * 4], Gen.Int[1, 20], Gen.Int[1, 6], Gen.OneOf(Lengths)),
        Gen.Select(Gen.Int[-24 * 12, 12 * 24 * 12], Gen.Int[0, 24], Gen.Int[0, 6], Gen.Int[0, 6]).Array[0, 15],
        (zoneDay, fromHours, windowHours, nowQuarters, weekly, overrides, rules, busy) =>
        {
            var (zone, anchor) = zoneDay;
            var (before, after, noticeQuarters, horizon, maxPerDay, length) = rules;
            var from = new DateTimeOffset(anchor.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero).AddHours(fromHours);
            var availability = new Availability(
                zone,
                Enumerable.Range(0, 7).Where(d => weekly[d].Length > 0).ToDictionary(d => (DayOfWeek)d, d => (IReadOnlyList<TimeRange>)weekly[d]),
                [.. overrides.DistinctBy(o => o.Item1).Select(o => new DateOverride(anchor.AddDays(o.Item1), o.Item2))],
                before * 5,
                after * 5,
                noticeQuarters * 15,
                horizon,
                maxPerDay);
            var calls = busy.Select(b =>
            {
                var start = from.AddMinutes(b.Item1 * 5);
                var end = start.AddMinutes(b.Item2 * 5);
                return new BusyCall(start, end, start.AddMinutes(-b.Item3 * 5), end.AddMinutes(b.Item4 * 5));
            });
            return new Scenario(availability, TimeSpan.FromMinutes(length), [.. calls], from, from.AddHours(windowHours), from.AddMinutes(nowQuarters * 15));
        });

    private static IReadOnlyList<DateTimeOffset> Free(Scenario s, IReadOnlyList<BusyCall>? busy = null) =>
        SlotEngine.FreeStarts(s.Availability, s.Length, busy ?? s.Busy, s.From, s.To, s.Now);

    private static SlotRefusal? Check(Scenario s, DateTimeOffset start) =>
        SlotEngine.Check(s.Availability, s.Length, s.Busy, start, s.Now);

    [Fact]
    public void Every_free_start_can_be_booked_and_every_other_grid_start_in_the_window_cannot()
    {
        Scenarios.Sample(s =>
        {
            var free = Free(s);
            var grid = SlotReference.GridStartsIn(s.Availability, s.Length, s.From, s.To);

            Assert.All(free, start => Assert.Null(Check(s, start)));
            Assert.All(grid.Except(free), start => Assert.NotNull(Check(s, start)));
            Assert.Subset(grid.ToHashSet(), free.ToHashSet());
        }, iter: 300, print: s => s.ToString());
    }

    [Fact]
    public void Free_starts_are_exactly_those_of_the_reference_rules()
    {
        Scenarios.Sample(s =>
        {
            var expected = SlotReference.FreeStarts(s.Availability, s.Length, s.Busy, s.From, s.To, s.Now);

            Assert.Equal(Render(expected), Render(Free(s)));
        }, iter: 300, print: s => s.ToString());
    }

    [Fact]
    public void Check_gives_the_reference_refusal_for_grid_starts_and_for_any_other_instant()
    {
        Gen.Select(Scenarios, Gen.Int[0, 10 * 24 * 60].Array[8]).Sample((s, minutes) =>
        {
            var grid = SlotReference.GridStartsIn(s.Availability, s.Length, s.From.AddDays(-1), s.To.AddDays(1));
            var instants = grid.Concat(minutes.Select(m => s.From.AddMinutes(m)));

            Assert.All(instants, start => Assert.Equal(SlotReference.Check(s.Availability, s.Length, s.Busy, start, s.Now), Check(s, start)));
        }, iter: 200, print: t => t.Item1.ToString());
    }

    [Fact]
    public void Free_starts_are_utc_strictly_ascending_inside_the_window_and_clear_of_every_busy_call()
    {
        Scenarios.Sample(s =>
        {
            var free = Free(s);

            for (var i = 0; i < free.Count; i++)
            {
                Assert.Equal(TimeSpan.Zero, free[i].Offset);
                Assert.InRange(free[i], s.From, s.To.AddTicks(-1));
                if (i > 0)
                {
                    Assert.True(free[i - 1] < free[i], $"{free[i - 1]:O} is not before {free[i]:O}");
                }
                Assert.True(free[i] >= s.Now.AddMinutes(s.Availability.MinimumNoticeMinutes), $"{free[i]:O} is too soon");
                var (blockedStart, blockedEnd) = SlotEngine.Blocked(s.Availability, free[i], s.Length);
                // Half-open intervals: an empty one (a call of no length without buffers) overlaps nothing.
                Assert.DoesNotContain(s.Busy, b => b.BlockedStart < b.BlockedEnd && b.BlockedStart < blockedEnd && blockedStart < b.BlockedEnd);
            }
        }, iter: 300, print: s => s.ToString());
    }

    [Fact]
    public void Adding_a_busy_call_never_adds_a_slot()
    {
        Gen.Select(Scenarios, Gen.Int[-24 * 12, 12 * 24 * 12], Gen.Int[1, 24], Gen.Int[0, 6]).Sample((s, at, duration, buffer) =>
        {
            var start = s.From.AddMinutes(at * 5);
            var end = start.AddMinutes(duration * 5);
            var extra = new BusyCall(start, end, start.AddMinutes(-buffer * 5), end.AddMinutes(buffer * 5));

            var before = Free(s);
            var after = Free(s, [.. s.Busy, extra]);

            Assert.Subset(before.ToHashSet(), after.ToHashSet());
        }, iter: 300, print: t => t.Item1.ToString());
    }

    [Fact]
    public void Listing_two_adjacent_windows_gives_the_listing_of_the_whole_window()
    {
        Gen.Select(Scenarios, Gen.Int[0, 100]).Sample((s, percent) =>
        {
            var middle = s.From + ((s.To - s.From) * percent / 100);

            var parts = SlotEngine.FreeStarts(s.Availability, s.Length, s.Busy, s.From, middle, s.Now)
                .Concat(SlotEngine.FreeStarts(s.Availability, s.Length, s.Busy, middle, s.To, s.Now));

            Assert.Equal(Render(Free(s)), Render(parts));
        }, iter: 300, print: t => t.Item1.ToString());
    }

    [Fact]
    public void Order_of_the_busy_calls_does_not_matter()
    {
        Gen.Select(Scenarios, Gen.Int.Array[15]).Sample((s, keys) =>
        {
            var shuffled = s.Busy.Select((b, i) => (Call: b, Key: keys[i])).OrderBy(x => x.Key).Select(x => x.Call).ToArray();

            Assert.Equal(Render(Free(s)), Render(Free(s, shuffled)));
        }, iter: 200, print: t => t.Item1.ToString());
    }

    private static string[] Render(IEnumerable<DateTimeOffset> instants) =>
        [.. instants.Select(i => i.ToString("O", CultureInfo.InvariantCulture))];

    /// <summary>One generated case, printed in full when a property fails.</summary>
    public sealed record Scenario(Availability Availability, TimeSpan Length, BusyCall[] Busy, DateTimeOffset From, DateTimeOffset To, DateTimeOffset Now)
    {
        public override string ToString()
        {
            static string Hours(IReadOnlyList<TimeRange> ranges) =>
                ranges.Count == 0 ? "off" : string.Join(",", ranges.Select(r => string.Create(CultureInfo.InvariantCulture, $"{r.Start:HH\\:mm}-{r.End:HH\\:mm}")));

            var a = Availability;
            return string.Create(
                CultureInfo.InvariantCulture,
                $"""
                zone {a.TimeZone}, length {Length.TotalMinutes} min, buffers {a.BufferBeforeMinutes}/{a.BufferAfterMinutes}, notice {a.MinimumNoticeMinutes}, horizon {a.HorizonDays}, max {a.MaxPerDay}
                weekly {string.Join("; ", a.Weekly.OrderBy(w => w.Key).Select(w => $"{w.Key} {Hours(w.Value)}"))}
                overrides {string.Join("; ", a.Overrides.Select(o => $"{o.Date:yyyy-MM-dd} {Hours(o.Hours)}"))}
                window {From:O} to {To:O}, now {Now:O}
                busy {string.Join("; ", Busy.Select(b => $"{b.Start:O}-{b.End:O} blocking {b.BlockedStart:O}-{b.BlockedEnd:O}"))}
                """);
        }
    }
}
