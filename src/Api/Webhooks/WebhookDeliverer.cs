using System.Diagnostics;
using System.Text;
using Assessment.Api.Outbox;
using Assessment.Api.Persistence;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;

namespace Assessment.Api.Webhooks;

/// <summary>
/// Delivers due webhook messages, signed, one claimed message at a time (several instances can run it). A 2xx is a
/// success; 410 Gone disables the endpoint; anything else is retried on a schedule of about three days
/// (30 s, 5 min, 30 min, 2 h, 6 h, 12 h, 24 h, 24 h, each with up to 20% jitter), then the delivery fails.
/// Every attempt is logged with its status and latency.
/// </summary>
public sealed class WebhookDeliverer(AppDbContext db, WorkspaceScope workspace, IHttpClientFactory http, IDataProtectionProvider protection, TimeProvider clock) : IDueWork
{
    public const string HttpClientName = "webhooks";

    private static readonly TimeSpan[] Schedule =
    [
        TimeSpan.FromSeconds(30), TimeSpan.FromMinutes(5), TimeSpan.FromMinutes(30), TimeSpan.FromHours(2),
        TimeSpan.FromHours(6), TimeSpan.FromHours(12), TimeSpan.FromHours(24), TimeSpan.FromHours(24),
    ];

    public static IDataProtector Protector(IDataProtectionProvider protection)
    {
        ArgumentNullException.ThrowIfNull(protection);
        return protection.CreateProtector("Assessment.WebhookSecrets.v1");
    }

    public async Task<int> ProcessDueAsync(CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var due = await db.WebhookDeliveries.IgnoreQueryFilters().AsNoTracking()
            .Where(d => d.Status == "pending" && d.NextAttemptAt <= now && (d.LockedUntil == null || d.LockedUntil < now))
            .OrderBy(d => d.NextAttemptAt).Select(d => d.Id).Take(20).ToListAsync(ct);
        var delivered = 0;
        foreach (var id in due)
        {
            var lease = now.AddMinutes(2);
            var claimed = await db.WebhookDeliveries.IgnoreQueryFilters()
                .Where(d => d.Id == id && d.Status == "pending" && (d.LockedUntil == null || d.LockedUntil < now))
                .ExecuteUpdateAsync(s => s.SetProperty(d => d.LockedUntil, lease), ct);
            if (claimed == 1 && await DeliverAsync(id, ct))
            {
                delivered++;
            }
        }
        return delivered;
    }

    /// <summary>One attempt now; true when the endpoint took it.</summary>
    public async Task<bool> DeliverAsync(Guid deliveryId, CancellationToken ct)
    {
        var delivery = await db.WebhookDeliveries.IgnoreQueryFilters().SingleAsync(d => d.Id == deliveryId, ct);
        // The worker serves every workspace: act for this delivery's.
        workspace.Use(delivery.WorkspaceId);
        var endpoint = await db.WebhookEndpoints.IgnoreQueryFilters().SingleAsync(e => e.Id == delivery.EndpointId, ct);
        var message = await db.WebhookEvents.IgnoreQueryFilters().AsNoTracking().SingleAsync(e => e.Id == delivery.EventId, ct);
        var now = clock.GetUtcNow();
        if (endpoint.DisabledAt is not null)
        {
            delivery.Status = "abandoned";
            delivery.LockedUntil = null;
            await db.SaveChangesAsync(ct);
            return false;
        }
        var protector = Protector(protection);
        var secrets = new List<string> { protector.Unprotect(endpoint.ProtectedSecret) };
        if (endpoint.ProtectedPreviousSecret is { } previous && endpoint.PreviousSecretExpiresAt > now)
        {
            secrets.Add(protector.Unprotect(previous));
        }
        var timestamp = now.ToUnixTimeSeconds();
        using var request = new HttpRequestMessage(HttpMethod.Post, endpoint.Url)
        {
            Content = new StringContent(message.Payload, Encoding.UTF8, "application/json"),
        };
        request.Headers.Add("webhook-id", message.MessageId);
        request.Headers.Add("webhook-timestamp", timestamp.ToString(System.Globalization.CultureInfo.InvariantCulture));
        request.Headers.Add("webhook-signature", WebhookSigning.Header(secrets, message.MessageId, timestamp, message.Payload));
        var attempt = new WebhookAttempt { Id = Guid.CreateVersion7(now), DeliveryId = delivery.Id, At = now };
        var watch = Stopwatch.StartNew();
        int? status = null;
        try
        {
            using var response = await http.CreateClient(HttpClientName).SendAsync(request, ct);
            status = (int)response.StatusCode;
        }
        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException && !ct.IsCancellationRequested)
        {
            attempt.Error = ex.Message.Length > 500 ? ex.Message[..500] : ex.Message;
        }
        attempt.LatencyMs = (int)watch.ElapsedMilliseconds;
        attempt.StatusCode = status;
        db.WebhookAttempts.Add(attempt);
        delivery.Attempts++;
        delivery.LockedUntil = null;
        var succeeded = status is >= 200 and < 300;
        if (succeeded)
        {
            delivery.Status = "succeeded";
            delivery.DeliveredAt = now;
        }
        else if (status == 410)
        {
            delivery.Status = "abandoned";
            endpoint.DisabledAt = now;
            endpoint.DisabledReason = "The endpoint answered 410 Gone.";
        }
        else if (delivery.Attempts >= Schedule.Length + 1)
        {
            delivery.Status = "failed";
        }
        else
        {
            var wait = Schedule[delivery.Attempts - 1];
            delivery.NextAttemptAt = now + wait * (1 + 0.2 * Random.Shared.NextDouble());
        }
        await db.SaveChangesAsync(ct);
        return succeeded;
    }
}
