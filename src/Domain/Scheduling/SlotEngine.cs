using System.Buffers;

namespace Assessment.Domain.Scheduling;

/// <summary>Why a start instant cannot be booked, in the order <see cref="SlotEngine.Check"/> tests the rules.</summary>
public enum SlotRefusal
{
    /// <summary>Not a grid start of a working range of its local date, or the call would not end by the range end.</summary>
    OutsideHours,

    /// <summary>Earlier than now plus the minimum notice.</summary>
    TooSoon,

    /// <summary>Its local date is after the local date of now plus the horizon in days.</summary>
    BeyondHorizon,

    /// <summary>The consultant already has the daily maximum of calls starting on that local date.</summary>
    DailyLimit,

    /// <summary>Its blocked time overlaps the blocked time of a call already booked.</summary>
    Taken,
}

/// <summary>
/// The pure slot engine: which start instants one consultant can be booked at. Listing (<see cref="FreeStarts"/>)
/// and booking (<see cref="Check"/>) apply exactly the same rules.
/// </summary>
/// <remarks>
/// <para>
/// <b>Grid.</b> For each local date (in <see cref="Availability.TimeZone"/>) and each <see cref="TimeRange"/> of
/// <see cref="Availability.HoursOn"/> that date (an override replaces the weekly pattern; an override without ranges
/// is a day off), candidate starts are the local times range.Start, range.Start + length, range.Start + 2 × length, …
/// Each local time becomes an instant: a local time that does not exist (spring-forward gap) is skipped; an ambiguous
/// local time (fall-back fold) takes its first occurrence, the earlier instant. A candidate is kept while
/// start + length (real elapsed time) is not after the instant of range.End on that date; if range.End falls in a gap,
/// its instant is the first instant after the gap (the changeover itself); if it is ambiguous, its first occurrence.
/// So on a changeover day the afternoon starts are at the right local times with the new offset (London,
/// 2026-03-29: 13:00 local is 12:00 UTC).
/// </para>
/// <para>A start can be booked when none of these refusals applies; <see cref="Check"/> reports the first that does:</para>
/// <list type="number">
/// <item><see cref="SlotRefusal.OutsideHours"/>: it is not a grid start of its own local date (as above).</item>
/// <item><see cref="SlotRefusal.TooSoon"/>: start &lt; now + <see cref="Availability.MinimumNoticeMinutes"/>.</item>
/// <item><see cref="SlotRefusal.BeyondHorizon"/>: its local date is after the local date of now +
/// <see cref="Availability.HorizonDays"/>.</item>
/// <item><see cref="SlotRefusal.DailyLimit"/>: the busy calls whose <see cref="BusyCall.Start"/> falls on the same local
/// date number <see cref="Availability.MaxPerDay"/> or more.</item>
/// <item><see cref="SlotRefusal.Taken"/>: its blocked interval <see cref="Blocked"/> = [start − bufferBefore,
/// start + length + bufferAfter) overlaps a busy call's [BlockedStart, BlockedEnd). Intervals are half-open, so touching
/// is fine; an empty busy interval blocks nothing.</item>
/// </list>
/// <para>
/// Busy calls are this consultant's only, in any order. The availability must be valid (<see cref="Availability.Problems"/>
/// empty): an unknown zone throws <see cref="TimeZoneNotFoundException"/>, ranges that are empty, overlapping or out of
/// order throw <see cref="ArgumentException"/>, and so does a length that is not positive.
/// </para>
/// <para>
/// Cost: the zone is resolved once per call and its offsets over the period are mapped once (a sample every 12 hours,
/// and a binary search where the offset changes); each candidate is then converted with plain arithmetic, and the busy
/// calls are sorted once and walked with a moving index, so a listing allocates only its exact-size result and a few small arrays.
/// </para>
/// </remarks>
public static class SlotEngine
{
    private const long TicksPerDay = TimeSpan.TicksPerDay;

    /// <summary>Margin around the local dates of interest: more than any UTC offset, so every instant of those dates is mapped.</summary>
    private const long Margin = 2 * TicksPerDay;

    /// <summary>The time a call blocks: [start − bufferBefore, start + length + bufferAfter), in UTC.</summary>
    public static (DateTimeOffset Start, DateTimeOffset End) Blocked(Availability availability, DateTimeOffset start, TimeSpan length)
    {
        ArgumentNullException.ThrowIfNull(availability);
        var utc = start.ToUniversalTime();
        return (utc.AddMinutes(-availability.BufferBeforeMinutes), utc + length + TimeSpan.FromMinutes(availability.BufferAfterMinutes));
    }

