using Assessment.Domain.Scheduling;
using BenchmarkDotNet.Attributes;

namespace Assessment.Benchmarks;

/// <summary>
/// Listing the free 30-minute starts of 10 consultants in different zones over 60 days (through the March and April
/// changeovers), each working weekdays 09:00–17:00 with 15-minute buffers and about 40 calls already booked.
/// Target: at most 2 ms for all 10.
/// </summary>
[MemoryDiagnoser]
[InProcess]
public class SlotBenchmark
{
    private static readonly string[] Zones =
    [
        "Europe/London", "America/New_York", "Australia/Sydney", "Asia/Tokyo", "America/Los_Angeles",
        "Europe/Berlin", "Asia/Kolkata", "America/Sao_Paulo", "Africa/Johannesburg", "Pacific/Auckland",
    ];

    private static readonly TimeSpan Length = TimeSpan.FromMinutes(30);

    private readonly DateTimeOffset _from = new(2026, 3, 2, 0, 0, 0, TimeSpan.Zero);

    private (Availability Availability, BusyCall[] Busy)[] _consultants = [];

    [GlobalSetup]
    public void Setup()
    {
        _consultants = [.. Zones.Select((zone, z) =>
        {
            var availability = Availability.WorkingWeek(zone) with { BufferBeforeMinutes = 15, BufferAfterMinutes = 15, HorizonDays = 90 };
            var tz = TimeZoneInfo.FindSystemTimeZoneById(zone);
            var busy = new List<BusyCall>();
            for (var i = 0; i < 40; i++)
            {
                // About every day and a half, at a different half hour of the working day, moved off weekends.
                var date = DateOnly.FromDateTime(_from.UtcDateTime).AddDays((i * 3 / 2) + 1);
                while (date.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday)
                {
                    date = date.AddDays(1);
                }
                var local = date.ToDateTime(new TimeOnly(9, 0)).AddMinutes(30 * (((i * 7) + z) % 16));
                var start = new DateTimeOffset(TimeZoneInfo.ConvertTimeToUtc(local, tz), TimeSpan.Zero);
                var (blockedStart, blockedEnd) = SlotEngine.Blocked(availability, start, Length);
                busy.Add(new BusyCall(start, start + Length, blockedStart, blockedEnd));
            }
            // Busy calls arrive in any order.
            return (availability, busy.OrderBy(b => b.Start.Minute).ThenByDescending(b => b.Start).ToArray());
        })];
    }

    [Benchmark]
    public int ListTenConsultantsOverSixtyDays()
    {
        var total = 0;
        foreach (var (availability, busy) in _consultants)
        {
            total += SlotEngine.FreeStarts(availability, Length, busy, _from, _from.AddDays(60), _from).Count;
        }
        return total;
    }
}
