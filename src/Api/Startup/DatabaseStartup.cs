using Assessment.Api.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;

namespace Assessment.Api.Startup;

/// <summary>Brings the database up to date and applies the <c>Seed</c> section. Safe to run on every start.</summary>
public sealed class DatabaseStartup(AppDbContext db, Provisioning provisioning, IOptions<SeedOptions> seed)
{
    public async Task RunAsync(bool migrate, CancellationToken ct)
    {
        if (migrate)
        {
            await db.Database.MigrateAsync(ct);
        }
        await provisioning.ApplyAsync(seed.Value, ct);
    }
}

/// <summary>Ready when the database answers and has every migration applied.</summary>
public sealed class DatabaseReadyCheck(AppDbContext db) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            if (!await db.Database.CanConnectAsync(cancellationToken))
            {
                return HealthCheckResult.Unhealthy("The database cannot be reached.");
            }
            var pending = (await db.Database.GetPendingMigrationsAsync(cancellationToken)).ToList();
            return pending.Count == 0
                ? HealthCheckResult.Healthy()
                : HealthCheckResult.Unhealthy($"{pending.Count} migration(s) are not applied: {string.Join(", ", pending)}.");
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            return HealthCheckResult.Unhealthy("The database check failed.", ex);
        }
    }
}