    /// <summary>Free start instants (UTC, offset zero, ascending) for one consultant in [fromUtc, toUtc).</summary>
    public static IReadOnlyList<DateTimeOffset> FreeStarts(
        Availability availability,
        TimeSpan length,
        IReadOnlyList<BusyCall> busy,
        DateTimeOffset fromUtc,
        DateTimeOffset toUtc,
        DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(availability);
        ArgumentNullException.ThrowIfNull(busy);
        RequirePositive(length);
        var tz = TimeZoneInfo.FindSystemTimeZoneById(availability.TimeZone);

        var lower = Math.Max(fromUtc.UtcTicks, now.UtcTicks + (availability.MinimumNoticeMinutes * TimeSpan.TicksPerMinute));
        var upper = toUtc.UtcTicks;
        if (lower >= upper)
        {
            return [];
        }
        var horizonDay = LocalDay(tz, now.UtcTicks) + availability.HorizonDays;
        var firstDay = LocalDay(tz, lower);
        var lastDay = Math.Min(LocalDay(tz, upper - 1), horizonDay);
        if (firstDay > lastDay)
        {
            return [];
        }
        var zone = ZoneMap.Build(tz, (firstDay * TicksPerDay) - Margin, ((lastDay + 1) * TicksPerDay) + Margin);

        // Busy calls: blocked intervals sorted by start with a running maximum of their ends (any busy interval starting
        // before a candidate's blocked end overlaps it exactly when the largest of their ends is after its blocked start),
        // and the local dates of their starts, sorted, for the daily limit.
        var count = busy.Count;
        var blockedStarts = ArrayPool<long>.Shared.Rent(Math.Max(count, 1));
        var blockedEnds = ArrayPool<long>.Shared.Rent(Math.Max(count, 1));
        var busyDays = ArrayPool<int>.Shared.Rent(Math.Max(count, 1));
        try
        {
            int blockedCount = 0, dayCount = 0;
            for (var i = 0; i < count; i++)
            {
                var call = busy[i];
                long bs = call.BlockedStart.UtcTicks, be = call.BlockedEnd.UtcTicks;
                if (be > bs)
                {
                    blockedStarts[blockedCount] = bs;
                    blockedEnds[blockedCount++] = be;
                }
                if (zone.TryLocalDay(call.Start.UtcTicks, out var day) && day >= firstDay && day <= lastDay)
                {
                    busyDays[dayCount++] = day;
                }
            }
            Array.Sort(blockedStarts, blockedEnds, 0, blockedCount);
            Array.Sort(busyDays, 0, dayCount);
            for (var i = 1; i < blockedCount; i++)
            {
                blockedEnds[i] = Math.Max(blockedEnds[i], blockedEnds[i - 1]);
            }

            var result = new StartBuffer(Math.Min((lastDay - firstDay + 1) * 16, 4096));
            long len = length.Ticks,
                before = availability.BufferBeforeMinutes * TimeSpan.TicksPerMinute,
                after = availability.BufferAfterMinutes * TimeSpan.TicksPerMinute;
            int nextBlocked = 0, nextDay = 0;
            for (var day = firstDay; day <= lastDay; day++)
            {
                while (nextDay < dayCount && busyDays[nextDay] < day)
                {
                    nextDay++;
                }
                var booked = 0;
                while (nextDay + booked < dayCount && busyDays[nextDay + booked] == day)
                {
                    booked++;
                }
                if (booked >= availability.MaxPerDay)
                {
                    continue;
                }
                var grid = new DayGrid(zone, availability.HoursOn(DateOnly.FromDayNumber(day)), day, len);
                while (grid.MoveNext())
                {
                    var start = grid.Current;
                    if (start < lower)
                    {
                        continue;
                    }
                    if (start >= upper)
                    {
                        return result.ToArrayAndReturn();
                    }
                    var blockedEnd = start + len + after;
                    while (nextBlocked < blockedCount && blockedStarts[nextBlocked] < blockedEnd)
                    {
                        nextBlocked++;
                    }
                    if (nextBlocked > 0 && blockedEnds[nextBlocked - 1] > start - before)
                    {
                        continue;
                    }
                    result.Add(new DateTimeOffset(start, TimeSpan.Zero));
                }
            }
            return result.ToArrayAndReturn();
        }
        finally
        {
            ArrayPool<long>.Shared.Return(blockedStarts);
            ArrayPool<long>.Shared.Return(blockedEnds);
            ArrayPool<int>.Shared.Return(busyDays);
        }
    }

