using System.Globalization;

namespace Assessment.Domain.Scheduling;

/// <summary>
/// Hours as people type them: <c>09:00–12:00, 14:00–17:30</c> for a day, and <c>2026-12-24 09:00–12:00</c> (or a date
/// alone, for a day off) for a date with other hours. Writing and reading again gives the same ranges.
/// </summary>
public static class AvailabilityText
{
    private static readonly char[] RangeSeparators = [',', ';'];
    private static readonly char[] TimeSeparators = ['-', '–', '—'];

    public static string Format(IEnumerable<TimeRange> hours) =>
        string.Join(", ", hours.Select(h => $"{h.Start.ToString("HH:mm", CultureInfo.InvariantCulture)}–{h.End.ToString("HH:mm", CultureInfo.InvariantCulture)}"));

    public static string Format(DateOverride date)
    {
        ArgumentNullException.ThrowIfNull(date);
        var day = date.Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        return date.Hours.Count == 0 ? day : $"{day} {Format(date.Hours)}";
    }

    /// <summary>Reads a day's ranges; empty text is no hours. Returns the problem, or null.</summary>
    public static string? TryParseHours(string? text, out IReadOnlyList<TimeRange> hours)
    {
        var ranges = new List<TimeRange>();
        hours = ranges;
        foreach (var part in (text ?? "").Split(RangeSeparators, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var ends = part.Split(TimeSeparators, StringSplitOptions.TrimEntries);
            if (ends.Length != 2 || !TryTime(ends[0], out var start) || !TryTime(ends[1], out var end))
            {
                return $"“{part}” is not a range like 09:00–12:30.";
            }
            if (start >= end)
            {
                return $"“{part}” ends before it starts.";
            }
            ranges.Add(new TimeRange(start, end));
        }
        ranges.Sort((a, b) => a.Start.CompareTo(b.Start));
        for (var i = 1; i < ranges.Count; i++)
        {
            if (ranges[i].Start < ranges[i - 1].End)
            {
                return $"{Format([ranges[i - 1]])} and {Format([ranges[i]])} overlap.";
            }
        }
        return null;
    }

    /// <summary>Reads one line of dates with other hours. Returns the problem, or null.</summary>
    public static string? TryParseDate(string line, out DateOverride? date)
    {
        ArgumentNullException.ThrowIfNull(line);
        date = null;
        var text = line.Trim();
        var space = text.IndexOf(' ', StringComparison.Ordinal);
        var day = space < 0 ? text : text[..space];
        if (!DateOnly.TryParseExact(day, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var parsed))
        {
            return $"“{text}” does not start with a date like 2026-12-24.";
        }
        if (TryParseHours(space < 0 ? "" : text[(space + 1)..], out var hours) is { } problem)
        {
            return $"{day}: {problem}";
        }
        date = new DateOverride(parsed, hours);
        return null;
    }

    private static bool TryTime(string text, out TimeOnly time) =>
        TimeOnly.TryParseExact(text, ["H:mm", "HH:mm"], CultureInfo.InvariantCulture, DateTimeStyles.None, out time);
}
