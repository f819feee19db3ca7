using Assessment.Api.Identity;
using Assessment.Api.Persistence;
using Assessment.Testing;
using BenchmarkDotNet.Attributes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Assessment.Benchmarks;

/// <summary>
/// What the shared rate limit adds to one partner request: the upsert that refills the client's bucket and takes a
/// token, on each database, with a thousand clients' buckets in the table. Target: under 1 ms on PostgreSQL.
/// </summary>
[MemoryDiagnoser]
[InProcess]
public class RateLimitBenchmark
{
    private AppDbContext _db = default!;
    private PartnerRateLimiter _limiter = default!;
    private int _next;

    [Params(DatabaseProvider.Sqlite, DatabaseProvider.Postgres)]
    public DatabaseProvider Provider { get; set; }

    [GlobalSetup]
    public async Task Setup()
    {
        if (Provider == DatabaseProvider.Postgres)
        {
            var server = await PostgresServer.InstanceAsync();
            var options = new DbContextOptionsBuilder<PostgresAppDbContext>();
            Database.Configure(options, DatabaseProvider.Postgres, await server.CreateDatabaseAsync());
            _db = new PostgresAppDbContext(options.Options);
        }
        else
        {
            var options = new DbContextOptionsBuilder<SqliteAppDbContext>();
            Database.Configure(options, DatabaseProvider.Sqlite, $"Data Source={Path.Combine(Path.GetTempPath(), $"ratelimit-{Guid.NewGuid():N}.db")}");
            _db = new SqliteAppDbContext(options.Options);
        }
        await _db.Database.MigrateAsync();
        // Plenty of tokens, so every call takes the common path: refill, take one, answer.
        _limiter = new PartnerRateLimiter(Options.Create(new PartnerRateLimitOptions { TokenLimit = 1_000_000, TokensPerPeriod = 1_000_000, PeriodSeconds = 1 }), TimeProvider.System);
        for (var i = 0; i < 1000; i++)
        {
            await _limiter.AcquireAsync(_db, $"client-{i}", CancellationToken.None);
        }
    }

    [Benchmark]
    public async Task<bool> AcquireForOneRequest() =>
        (await _limiter.AcquireAsync(_db, $"client-{_next++ % 1000}", CancellationToken.None)).Acquired;

    [GlobalCleanup]
    public async Task Cleanup() => await _db.DisposeAsync();
}