    /// <summary>
    /// Why this start cannot be booked, or null when it can: exactly the rules <see cref="FreeStarts"/> applies,
    /// tested in the order of <see cref="SlotRefusal"/>.
    /// </summary>
    public static SlotRefusal? Check(Availability availability, TimeSpan length, IReadOnlyList<BusyCall> busy, DateTimeOffset start, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(availability);
        ArgumentNullException.ThrowIfNull(busy);
        RequirePositive(length);
        var tz = TimeZoneInfo.FindSystemTimeZoneById(availability.TimeZone);

        var at = start.UtcTicks;
        var day = LocalDay(tz, at);
        var zone = ZoneMap.Build(tz, (day * TicksPerDay) - Margin, ((day + 1) * TicksPerDay) + Margin);
        var grid = new DayGrid(zone, availability.HoursOn(DateOnly.FromDayNumber(day)), day, length.Ticks);
        var onGrid = false;
        while (!onGrid && grid.MoveNext() && grid.Current <= at)
        {
            onGrid = grid.Current == at;
        }
        if (!onGrid)
        {
            return SlotRefusal.OutsideHours;
        }
        if (at < now.UtcTicks + (availability.MinimumNoticeMinutes * TimeSpan.TicksPerMinute))
        {
            return SlotRefusal.TooSoon;
        }
        if (day > LocalDay(tz, now.UtcTicks) + availability.HorizonDays)
        {
            return SlotRefusal.BeyondHorizon;
        }
        var booked = 0;
        foreach (var call in busy)
        {
            if (zone.TryLocalDay(call.Start.UtcTicks, out var callDay) && callDay == day)
            {
                booked++;
            }
        }
        if (booked >= availability.MaxPerDay)
        {
            return SlotRefusal.DailyLimit;
        }
        var (blockedStart, blockedEnd) = Blocked(availability, start, length);
        foreach (var call in busy)
        {
            if (call.BlockedStart < call.BlockedEnd && call.BlockedStart < blockedEnd && blockedStart < call.BlockedEnd)
            {
                return SlotRefusal.Taken;
            }
        }
        return null;
    }

