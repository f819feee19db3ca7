using Assessment.Domain.Benchmarks;
using Assessment.Domain.Scoring;
using Microsoft.EntityFrameworkCore;

namespace Assessment.Api.Persistence;

/// <summary>
/// Keeps the anonymous benchmark counts and ranks a share against them. Only counts leave the database: the
/// lookup is one aggregate over at most 1,001 bucket rows per cohort, whatever the number of assessments.
/// </summary>
public sealed class BenchmarkStore(AppDbContext db)
{
    /// <summary>Counts a submitted result in each of its cohorts (call inside the submitting transaction).</summary>
    public Task RecordAsync(AssessmentResult result, CancellationToken ct) => ChangeAsync(result, +1, ct);

    /// <summary>Takes a result back out of the counts (when it is replaced by a re-score).</summary>
    public Task RemoveAsync(AssessmentResult result, CancellationToken ct) => ChangeAsync(result, -1, ct);

    public async Task<BenchmarkResult> RankAsync(AssessmentResult result, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(result);
        var cohorts = Benchmark.CohortsOf(result.Practice);
        if (result.LeadershipShare is not { } share)
        {
            return Benchmark.Rank(null, cohorts, []);
        }
        var keys = cohorts.Select(c => c.Key).ToList();
        var bucket = Benchmark.Bucket(share);
        var counts = await db.BenchmarkBuckets.AsNoTracking()
            .Where(b => keys.Contains(b.Cohort))
            .GroupBy(b => b.Cohort)
            .Select(g => new CohortCounts(
                g.Key,
                g.Sum(b => b.Responses),
                g.Sum(b => b.Bucket < bucket ? b.Responses : 0),
                g.Sum(b => b.Bucket == bucket ? b.Responses : 0)))
            .ToListAsync(ct);
        return Benchmark.Rank(share, cohorts, counts);
    }

    private async Task ChangeAsync(AssessmentResult result, int delta, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(result);
        if (result.LeadershipShare is not { } share)
        {
            return;
        }
        var bucket = Benchmark.Bucket(share);
        foreach (var cohort in Benchmark.CohortsOf(result.Practice))
        {
            await db.Database.ExecuteSqlAsync($"""
                INSERT INTO benchmark_buckets (cohort, bucket, responses) VALUES ({cohort.Key}, {bucket}, {delta})
                ON CONFLICT (cohort, bucket) DO UPDATE SET responses = benchmark_buckets.responses + {delta}
                """, ct);
        }
    }
}
