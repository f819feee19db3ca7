using Assessment.Api.Persistence;
using Assessment.Domain.Benchmarks;
using Assessment.Domain.Instruments;
using Assessment.Domain.Scoring;
using Assessment.Testing;
using BenchmarkDotNet.Attributes;
using Microsoft.EntityFrameworkCore;

namespace Assessment.Benchmarks;

/// <summary>
/// The peer-benchmark lookup on PostgreSQL after 1,000,000 submitted results (20 practice types × sizes, shares spread
/// over 0–1), counted exactly as submissions count them. Target: under 5 ms.
/// </summary>
[MemoryDiagnoser]
[InProcess]
public class PercentileBenchmark
{
    private PostgresAppDbContext _db = default!;
    private BenchmarkStore _store = default!;
    private AssessmentResult _result = default!;

    [Params(1_000_000)]
    public int Results { get; set; }

    [GlobalSetup]
    public async Task Setup()
    {
        var server = await PostgresServer.InstanceAsync();
        var connection = await server.CreateDatabaseAsync();
        var options = new DbContextOptionsBuilder<PostgresAppDbContext>();
        Database.Configure(options, DatabaseProvider.Postgres, connection);
        _db = new PostgresAppDbContext(options.Options);
        await _db.Database.MigrateAsync();

        // Simulate the submissions: each result is counted in its type × size cohort, its type cohort and "all".
        var types = new[] { "medical", "dental", "veterinary", "other" };
        var sizes = new[] { 3, 7, 12, 30, 80 };
        var cohorts = types.SelectMany(t => sizes.Select(s => Benchmark.CohortsOf(new PracticeFacts(t, s))[0].Key)).ToArray();
        // Built from constants of this class only.
        var seed = $"""
            WITH submitted AS (
                SELECT (ARRAY['{string.Join("','", cohorts)}'])[1 + (n % {cohorts.Length})] AS cohort,
                       floor(1000 * (0.5 + 0.5 * sin(n * 12.9898))) ::int AS bucket
                FROM generate_series(1, {Results}) AS n
            ), counted AS (
                SELECT cohort, bucket FROM submitted
                UNION ALL SELECT split_part(cohort, '|', 1), bucket FROM submitted
                UNION ALL SELECT 'all', bucket FROM submitted
            )
            INSERT INTO benchmark_buckets (cohort, bucket, responses)
            SELECT cohort, bucket, count(*) FROM counted GROUP BY cohort, bucket
            """;
        await _db.Database.ExecuteSqlRawAsync(seed);
        await _db.Database.ExecuteSqlRawAsync("ANALYZE benchmark_buckets");
        _store = new BenchmarkStore(_db);

        var answers = Assessment.Domain.AnswerSet.Empty
            .With("practice-type", new Assessment.Domain.TextAnswer("dental"))
            .With("team-size", new Assessment.Domain.NumberAnswer(12))
            .With("time-actual", new Assessment.Domain.AllocationAnswer(new Dictionary<string, decimal> { ["direction"] = 4, ["rota"] = 12 }));
        _result = Scorer.Score(OwnerTime.Version1, answers);
        var check = await _store.RankAsync(_result, CancellationToken.None);
        if (!check.Available || check.CohortSize < Results / cohorts.Length)
        {
            throw new InvalidOperationException($"The seeded cohort is not what the benchmark expects: {check}");
        }
    }

    [Benchmark]
    public Task<BenchmarkResult> RankAmongOneMillion() => _store.RankAsync(_result, CancellationToken.None);

    [GlobalCleanup]
    public async Task Cleanup() => await _db.DisposeAsync();
}