    private static void RequirePositive(TimeSpan length)
    {
        if (length <= TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(length), length, "A call must last a positive time.");
        }
    }

    /// <summary>The day number (<see cref="DateOnly.DayNumber"/>) of the local date of a UTC instant.</summary>
    private static int LocalDay(TimeZoneInfo tz, long utcTicks) =>
        (int)((utcTicks + ZoneMap.Offset(tz, utcTicks)) / TicksPerDay);

    /// <summary>
    /// The UTC offsets of one zone over a stretch of time, as segments [from[i], from[i + 1]) with a constant offset,
    /// so that local times and instants convert with arithmetic alone. Valid only within the stretch it was built for.
    /// </summary>
    private sealed class ZoneMap
    {
        /// <summary>How often the offset is sampled; the engine assumes no zone changes offset twice within 12 hours and back.</summary>
        private const long Step = TicksPerDay / 2;

        private long[] _from = new long[4];
        private long[] _offset = new long[4];
        private int _count;
        private long _coverStart;
        private long _coverEnd;

        public static long Offset(TimeZoneInfo tz, long utcTicks) =>
            tz.GetUtcOffset(new DateTime(utcTicks, DateTimeKind.Utc)).Ticks;

        public static ZoneMap Build(TimeZoneInfo tz, long coverStart, long coverEnd)
        {
            coverStart = Math.Max(coverStart, TicksPerDay);
            coverEnd = Math.Min(coverEnd, DateTime.MaxValue.Ticks - TicksPerDay);
            var map = new ZoneMap { _coverStart = coverStart, _coverEnd = coverEnd };
            var a = coverStart;
            var offset = Offset(tz, a);
            map.Add(long.MinValue, offset);
            while (a < coverEnd)
            {
                var b = Math.Min(a + Step, coverEnd);
                var offsetB = Offset(tz, b);
                while (offsetB != offset)
                {
                    // The first instant in (a, b] with another offset: Offset(lo) == offset, Offset(hi) != offset.
                    long lo = a, hi = b;
                    while (hi - lo > 1)
                    {
                        var mid = lo + ((hi - lo) / 2);
                        if (Offset(tz, mid) == offset)
                        {
                            lo = mid;
                        }
                        else
                        {
                            hi = mid;
                        }
                    }
                    offset = Offset(tz, hi);
                    map.Add(hi, offset);
                    a = hi;
                }
                a = b;
            }
            return map;
        }

        private void Add(long from, long offset)
        {
            if (_count == _from.Length)
            {
                Array.Resize(ref _from, _count * 2);
                Array.Resize(ref _offset, _count * 2);
            }
            _from[_count] = from;
            _offset[_count++] = offset;
        }

        /// <summary>The local date of an instant, when the instant is within the stretch.</summary>
        public bool TryLocalDay(long utcTicks, out int day)
        {
            if (utcTicks < _coverStart || utcTicks >= _coverEnd)
            {
                day = 0;
                return false;
            }
            var i = _count - 1;
            while (_from[i] > utcTicks)
            {
                i--;
            }
            day = (int)((utcTicks + _offset[i]) / TicksPerDay);
            return true;
        }

        /// <summary>The first instant with this local time; false when the local time is in a gap.</summary>
        public bool TryToUtc(long localTicks, out long utcTicks)
        {
            for (var i = 0; i < _count; i++)
            {
                var utc = localTicks - _offset[i];
                if (utc >= _from[i] && (i + 1 == _count || utc < _from[i + 1]))
                {
                    utcTicks = utc;
                    return true;
                }
            }
            utcTicks = 0;
            return false;
        }

        /// <summary>The first instant with this local time or, when it falls in a gap, the first instant after the gap.</summary>
        public long ToUtcOrAfterGap(long localTicks)
        {
            if (TryToUtc(localTicks, out var utc))
            {
                return utc;
            }
            for (var i = 1; i < _count; i++)
            {
                if (localTicks - _offset[i - 1] >= _from[i] && localTicks - _offset[i] < _from[i])
                {
                    return _from[i];
                }
            }
            return localTicks - _offset[_count - 1];
        }
    }

    /// <summary>Collects the starts in a pooled buffer, so that the listing allocates only its exact-size result.</summary>
    private struct StartBuffer(int capacity)
    {
        private DateTimeOffset[] _items = ArrayPool<DateTimeOffset>.Shared.Rent(Math.Max(capacity, 16));
        private int _count;

        public void Add(DateTimeOffset start)
        {
            if (_count == _items.Length)
            {
                var larger = ArrayPool<DateTimeOffset>.Shared.Rent(_count * 2);
                _items.AsSpan().CopyTo(larger);
                ArrayPool<DateTimeOffset>.Shared.Return(_items);
                _items = larger;
            }
            _items[_count++] = start;
        }

        public readonly DateTimeOffset[] ToArrayAndReturn()
        {
            var result = _items.AsSpan(0, _count).ToArray();
            ArrayPool<DateTimeOffset>.Shared.Return(_items);
            return result;
        }
    }

    /// <summary>The grid starts of one local date as UTC ticks, ascending.</summary>
    private struct DayGrid
    {
        private readonly ZoneMap _zone;
        private readonly IReadOnlyList<TimeRange> _hours;
        private readonly long _midnight;
        private readonly long _length;
        private int _range;
        private long _next;
        private long _end;
        private long _endUtc;

        public DayGrid(ZoneMap zone, IReadOnlyList<TimeRange> hours, int day, long length)
        {
            _zone = zone;
            _hours = hours;
            _midnight = day * TicksPerDay;
            _length = length;
            _range = -1;
        }

        public long Current { get; private set; }

        public bool MoveNext()
        {
            while (true)
            {
                if (_range < 0 || _next >= _end)
                {
                    if (++_range >= _hours.Count)
                    {
                        return false;
                    }
                    var range = _hours[_range];
                    if (!range.IsValid || (_range > 0 && range.Start < _hours[_range - 1].End))
                    {
                        throw new ArgumentException("Working ranges must end after they start and must not overlap or be out of order.", "availability");
                    }
                    _next = range.Start.Ticks;
                    _end = range.End.Ticks;
                    _endUtc = _zone.ToUtcOrAfterGap(_midnight + _end);
                }
                var local = _next;
                _next += _length;
                if (!_zone.TryToUtc(_midnight + local, out var start))
                {
                    continue; // in a spring-forward gap
                }
                if (start + _length > _endUtc)
                {
                    _next = _end; // later starts end later still
                    continue;
                }
                Current = start;
                return true;
            }
        }
    }
}
