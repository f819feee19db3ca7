using Assessment.Api.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Assessment.Api.Outbox;

/// <summary>The <c>Outbox</c> configuration section.</summary>
public sealed class OutboxOptions
{
    public const string Section = "Outbox";

    /// <summary>Run the background worker in this instance (default true).</summary>
    public bool Enabled { get; set; } = true;

    public double PollSeconds { get; set; } = 2;

    public int BatchSize { get; set; } = 20;
}

/// <summary>Work that waits in the database until it is due; the background worker runs every one each cycle.</summary>
public interface IDueWork
{
    /// <summary>Handles what is due now; returns how many items were done.</summary>
    Task<int> ProcessDueAsync(CancellationToken ct);
}

/// <summary>
/// Sends the due outbox messages. Several instances may run it at once: each message is claimed by a conditional
/// update before it is sent, so only one instance sends it.
/// </summary>
public sealed partial class OutboxProcessor(AppDbContext db, IEmailSender sender, TimeProvider clock, IOptions<OutboxOptions> options, ILogger<OutboxProcessor> log) : IDueWork
{
    private static readonly TimeSpan Lease = TimeSpan.FromMinutes(2);

    /// <summary>Handles the messages due now; returns how many were sent.</summary>
    public async Task<int> ProcessDueAsync(CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var due = await db.Outbox.AsNoTracking()
            .Where(m => m.SentAt == null && m.DeadAt == null && m.CanceledAt == null && m.NextAttemptAt <= now && (m.LockedUntil == null || m.LockedUntil < now))
            .OrderBy(m => m.NextAttemptAt)
            .Select(m => m.Id)
            .Take(options.Value.BatchSize)
            .ToListAsync(ct);
        var sent = 0;
        foreach (var id in due)
        {
            var leaseEnd = now + Lease;
            var claimed = await db.Outbox
                .Where(m => m.Id == id && m.SentAt == null && m.CanceledAt == null && (m.LockedUntil == null || m.LockedUntil < now))
                .ExecuteUpdateAsync(s => s.SetProperty(m => m.LockedUntil, leaseEnd), ct);
            if (claimed == 0)
            {
                continue;
            }
            var message = await db.Outbox.SingleAsync(m => m.Id == id, ct);
            try
            {
                await sender.SendAsync(message.ReadEmail(), message.Id, ct);
                message.Sent(clock.GetUtcNow());
                sent++;
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                message.Failed(ex.Message, clock.GetUtcNow(), Random.Shared.NextDouble());
                LogFailed(log, ex, message.Id, message.Attempts);
            }
            await db.SaveChangesAsync(ct);
        }
        return sent;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Outbox message {Id} failed (attempt {Attempts})")]
    private static partial void LogFailed(ILogger logger, Exception exception, Guid id, int attempts);
}

/// <summary>Runs the due work (<see cref="OutboxProcessor"/>, Stripe events…) in the background of every instance.</summary>
public sealed partial class OutboxWorker(IServiceScopeFactory scopes, IOptions<OutboxOptions> options, TimeProvider clock, ILogger<OutboxWorker> log) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.Enabled)
        {
            return;
        }
        var interval = TimeSpan.FromSeconds(Math.Max(0.1, options.Value.PollSeconds));
        while (!stoppingToken.IsCancellationRequested)
        {
            await using (var scope = scopes.CreateAsyncScope())
            {
                foreach (var work in scope.ServiceProvider.GetServices<IDueWork>())
                {
                    try
                    {
                        await work.ProcessDueAsync(stoppingToken);
                    }
                    catch (Exception ex) when (ex is not OperationCanceledException)
                    {
                        LogCycleFailed(log, ex, work.GetType().Name);
                    }
                }
            }
            try
            {
                await Task.Delay(interval, clock, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "A cycle of {Work} failed; it will run again")]
    private static partial void LogCycleFailed(ILogger logger, Exception exception, string work);
}
