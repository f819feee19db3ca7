using Assessment.Domain.Scheduling;

namespace Assessment.Domain.Tests.Scheduling;

/// <summary>
/// A deliberately naive restatement of the slot rules, written straight from the specification with the plain
/// <see cref="TimeZoneInfo"/> API (IsInvalidTime, IsAmbiguousTime, ConvertTime) and no optimisation, to check the
/// engine against. It assumes changeovers on whole minutes, which holds for every zone the tests use.
/// </summary>
internal static class SlotReference
{
    public static DateOnly LocalDate(TimeZoneInfo tz, DateTimeOffset instant) =>
        DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(instant, tz).DateTime);

    /// <summary>The grid starts of one local date, by the rules: gap starts skipped, folds at their first occurrence.</summary>
    public static List<DateTimeOffset> GridStarts(Availability availability, TimeSpan length, DateOnly date)
    {
        var tz = TimeZoneInfo.FindSystemTimeZoneById(availability.TimeZone);
        var starts = new List<DateTimeOffset>();
        foreach (var range in availability.HoursOn(date))
        {
            var end = Instant(tz, date.ToDateTime(range.End), afterGap: true)!.Value;
            for (var t = range.Start.ToTimeSpan(); t < range.End.ToTimeSpan(); t += length)
            {
                var start = Instant(tz, date.ToDateTime(TimeOnly.FromTimeSpan(t)), afterGap: false);
                if (start is { } s && s + length <= end)
                {
                    starts.Add(s);
                }
            }
        }
        return starts;
    }

    /// <summary>The first instant with this local time; in a gap, none or (for a range end) the first instant after it.</summary>
    private static DateTimeOffset? Instant(TimeZoneInfo tz, DateTime local, bool afterGap)
    {
        if (tz.IsInvalidTime(local))
        {
            if (!afterGap)
            {
                return null;
            }
            while (tz.IsInvalidTime(local))
            {
                local = local.AddMinutes(1);
            }
        }
        var offset = tz.IsAmbiguousTime(local) ? tz.GetAmbiguousTimeOffsets(local).Max() : tz.GetUtcOffset(local);
        return new DateTimeOffset(DateTime.SpecifyKind(local - offset, DateTimeKind.Unspecified), TimeSpan.Zero);
    }

    public static SlotRefusal? Check(Availability availability, TimeSpan length, IReadOnlyList<BusyCall> busy, DateTimeOffset start, DateTimeOffset now)
    {
        var tz = TimeZoneInfo.FindSystemTimeZoneById(availability.TimeZone);
        var date = LocalDate(tz, start);
        if (!GridStarts(availability, length, date).Contains(start))
        {
            return SlotRefusal.OutsideHours;
        }
        if (start < now.AddMinutes(availability.MinimumNoticeMinutes))
        {
            return SlotRefusal.TooSoon;
        }
        if (date > LocalDate(tz, now).AddDays(availability.HorizonDays))
        {
            return SlotRefusal.BeyondHorizon;
        }
        if (busy.Count(b => LocalDate(tz, b.Start) == date) >= availability.MaxPerDay)
        {
            return SlotRefusal.DailyLimit;
        }
        var blockedStart = start.AddMinutes(-availability.BufferBeforeMinutes);
        var blockedEnd = start + length + TimeSpan.FromMinutes(availability.BufferAfterMinutes);
        if (busy.Any(b => b.BlockedStart < b.BlockedEnd && b.BlockedStart < blockedEnd && blockedStart < b.BlockedEnd))
        {
            return SlotRefusal.Taken;
        }
        return null;
    }

    /// <summary>Every grid start of every local date touching [from, to), inside the window, ascending.</summary>
    public static List<DateTimeOffset> GridStartsIn(Availability availability, TimeSpan length, DateTimeOffset from, DateTimeOffset to)
    {
        var tz = TimeZoneInfo.FindSystemTimeZoneById(availability.TimeZone);
        var starts = new List<DateTimeOffset>();
        for (var date = LocalDate(tz, from); date <= LocalDate(tz, to); date = date.AddDays(1))
        {
            starts.AddRange(GridStarts(availability, length, date).Where(s => s >= from && s < to));
        }
        return starts;
    }

    public static List<DateTimeOffset> FreeStarts(Availability availability, TimeSpan length, IReadOnlyList<BusyCall> busy, DateTimeOffset from, DateTimeOffset to, DateTimeOffset now) =>
        [.. GridStartsIn(availability, length, from, to).Where(s => Check(availability, length, busy, s, now) is null)];
}
