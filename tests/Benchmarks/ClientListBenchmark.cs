using Assessment.Api.Features.Clients;
using Assessment.Api.Paging;
using Assessment.Api.Persistence;
using Assessment.Testing;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;

namespace Assessment.Benchmarks;

/// <summary>
/// The consultant's client list and dashboard on PostgreSQL with 100,000 assessments in one workspace (spread over two
/// years, 70% submitted, 5% with a call): the first page, a deep page reached by cursor, both with a filter, the CSV's
/// page size, and the dashboard's queries. Target: at most 100 ms at the 95th percentile.
/// </summary>
[MemoryDiagnoser]
[InProcess]
[Config(typeof(Percentiles))]
public class ClientListBenchmark
{
    private PostgresAppDbContext _db = default!;
    private GetDashboardHandler _dashboard = default!;
    private ClientCursor _deep = default!;
    // ExecuteSqlRaw formats the text, so braces are doubled.
    private const string EmptyObject = "{{}}";
    private static readonly ClientFilter Submitted = new(Status: "submitted");
    private static readonly ClientFilter DentalLowShare = new(PracticeType: "dental", ShareMax: 30);

    [Params(100_000)]
    public int Assessments { get; set; }

    private sealed class Percentiles : ManualConfig
    {
        public Percentiles() => AddColumn(StatisticColumn.P95, StatisticColumn.Max);
    }

    [GlobalSetup]
    public async Task Setup()
    {
        var server = await PostgresServer.InstanceAsync();
        var connection = await server.CreateDatabaseAsync();
        var options = new DbContextOptionsBuilder<PostgresAppDbContext>();
        Database.Configure(options, DatabaseProvider.Postgres, connection);
        var workspaceId = Guid.CreateVersion7();
        var scope = new WorkspaceScope(new HttpContextAccessor());
        scope.Use(workspaceId);
        _db = new PostgresAppDbContext(options.Options, scope);
        await _db.Database.MigrateAsync();

        var consultantId = Guid.CreateVersion7();
        // Built from constants and generated ids only.
        var seed = $"""
            INSERT INTO workspaces (id, slug, name, created_at, call_minutes) VALUES ('{workspaceId}', 'bench', 'Bench advisers', now(), 30);
            INSERT INTO workspaces (id, slug, name, created_at, call_minutes) VALUES ('{Guid.CreateVersion7()}', 'other', 'Other advisers', now(), 30);
            INSERT INTO members (id, workspace_id, user_name, normalized_user_name, email, normalized_email, email_confirmed, phone_number_confirmed,
                                 two_factor_enabled, lockout_enabled, access_failed_count)
            VALUES ('{consultantId}', '{workspaceId}', 'c@bench.test', 'C@BENCH.TEST', 'c@bench.test', 'C@BENCH.TEST', true, false, false, true, 0);
            INSERT INTO assessments (id, workspace_id, questionnaire_key, questionnaire_version, status, respondent_email, respondent_name,
                                     respondent_practice_name, answers, results, leadership_share, leadership_share_basis_points, profile_key,
                                     practice_type, owner_email_key, created_at, updated_at, submitted_at)
            SELECT gen_random_uuid(), '{workspaceId}', 'owner-time', 1,
                   CASE WHEN n % 10 < 7 THEN 'submitted' ELSE 'in-progress' END,
                   'owner' || (n % 60000) || '@practice.test', 'Dr Owner ' || n, 'Practice ' || (n % 5000),
                   '{EmptyObject}', '[]',
                   CASE WHEN n % 10 < 7 THEN ((n * 7919) % 10001) / 10000.0 END,
                   CASE WHEN n % 10 < 7 THEN (n * 7919) % 10001 END,
                   CASE WHEN n % 10 >= 7 THEN NULL WHEN (n * 7919) % 10001 < 3000 THEN 'buried-in-management'
                        WHEN (n * 7919) % 10001 >= 5000 THEN 'owner-led' ELSE 'emerging-leader' END,
                   CASE WHEN n % 10 < 7 THEN (ARRAY['medical','dental','veterinary','other'])[1 + n % 4] END,
                   'owner' || (n % 60000) || '@practice.test',
                   now() - make_interval(mins => n * 10), now() - make_interval(mins => n * 10),
                   CASE WHEN n % 10 < 7 THEN now() - make_interval(mins => n * 10 - 5) END
            FROM generate_series(1, {Assessments}) AS n;
            INSERT INTO bookings (id, workspace_id, consultant_id, assessment_id, start, "end", blocked_start, blocked_end, status, owner_email_key,
                                  sequence, created_at, updated_at, owner_email, owner_name, owner_time_zone)
            SELECT gen_random_uuid(), '{workspaceId}', '{consultantId}', a.id,
                   timestamptz '2024-01-01' + make_interval(hours => r.n), timestamptz '2024-01-01' + make_interval(hours => r.n, mins => 30),
                   timestamptz '2024-01-01' + make_interval(hours => r.n), timestamptz '2024-01-01' + make_interval(hours => r.n, mins => 30),
                   CASE WHEN r.n % 4 = 0 THEN 'Canceled' ELSE 'Active' END, 'booked' || r.n || '@practice.test',
                   0, now(), now(), 'booked' || r.n || '@practice.test', 'Dr Booked', 'Europe/London'
            FROM (SELECT id, row_number() OVER (ORDER BY id) AS n FROM assessments WHERE status = 'submitted') AS a
            JOIN LATERAL (SELECT a.n::int AS n) AS r ON true
            WHERE a.n % 14 = 0;
            ANALYZE assessments; ANALYZE bookings;
            """;
        await _db.Database.ExecuteSqlRawAsync(seed);
        _dashboard = new GetDashboardHandler(_db, TimeProvider.System);

        // A cursor 40 pages (2,000 rows) deep into the filtered list.
        ClientCursor? cursor = null;
        for (var page = 0; page < 40; page++)
        {
            var next = (await ClientQueries.PageAsync(_db, Submitted, 50, cursor, CancellationToken.None)).NextCursor
                ?? throw new InvalidOperationException("The seeded list is shorter than expected.");
            ClientCursor.TryParse(next, "newest", out cursor);
        }
        _deep = cursor!;
        var count = await _db.Assessments.CountAsync();
        if (count != Assessments)
        {
            throw new InvalidOperationException($"Seeded {count} assessments, not {Assessments}.");
        }
    }

