namespace Assessment.Domain.Scheduling;

/// <summary>A stretch of local time within one day, start inclusive, end exclusive.</summary>
public sealed record TimeRange(TimeOnly Start, TimeOnly End)
{
    public bool IsValid => Start < End;
}

/// <summary>A date with hours other than the weekly pattern; no ranges means a day off.</summary>
public sealed record DateOverride(DateOnly Date, IReadOnlyList<TimeRange> Hours);

/// <summary>
/// When a consultant takes discovery calls, in their own IANA time zone: weekly hours, date overrides, a buffer
/// before and after every call, the minimum notice, how many days ahead can be booked and a daily maximum.
/// </summary>
public sealed record Availability(
    string TimeZone,
    IReadOnlyDictionary<DayOfWeek, IReadOnlyList<TimeRange>> Weekly,
    IReadOnlyList<DateOverride> Overrides,
    int BufferBeforeMinutes,
    int BufferAfterMinutes,
    int MinimumNoticeMinutes,
    int HorizonDays,
    int MaxPerDay)
{
    /// <summary>Weekdays 09:00–17:00 in the given zone, no buffers, 4 hours' notice, 60 days ahead, 8 calls a day.</summary>
    public static Availability WorkingWeek(string timeZone) => new(
        timeZone,
        new Dictionary<DayOfWeek, IReadOnlyList<TimeRange>>
        {
            [DayOfWeek.Monday] = [new(new(9, 0), new(17, 0))],
            [DayOfWeek.Tuesday] = [new(new(9, 0), new(17, 0))],
            [DayOfWeek.Wednesday] = [new(new(9, 0), new(17, 0))],
            [DayOfWeek.Thursday] = [new(new(9, 0), new(17, 0))],
            [DayOfWeek.Friday] = [new(new(9, 0), new(17, 0))],
        },
        [],
        0,
        0,
        240,
        60,
        8);

    /// <summary>The hours of one local date: its override if there is one, else the weekly pattern.</summary>
    public IReadOnlyList<TimeRange> HoursOn(DateOnly date)
    {
        foreach (var o in Overrides)
        {
            if (o.Date == date)
            {
                return o.Hours;
            }
        }
        return Weekly.TryGetValue(date.DayOfWeek, out var hours) ? hours : [];
    }

    /// <summary>Every reason the availability cannot be used, by field; empty when it can.</summary>
    public IReadOnlyDictionary<string, string> Problems()
    {
        var problems = new Dictionary<string, string>();
        if (!TimeZoneInfo.TryFindSystemTimeZoneById(TimeZone, out _))
        {
            problems["timeZone"] = $"'{TimeZone}' is not an IANA time zone such as Europe/London.";
        }
        foreach (var (day, ranges) in Weekly)
        {
            if (!Sorted(ranges))
            {
                problems[$"weekly.{day.ToString().ToLowerInvariant()}"] = "Each range must end after it starts, and ranges must not overlap.";
            }
        }
        for (var i = 0; i < Overrides.Count; i++)
        {
            if (!Sorted(Overrides[i].Hours))
            {
                problems[$"overrides[{i}].hours"] = "Each range must end after it starts, and ranges must not overlap.";
            }
            if (Overrides.Take(i).Any(o => o.Date == Overrides[i].Date))
            {
                problems[$"overrides[{i}].date"] = $"{Overrides[i].Date:yyyy-MM-dd} has more than one override.";
            }
        }
        Range(problems, "bufferBeforeMinutes", BufferBeforeMinutes, 0, 240);
        Range(problems, "bufferAfterMinutes", BufferAfterMinutes, 0, 240);
        Range(problems, "minimumNoticeMinutes", MinimumNoticeMinutes, 0, 60 * 24 * 30);
        Range(problems, "horizonDays", HorizonDays, 1, 365);
        Range(problems, "maxPerDay", MaxPerDay, 1, 48);
        return problems;
    }

    private static bool Sorted(IReadOnlyList<TimeRange> ranges)
    {
        for (var i = 0; i < ranges.Count; i++)
        {
            if (!ranges[i].IsValid || (i > 0 && ranges[i].Start < ranges[i - 1].End))
            {
                return false;
            }
        }
        return true;
    }

    private static void Range(Dictionary<string, string> problems, string field, int value, int min, int max)
    {
        if (value < min || value > max)
        {
            problems[field] = $"Must be from {min} to {max}.";
        }
    }
}

/// <summary>A call already booked: its time and the time its buffers block, in UTC.</summary>
public sealed record BusyCall(DateTimeOffset Start, DateTimeOffset End, DateTimeOffset BlockedStart, DateTimeOffset BlockedEnd);
