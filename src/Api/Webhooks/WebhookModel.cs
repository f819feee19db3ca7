using Assessment.Domain.Workspaces;

namespace Assessment.Api.Webhooks;

/// <summary>The events partners can subscribe to and poll.</summary>
public static class WebhookEventTypes
{
    public const string AssessmentStarted = "assessment.started";
    public const string AssessmentSubmitted = "assessment.submitted";
    public const string BookingCreated = "booking.created";
    public const string BookingRescheduled = "booking.rescheduled";
    public const string BookingCanceled = "booking.canceled";
    public const string SubscriptionUpdated = "subscription.updated";

    public static IReadOnlyList<string> All { get; } =
        [AssessmentStarted, AssessmentSubmitted, BookingCreated, BookingRescheduled, BookingCanceled, SubscriptionUpdated];
}

/// <summary>Something that happened in a workspace, kept for polling (<c>GET /api/v1/events</c>) and for delivery.</summary>
public sealed class WebhookEvent : IWorkspaceOwned
{
    public Guid Id { get; set; }

    public Guid WorkspaceId { get; set; }

    public required string Type { get; set; }

    /// <summary>The event as delivered: <c>{id, type, createdAt, data}</c>.</summary>
    public required string Payload { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    /// <summary>The Standard Webhooks message id (<c>msg_…</c>).</summary>
    public string MessageId => $"msg_{Id:N}";
}

/// <summary>A partner's URL that receives signed events of the chosen types.</summary>
public sealed class WebhookEndpoint : IWorkspaceOwned
{
    public Guid Id { get; set; }

    public Guid WorkspaceId { get; set; }

    public required string Url { get; set; }

    /// <summary>Space-separated event types.</summary>
    public required string EventTypes { get; set; }

    /// <summary>The signing secret (<c>whsec_…</c>), protected at rest with Data Protection.</summary>
    public required string ProtectedSecret { get; set; }

    /// <summary>After a rotation the old secret also signs, until this time, so receivers can switch over.</summary>
    public string? ProtectedPreviousSecret { get; set; }

    public DateTimeOffset? PreviousSecretExpiresAt { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset? DisabledAt { get; set; }

    public string? DisabledReason { get; set; }

    public IReadOnlyList<string> Types => EventTypes.Split(' ', StringSplitOptions.RemoveEmptyEntries);
}

/// <summary>One event on its way to one endpoint, with every attempt's outcome.</summary>
public sealed class WebhookDelivery : IWorkspaceOwned
{
    public Guid Id { get; set; }

    public Guid WorkspaceId { get; set; }

    public Guid EndpointId { get; set; }

    public Guid EventId { get; set; }

    /// <summary>pending, succeeded, failed (every attempt used) or abandoned (the endpoint was disabled).</summary>
    public required string Status { get; set; }

    public int Attempts { get; set; }

    public DateTimeOffset NextAttemptAt { get; set; }

    public DateTimeOffset? LockedUntil { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset? DeliveredAt { get; set; }

    public List<WebhookAttempt> Log { get; set; } = [];
}

/// <summary>What one delivery attempt got back.</summary>
public sealed class WebhookAttempt
{
    public Guid Id { get; set; }

    public Guid DeliveryId { get; set; }

    public DateTimeOffset At { get; set; }

    public int? StatusCode { get; set; }

    public int LatencyMs { get; set; }

    public string? Error { get; set; }
}

/// <summary>A creating POST's stored response, replayed when the same Idempotency-Key comes again.</summary>
public sealed class IdempotencyRecord
{
    public Guid Id { get; set; }

    /// <summary>Whose key it is: a partner's client id, or a member's id.</summary>
    public required string Caller { get; set; }

    public required string Key { get; set; }

    public required string RequestHash { get; set; }

    public int? StatusCode { get; set; }

    public string? ContentType { get; set; }

    public string? Location { get; set; }

    public byte[]? Body { get; set; }

    public DateTimeOffset CreatedAt { get; set; }
}
