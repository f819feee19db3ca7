using System.Text.Json;
using Assessment.Api.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Assessment.Api.Webhooks;

/// <summary>
/// Records an event and a delivery for each endpoint that wants it, in the caller's unit of work: saved with the state
/// change that caused it, so an event is never announced for a change that did not happen, nor lost for one that did.
/// </summary>
public sealed class WebhookPublisher(AppDbContext db, TimeProvider clock)
{
    public async Task PublishAsync(Guid workspaceId, string type, object data, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var id = Guid.CreateVersion7(now);
        var payload = JsonSerializer.Serialize(new { id = $"msg_{id:N}", type, createdAt = now, data }, ApiJson.Options);
        db.WebhookEvents.Add(new WebhookEvent { Id = id, WorkspaceId = workspaceId, Type = type, Payload = payload, CreatedAt = now });
        var endpoints = await db.WebhookEndpoints.AsNoTracking().Where(e => e.WorkspaceId == workspaceId && e.DisabledAt == null).ToListAsync(ct);
        foreach (var endpoint in endpoints.Where(e => e.Types.Contains(type)))
        {
            db.WebhookDeliveries.Add(new WebhookDelivery
            {
                Id = Guid.CreateVersion7(now),
                WorkspaceId = workspaceId,
                EndpointId = endpoint.Id,
                EventId = id,
                Status = "pending",
                NextAttemptAt = now,
                CreatedAt = now,
            });
        }
    }
}
