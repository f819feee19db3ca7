using System.Globalization;
using Assessment.Api.Persistence;
using Assessment.Domain.Assessments;
using Assessment.Domain.Scheduling;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Assessment.Api.Features.Clients;

/// <summary>Of the assessments started in one ISO week: how many were submitted, led to a booked call and to a call that took place.</summary>
public sealed record FunnelWeek(string Week, DateOnly Monday, int Started, int Submitted, int Booked, int Attended);

/// <summary>How many submitted results have a leadership share in [From, To) percent (the last band includes 100).</summary>
public sealed record ShareBand(int From, int To, int Count);

/// <summary>The workspace's median leadership share beside everyone's (from the anonymous benchmark counts).</summary>
public sealed record BenchmarkPosition(decimal? WorkspaceMedian, int WorkspaceCount, decimal? AllMedian, long AllCount);

public sealed record DashboardView(IReadOnlyList<FunnelWeek> Funnel, IReadOnlyList<ShareBand> Distribution, BenchmarkPosition Benchmark);

public sealed record GetDashboard(int Weeks = 12) : IQuery<DashboardView>;

public sealed class GetDashboardHandler(AppDbContext db, TimeProvider clock) : IQueryHandler<GetDashboard, DashboardView>
{
    public async ValueTask<DashboardView> Handle(GetDashboard query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        var now = clock.GetUtcNow();
        return new DashboardView(
            await FunnelAsync(Math.Clamp(query.Weeks, 1, 52), now, cancellationToken),
            await DistributionAsync(cancellationToken),
            await BenchmarkAsync(cancellationToken));
    }

    /// <summary>Started → submitted → booked → attended per ISO week (Monday to Sunday, UTC), oldest week first.</summary>
    public async Task<IReadOnlyList<FunnelWeek>> FunnelAsync(int weeks, DateTimeOffset now, CancellationToken ct)
    {
        var today = DateOnly.FromDateTime(now.UtcDateTime);
        var monday = today.AddDays(-(((int)today.DayOfWeek + 6) % 7));
        var first = monday.AddDays(-7 * (weeks - 1));
        var since = new DateTimeOffset(first.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
        var rows = await db.Assessments.AsNoTracking()
            .Where(a => a.CreatedAt >= since)
            .Select(a => new
            {
                a.CreatedAt,
                Submitted = a.Status == AssessmentStatus.Submitted,
                Booked = db.Bookings.Any(b => b.AssessmentId == a.Id && b.Status != BookingStatus.Canceled),
                Attended = db.Bookings.Any(b => b.AssessmentId == a.Id && b.Status == BookingStatus.Active && b.End <= now),
            })
            .ToListAsync(ct);
        var counts = new (int Started, int Submitted, int Booked, int Attended)[weeks];
        foreach (var row in rows)
        {
            var week = (DateOnly.FromDateTime(row.CreatedAt.UtcDateTime).DayNumber - first.DayNumber) / 7;
            if (week < 0 || week >= weeks)
            {
                continue;
            }
            ref var c = ref counts[week];
            c.Started++;
            c.Submitted += row.Submitted ? 1 : 0;
            c.Booked += row.Booked ? 1 : 0;
            c.Attended += row.Attended ? 1 : 0;
        }
        return [.. counts.Select((c, i) =>
        {
            var day = first.AddDays(7 * i);
            var date = day.ToDateTime(TimeOnly.MinValue);
            var label = string.Create(CultureInfo.InvariantCulture, $"{ISOWeek.GetYear(date)}-W{ISOWeek.GetWeekOfYear(date):00}");
            return new FunnelWeek(label, day, c.Started, c.Submitted, c.Booked, c.Attended);
        })];
    }

    /// <summary>Submitted results in ten bands of leadership share: 0–10%, 10–20% … 90–100%.</summary>
    public async Task<IReadOnlyList<ShareBand>> DistributionAsync(CancellationToken ct)
    {
        var counts = await db.Assessments.AsNoTracking()
            .Where(a => a.LeadershipShareBasisPoints != null)
            .GroupBy(a => a.LeadershipShareBasisPoints!.Value / 1000)
            .Select(g => new { Band = g.Key, Count = g.Count() })
            .ToListAsync(ct);
        var bands = new int[10];
        foreach (var c in counts)
        {
            bands[Math.Clamp(c.Band, 0, 9)] += c.Count;
        }
        return [.. bands.Select((n, i) => new ShareBand(i * 10, i * 10 + 10, n))];
    }

    /// <summary>The workspace's median share (exact) and everyone's (from the 0.001-wide anonymous buckets).</summary>
    public async Task<BenchmarkPosition> BenchmarkAsync(CancellationToken ct)
    {
        var shares = db.Assessments.AsNoTracking().Where(a => a.LeadershipShareBasisPoints != null);
        var count = await shares.CountAsync(ct);
        decimal? median = null;
        if (count > 0)
        {
            var middle = await shares.OrderBy(a => a.LeadershipShareBasisPoints).Select(a => a.LeadershipShareBasisPoints!.Value)
                .Skip((count - 1) / 2).Take(2 - count % 2).ToListAsync(ct);
            median = (decimal)middle.Average() / 10000m;
        }
        var buckets = await db.BenchmarkBuckets.AsNoTracking().Where(b => b.Cohort == "all" && b.Responses > 0)
            .OrderBy(b => b.Bucket).Select(b => new { b.Bucket, b.Responses }).ToListAsync(ct);
        var all = buckets.Sum(b => b.Responses);
        decimal? allMedian = null;
        if (all > 0)
        {
            var half = (all + 1) / 2;
            long seen = 0;
            foreach (var b in buckets)
            {
                seen += b.Responses;
                if (seen >= half)
                {
                    // The bucket's middle: buckets are 0.001 wide.
                    allMedian = (b.Bucket + 0.5m) / 1000m;
                    break;
                }
            }
        }
        return new BenchmarkPosition(median, count, allMedian, all);
    }
}