    [Benchmark]
    public Task<Page<ClientRow>> FirstPageSubmitted() => ClientQueries.PageAsync(_db, Submitted, 50, null, CancellationToken.None);

    [Benchmark]
    public Task<Page<ClientRow>> DeepPageSubmittedByCursor() => ClientQueries.PageAsync(_db, Submitted, 50, _deep, CancellationToken.None);

    [Benchmark]
    public Task<Page<ClientRow>> FirstPageDentalLowShare() => ClientQueries.PageAsync(_db, DentalLowShare, 50, null, CancellationToken.None);

    [Benchmark]
    public Task<Page<ClientRow>> FirstPageBooked() => ClientQueries.PageAsync(_db, new ClientFilter(Status: "booked"), 50, null, CancellationToken.None);

    [Benchmark]
    public Task<Page<ClientRow>> FirstPageSearch() => ClientQueries.PageAsync(_db, new ClientFilter(Search: "owner4711@"), 50, null, CancellationToken.None);

    [Benchmark]
    public Task<Page<ClientRow>> FirstPageByShare() => ClientQueries.PageAsync(_db, new ClientFilter(Sort: "share"), 50, null, CancellationToken.None);

    [Benchmark]
    public Task<IReadOnlyList<FunnelWeek>> DashboardFunnel() => _dashboard.FunnelAsync(12, DateTimeOffset.UtcNow, CancellationToken.None);

    [Benchmark]
    public Task<IReadOnlyList<ShareBand>> DashboardDistribution() => _dashboard.DistributionAsync(CancellationToken.None);

    [Benchmark]
    public Task<BenchmarkPosition> DashboardBenchmark() => _dashboard.BenchmarkAsync(CancellationToken.None);

    [GlobalCleanup]
    public async Task Cleanup() => await _db.DisposeAsync();
}
