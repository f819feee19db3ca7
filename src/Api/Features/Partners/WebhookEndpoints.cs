using Assessment.Api.Identity;
using Assessment.Api.Paging;
using Assessment.Api.Persistence;
using Assessment.Api.Problems;
using Assessment.Api.Webhooks;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using System.Text.Json;

namespace Assessment.Api.Features.Partners;

public sealed record CreateWebhookEndpointRequest(string? Url, IReadOnlyList<string>? EventTypes);

/// <summary>A webhook endpoint; <c>secret</c> only when created or rotated.</summary>
public sealed record WebhookEndpointDocument(Guid Id, string Url, IReadOnlyList<string> EventTypes, DateTimeOffset CreatedAt,
    DateTimeOffset? DisabledAt, string? DisabledReason, string? Secret);

public sealed record WebhookAttemptDocument(DateTimeOffset At, int? StatusCode, int LatencyMs, string? Error);

public sealed record WebhookDeliveryDocument(Guid Id, string EventId, string EventType, string Status, int Attempts,
    DateTimeOffset NextAttemptAt, DateTimeOffset? DeliveredAt, IReadOnlyList<WebhookAttemptDocument> Log);

/// <summary>An event as a partner polls it: the same body a webhook delivers.</summary>
public sealed record EventDocument(string Id, string Type, DateTimeOffset CreatedAt, JsonElement Data);

