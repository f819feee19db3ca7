using Assessment.Domain.Benchmarks;
using Assessment.Domain.Scoring;

namespace Assessment.Domain.Tests;

public sealed class BenchmarkTests
{
    private static readonly IReadOnlyList<Cohort> DentalTwelve = Benchmark.CohortsOf(new PracticeFacts("dental", 12));

    [Theory]
    [InlineData(0, 0)]
    [InlineData(0.2, 200)]
    [InlineData(0.3333, 333)]
    [InlineData(0.9999, 999)]
    [InlineData(1, 1000)]
    public void Shares_fall_in_thousandth_buckets(double share, int bucket) => Assert.Equal(bucket, Benchmark.Bucket((decimal)share));

    [Theory]
    [InlineData(1, "1-4")]
    [InlineData(4, "1-4")]
    [InlineData(5, "5-9")]
    [InlineData(19, "10-19")]
    [InlineData(20, "20-49")]
    [InlineData(50, "50+")]
    [InlineData(0, null)]
    [InlineData(null, null)]
    public void Team_sizes_fall_in_bands(int? size, string? band) => Assert.Equal(band, Benchmark.TeamSizeBand(size));

    [Fact]
    public void Cohorts_run_from_type_and_size_to_type_to_everyone()
    {
        Assert.Equal(["type:dental|size:10-19", "type:dental", "all"], DentalTwelve.Select(c => c.Key));
        Assert.Equal(["all"], Benchmark.CohortsOf(new PracticeFacts(null, 12)).Select(c => c.Key));
        Assert.Equal(["type:veterinary", "all"], Benchmark.CohortsOf(new PracticeFacts("veterinary", null)).Select(c => c.Key));
    }

    [Fact]
    public void Percentile_is_below_plus_half_of_equal_over_the_cohort()
    {
        // 40 peers: 10 below, 4 equal → (10 + 2) / 40 = 30th percentile.
        var result = Benchmark.Rank(0.25m, DentalTwelve, [new CohortCounts("type:dental|size:10-19", 40, 10, 4)]);
        Assert.Equal(new BenchmarkResult(true, "practice-type-and-size", "dental", "10-19", 40, 30, null), result);
    }

    [Fact]
    public void A_cohort_under_30_falls_back_to_the_practice_type()
    {
        var result = Benchmark.Rank(0.25m, DentalTwelve,
        [
            new CohortCounts("type:dental|size:10-19", 29, 28, 1),
            new CohortCounts("type:dental", 30, 3, 0),
            new CohortCounts("all", 500, 250, 0),
        ]);
        Assert.Equal("practice-type", result.Level);
        Assert.Null(result.TeamSizeBand);
        Assert.Equal(30, result.CohortSize);
        Assert.Equal(10m, result.Percentile);
    }

    [Fact]
    public void Everyone_is_the_last_fallback_and_a_small_service_shows_nothing()
    {
        var all = Benchmark.Rank(0.25m, DentalTwelve, [new CohortCounts("type:dental", 12, 3, 0), new CohortCounts("all", 31, 31, 0)]);
        Assert.Equal("all", all.Level);
        Assert.Equal(100m, all.Percentile);

        var none = Benchmark.Rank(0.25m, DentalTwelve, [new CohortCounts("all", 29, 3, 0)]);
        Assert.False(none.Available);
        Assert.Null(none.CohortSize);
        Assert.Null(none.Percentile);
        Assert.Contains("fewer than 30", none.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void No_share_means_no_benchmark()
    {
        var result = Benchmark.Rank(null, DentalTwelve, [new CohortCounts("all", 1000, 10, 10)]);
        Assert.False(result.Available);
        Assert.NotNull(result.Reason);
    }
}
