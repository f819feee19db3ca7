using Assessment.Domain.Scoring;

namespace Assessment.Domain.Benchmarks;

/// <summary>A group of submitted assessments a result is compared with.</summary>
public sealed record Cohort(string Key, string Level, string? PracticeType, string? TeamSizeBand);

/// <summary>Counts for one cohort around one leadership share: how many in all, below it and equal to it.</summary>
public sealed record CohortCounts(string CohortKey, long Total, long Below, long Equal);

/// <summary>Where a leadership share stands among peers, or why no comparison is shown.</summary>
public sealed record BenchmarkResult(
    bool Available,
    string? Level,
    string? PracticeType,
    string? TeamSizeBand,
    long? CohortSize,
    decimal? Percentile,
    string? Reason);

/// <summary>
/// Peer comparison of the leadership share. Shares are counted in 1,001 buckets (0.000 to 1.000); the percentile
/// rank is (below + half of equal) ÷ cohort size × 100. The narrowest cohort with at least
/// <see cref="MinimumCohort"/> assessments is used: practice type × team-size band, then practice type, then everyone.
/// A smaller group is never shown.
/// </summary>
public static class Benchmark
{
    public const int MinimumCohort = 30;

    public const int BucketCount = 1001;

    public static int Bucket(decimal share) => (int)Math.Clamp(decimal.Floor(share * 1000), 0, 1000);

    /// <summary>Team sizes are compared in bands so each cohort stays large enough.</summary>
    public static string? TeamSizeBand(int? teamSize) => teamSize switch
    {
        null or < 1 => null,
        < 5 => "1-4",
        < 10 => "5-9",
        < 20 => "10-19",
        < 50 => "20-49",
        _ => "50+",
    };

    /// <summary>The cohorts a practice belongs to, narrowest first.</summary>
    public static IReadOnlyList<Cohort> CohortsOf(PracticeFacts practice)
    {
        ArgumentNullException.ThrowIfNull(practice);
        var cohorts = new List<Cohort>(3);
        var band = TeamSizeBand(practice.TeamSize);
        if (practice.PracticeType is { } type)
        {
            if (band is not null)
            {
                cohorts.Add(new Cohort($"type:{type}|size:{band}", "practice-type-and-size", type, band));
            }
            cohorts.Add(new Cohort($"type:{type}", "practice-type", type, null));
        }
        cohorts.Add(new Cohort("all", "all", null, null));
        return cohorts;
    }

    /// <summary>Chooses the narrowest cohort that is large enough and ranks the share in it.</summary>
    public static BenchmarkResult Rank(decimal? share, IReadOnlyList<Cohort> cohorts, IReadOnlyList<CohortCounts> counts)
    {
        ArgumentNullException.ThrowIfNull(cohorts);
        ArgumentNullException.ThrowIfNull(counts);
        if (share is null)
        {
            return new BenchmarkResult(false, null, null, null, null, null, "There is no leadership share to compare.");
        }
        foreach (var cohort in cohorts)
        {
            var c = counts.FirstOrDefault(x => x.CohortKey == cohort.Key);
            if (c is not null && c.Total >= MinimumCohort)
            {
                var percentile = Math.Round((c.Below + c.Equal / 2m) / c.Total * 100, 0, MidpointRounding.AwayFromZero);
                return new BenchmarkResult(true, cohort.Level, cohort.PracticeType, cohort.TeamSizeBand, c.Total, percentile, null);
            }
        }
        return new BenchmarkResult(false, null, null, null, null, null,
            $"No benchmark is available yet: fewer than {MinimumCohort} comparable assessments have been submitted.");
    }
}