public static class WebhookEndpointRoutes
{
    public static IEndpointRouteBuilder MapWebhookEndpoints(this IEndpointRouteBuilder app)
    {
        var hooks = app.MapGroup("/api/v1/webhook-endpoints").WithTags("Webhooks").RequireAuthorization(Scopes.WebhooksManage);

        hooks.MapPost("/", async Task<Results<Created<WebhookEndpointDocument>, ProblemHttpResult>> (
                CreateWebhookEndpointRequest request, AppDbContext db, WorkspaceScope scope, IDataProtectionProvider protection, TimeProvider clock, CancellationToken ct) =>
            {
                var errors = new Dictionary<string, string[]>();
                if (!Uri.TryCreate(request.Url, UriKind.Absolute, out var url) || (url.Scheme != Uri.UriSchemeHttps && url.Scheme != Uri.UriSchemeHttp))
                {
                    errors["url"] = ["An absolute https URL is required."];
                }
                var types = request.EventTypes?.Distinct(StringComparer.Ordinal).ToList() ?? [];
                if (types.Count == 0 || types.Except(WebhookEventTypes.All).Any())
                {
                    errors["eventTypes"] = [$"Choose one or more of: {string.Join(", ", WebhookEventTypes.All)}."];
                }
                if (errors.Count > 0)
                {
                    return Failure.Invalid("The webhook endpoint cannot be created.", errors).ToProblem();
                }
                var secret = WebhookSigning.NewSecret();
                var endpoint = new WebhookEndpoint
                {
                    Id = Guid.CreateVersion7(clock.GetUtcNow()),
                    WorkspaceId = scope.Id,
                    Url = url!.ToString(),
                    EventTypes = string.Join(' ', types),
                    ProtectedSecret = WebhookDeliverer.Protector(protection).Protect(secret),
                    CreatedAt = clock.GetUtcNow(),
                };
                db.WebhookEndpoints.Add(endpoint);
                await db.SaveChangesAsync(ct);
                return TypedResults.Created($"/api/v1/webhook-endpoints/{endpoint.Id}", Document(endpoint, secret));
            })
            .WithName("CreateWebhookEndpoint")
            .WithSummary("Subscribe a URL to events; the response holds its signing secret (whsec_…), shown only now.")
            .ProducesValidationProblem();

        hooks.MapGet("/", async Task<Results<Ok<Page<WebhookEndpointDocument>>, ProblemHttpResult>> (
                int? limit, string? cursor, AppDbContext db, CancellationToken ct) =>
            {
                if (Cursor.Read(limit, cursor, out var take, out var after) is { } invalid)
                {
                    return invalid.ToProblem();
                }
                var endpoints = db.WebhookEndpoints.AsNoTracking();
                if (after is { } a)
                {
                    endpoints = endpoints.Where(e => e.CreatedAt > a.Key || (e.CreatedAt == a.Key && e.Id.CompareTo(a.Id) > 0));
                }
                var fetched = await endpoints.OrderBy(e => e.CreatedAt).ThenBy(e => e.Id).Take(take + 1).ToListAsync(ct);
                return TypedResults.Ok(Cursor.Page(fetched, take, e => Document(e, null), e => Cursor.Encode(e.CreatedAt, e.Id)));
            })
            .WithName("ListWebhookEndpoints")
            .WithSummary("List the workspace's webhook endpoints, oldest first; paged with limit and cursor.")
            .ProducesValidationProblem();

        hooks.MapDelete("/{id:guid}", async Task<Results<NoContent, ProblemHttpResult>> (Guid id, AppDbContext db, CancellationToken ct) =>
            {
                var endpoint = await db.WebhookEndpoints.SingleOrDefaultAsync(e => e.Id == id, ct);
                if (endpoint is null)
                {
                    return Failure.NotFound($"Webhook endpoint {id}").ToProblem();
                }
                await db.WebhookDeliveries.Where(d => d.EndpointId == id && d.Status == "pending")
                    .ExecuteUpdateAsync(s => s.SetProperty(d => d.Status, "abandoned"), ct);
                db.WebhookEndpoints.Remove(endpoint);
                await db.SaveChangesAsync(ct);
                return TypedResults.NoContent();
            })
            .WithName("DeleteWebhookEndpoint")
            .WithSummary("Stop sending events to an endpoint.")
            .ProducesProblem(StatusCodes.Status404NotFound);

        hooks.MapPost("/{id:guid}/rotate-secret", async Task<Results<Ok<WebhookEndpointDocument>, ProblemHttpResult>> (
                Guid id, AppDbContext db, IDataProtectionProvider protection, TimeProvider clock, CancellationToken ct) =>
            {
                var endpoint = await db.WebhookEndpoints.SingleOrDefaultAsync(e => e.Id == id, ct);
                if (endpoint is null)
                {
                    return Failure.NotFound($"Webhook endpoint {id}").ToProblem();
                }
                var secret = WebhookSigning.NewSecret();
                endpoint.ProtectedPreviousSecret = endpoint.ProtectedSecret;
                endpoint.PreviousSecretExpiresAt = clock.GetUtcNow().AddHours(24);
                endpoint.ProtectedSecret = WebhookDeliverer.Protector(protection).Protect(secret);
                await db.SaveChangesAsync(ct);
                return TypedResults.Ok(Document(endpoint, secret));
            })
            .WithName("RotateWebhookSecret")
            .WithSummary("A new signing secret (shown once); for 24 hours messages carry signatures by both the new and the old one.")
            .ProducesProblem(StatusCodes.Status404NotFound);

        hooks.MapGet("/{id:guid}/deliveries", async Task<Results<Ok<Page<WebhookDeliveryDocument>>, ProblemHttpResult>> (
                Guid id, int? limit, string? cursor, AppDbContext db, CancellationToken ct) =>
            {
                if (Cursor.Read(limit, cursor, out var take, out var after) is { } invalid)
                {
                    return invalid.ToProblem();
                }
                if (!await db.WebhookEndpoints.AnyAsync(e => e.Id == id, ct))
                {
                    return Failure.NotFound($"Webhook endpoint {id}").ToProblem();
                }
                var query = db.WebhookDeliveries.AsNoTracking().Where(d => d.EndpointId == id);
                if (after is { } last)
                {
                    query = query.Where(d => d.CreatedAt < last.Key || (d.CreatedAt == last.Key && d.Id.CompareTo(last.Id) < 0));
                }
                var deliveries = await query.OrderByDescending(d => d.CreatedAt).ThenByDescending(d => d.Id).Take(take + 1).ToListAsync(ct);
                var ids = deliveries.Select(d => d.Id).ToList();
                var attempts = await db.WebhookAttempts.AsNoTracking().Where(a => ids.Contains(a.DeliveryId)).ToListAsync(ct);
                var eventIds = deliveries.Select(d => d.EventId).ToList();
                var types = await db.WebhookEvents.AsNoTracking().Where(e => eventIds.Contains(e.Id)).ToDictionaryAsync(e => e.Id, e => e.Type, ct);
                return TypedResults.Ok(Cursor.Page(deliveries, take, d => new WebhookDeliveryDocument(d.Id, $"msg_{d.EventId:N}",
                    types.GetValueOrDefault(d.EventId, ""), d.Status, d.Attempts, d.NextAttemptAt, d.DeliveredAt,
                    [.. attempts.Where(a => a.DeliveryId == d.Id).OrderBy(a => a.At).Select(a => new WebhookAttemptDocument(a.At, a.StatusCode, a.LatencyMs, a.Error))]),
                    d => Cursor.Encode(d.CreatedAt, d.Id)));
            })
            .WithName("ListWebhookDeliveries")
            .WithSummary("The delivery log of an endpoint, newest first: each message, its status and every attempt (status code, latency); paged with limit and cursor.")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound);

        app.MapPost("/api/v1/webhook-deliveries/{id:guid}/redeliver", async Task<Results<Ok<WebhookDeliveryDocument>, ProblemHttpResult>> (
                Guid id, AppDbContext db, WebhookDeliverer deliverer, CancellationToken ct) =>
            {
                var delivery = await db.WebhookDeliveries.AsNoTracking().SingleOrDefaultAsync(d => d.Id == id, ct);
                if (delivery is null)
                {
                    return Failure.NotFound($"Webhook delivery {id}").ToProblem();
                }
                await db.WebhookDeliveries.Where(d => d.Id == id).ExecuteUpdateAsync(s => s.SetProperty(d => d.Status, "pending"), ct);
                await deliverer.DeliverAsync(id, ct);
                var after = await db.WebhookDeliveries.AsNoTracking().SingleAsync(d => d.Id == id, ct);
                var type = await db.WebhookEvents.Where(e => e.Id == after.EventId).Select(e => e.Type).SingleAsync(ct);
                var log = await db.WebhookAttempts.AsNoTracking().Where(a => a.DeliveryId == id).OrderBy(a => a.At).ToListAsync(ct);
                return TypedResults.Ok(new WebhookDeliveryDocument(after.Id, $"msg_{after.EventId:N}", type, after.Status, after.Attempts, after.NextAttemptAt,
                    after.DeliveredAt, [.. log.Select(a => new WebhookAttemptDocument(a.At, a.StatusCode, a.LatencyMs, a.Error))]));
            })
            .WithTags("Webhooks")
            .RequireAuthorization(Scopes.WebhooksManage)
            .WithName("RedeliverWebhook")
            .WithSummary("Send a delivery again now, whatever its status; the attempt is added to its log.")
            .ProducesProblem(StatusCodes.Status404NotFound);

        app.MapGet("/api/v1/events", async Task<Results<Ok<Page<EventDocument>>, ProblemHttpResult>> (
                string? type, int? limit, string? cursor, AppDbContext db, CancellationToken ct) =>
            {
                if (Cursor.Read(limit, cursor, out var take, out var after) is { } invalid)
                {
                    return invalid.ToProblem();
                }
                var query = db.WebhookEvents.AsNoTracking();
                if (type is not null)
                {
                    query = query.Where(e => e.Type == type);
                }
                if (after is { } a)
                {
                    query = query.Where(e => e.CreatedAt > a.Key || (e.CreatedAt == a.Key && e.Id.CompareTo(a.Id) > 0));
                }
                var events = await query.OrderBy(e => e.CreatedAt).ThenBy(e => e.Id).Take(take + 1).ToListAsync(ct);
                return TypedResults.Ok(Cursor.Page(events, take, e =>
                {
                    using var body = JsonDocument.Parse(e.Payload);
                    return new EventDocument(e.MessageId, e.Type, e.CreatedAt, body.RootElement.GetProperty("data").Clone());
                }, e => Cursor.Encode(e.CreatedAt, e.Id)));
            })
            .WithTags("Webhooks")
            .RequireAuthorization(Scopes.WebhooksManage)
            .WithName("ListEvents")
            .WithSummary("Poll the workspace's events, oldest first, in pages: the same messages the webhooks deliver.")
            .ProducesValidationProblem();
        return app;
    }

    private static WebhookEndpointDocument Document(WebhookEndpoint e, string? secret) =>
        new(e.Id, e.Url, e.Types, e.CreatedAt, e.DisabledAt, e.DisabledReason, secret);
}
