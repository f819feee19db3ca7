using Assessment.Domain.Workspaces;

namespace Assessment.Api.Billing;

/// <summary>A workspace's customer at Stripe: one per workspace, created the first time an admin opens billing.</summary>
public sealed class BillingAccount : IWorkspaceOwned
{
    private BillingAccount()
    {
    }

    public Guid WorkspaceId { get; private set; }

    public string StripeCustomerId { get; private set; } = "";

    public DateTimeOffset CreatedAt { get; private set; }

    public static BillingAccount For(Guid workspaceId, string stripeCustomerId, DateTimeOffset now)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(stripeCustomerId);
        return new BillingAccount { WorkspaceId = workspaceId, StripeCustomerId = stripeCustomerId, CreatedAt = now };
    }
}

/// <summary>
/// What we know of one Stripe subscription of a workspace, from Stripe's events. Events may arrive late, twice or out of
/// order: each change carries the time Stripe created its event, and a change older than the newest one applied is ignored.
/// </summary>
public sealed class PlanSubscription : IWorkspaceOwned
{
    private static readonly string[] Ended = ["canceled", "incomplete_expired"];
    private static readonly string[] Unpaid = ["past_due", "unpaid"];

    private PlanSubscription()
    {
    }

    /// <summary>Stripe's subscription id (<c>sub_…</c>).</summary>
    public string Id { get; private set; } = "";

    public Guid WorkspaceId { get; private set; }

    public string PlanKey { get; private set; } = "";

    /// <summary>Stripe's status: <c>trialing</c>, <c>active</c>, <c>past_due</c>, <c>unpaid</c>, <c>canceled</c>, <c>incomplete</c>…</summary>
    public string Status { get; private set; } = "";

    public DateTimeOffset? CurrentPeriodEnd { get; private set; }

    public DateTimeOffset? TrialEnd { get; private set; }

    /// <summary>When a payment first failed; the plan lasts a grace period from then.</summary>
    public DateTimeOffset? PastDueSince { get; private set; }

    /// <summary>When Stripe created the newest event applied here.</summary>
    public DateTimeOffset StateAt { get; private set; }

    public DateTimeOffset UpdatedAt { get; private set; }

    public static PlanSubscription New(string id, Guid workspaceId)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(id);
        return new PlanSubscription { Id = id, WorkspaceId = workspaceId, StateAt = DateTimeOffset.UnixEpoch };
    }

    public bool IsNew => Status.Length == 0;

    /// <summary>Takes the subscription's state from an event created at <paramref name="eventAt"/>, unless a newer one was applied.</summary>
    public bool Apply(string planKey, string status, DateTimeOffset? currentPeriodEnd, DateTimeOffset? trialEnd, DateTimeOffset eventAt, DateTimeOffset now)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(planKey);
        ArgumentException.ThrowIfNullOrWhiteSpace(status);
        // Same second: an end is final, so a same-second change never brings an ended subscription back.
        if (!IsNew && (eventAt < StateAt || (eventAt == StateAt && Ended.Contains(Status) && !Ended.Contains(status))))
        {
            return false;
        }
        PlanKey = planKey;
        Status = status;
        CurrentPeriodEnd = currentPeriodEnd;
        TrialEnd = trialEnd;
        PastDueSince = Unpaid.Contains(status) ? PastDueSince ?? eventAt : null;
        StateAt = eventAt;
        UpdatedAt = now;
        return true;
    }

    /// <summary>A payment failed: the subscription is past due from then on, until an invoice is paid.</summary>
    public bool PaymentFailed(DateTimeOffset eventAt, DateTimeOffset now)
    {
        if (eventAt < StateAt || Ended.Contains(Status))
        {
            return false;
        }
        Status = Unpaid.Contains(Status) ? Status : "past_due";
        PastDueSince ??= eventAt;
        StateAt = eventAt;
        UpdatedAt = now;
        return true;
    }

    /// <summary>An invoice was paid: whatever was owed is settled.</summary>
    public bool Paid(DateTimeOffset eventAt, DateTimeOffset now)
    {
        if (eventAt < StateAt || Ended.Contains(Status))
        {
            return false;
        }
        if (Unpaid.Contains(Status) || Status == "incomplete")
        {
            Status = "active";
        }
        PastDueSince = null;
        StateAt = eventAt;
        UpdatedAt = now;
        return true;
    }

    /// <summary>Whether the subscription gives its plan now: while active or trialing, and for a grace period after a failed payment.</summary>
    public bool Grants(DateTimeOffset now, TimeSpan grace) =>
        Status is "active" or "trialing" || (Unpaid.Contains(Status) && PastDueSince is { } since && now < since + grace);
}

/// <summary>
/// A verified Stripe event, stored before Stripe gets its 2xx and then processed in the background with retries.
/// Unique by Stripe's event id, so a redelivery is recognised and does nothing.
/// </summary>
public sealed class StripeEvent
{
    public const int MaxAttempts = 8;

    private StripeEvent()
    {
    }

    /// <summary>Stripe's event id (<c>evt_…</c>).</summary>
    public string Id { get; private set; } = "";

    public string Type { get; private set; } = "";

    /// <summary>The body exactly as Stripe signed it.</summary>
    public string Payload { get; private set; } = "";

    /// <summary>When Stripe created the event: orders changes to the same subscription.</summary>
    public DateTimeOffset CreatedAt { get; private set; }

    public DateTimeOffset ReceivedAt { get; private set; }

    public int Attempts { get; private set; }

    public DateTimeOffset NextAttemptAt { get; private set; }

    public DateTimeOffset? LockedUntil { get; private set; }

    public DateTimeOffset? ProcessedAt { get; private set; }

    /// <summary>What processing did (applied, ignored and why).</summary>
    public string? Outcome { get; private set; }

    public DateTimeOffset? DeadAt { get; private set; }

    public string? LastError { get; private set; }

    public static StripeEvent Received(string id, string type, string payload, DateTimeOffset createdAt, DateTimeOffset now) => new()
    {
        Id = id,
        Type = type,
        Payload = payload,
        CreatedAt = createdAt,
        ReceivedAt = now,
        NextAttemptAt = now,
    };

    public void Processed(string outcome, DateTimeOffset now)
    {
        Attempts++;
        ProcessedAt = now;
        LockedUntil = null;
        Outcome = outcome.Length > 500 ? outcome[..500] : outcome;
    }

    /// <summary>Records a failed attempt and schedules the next one with the outbox's backoff; dead after <see cref="MaxAttempts"/>.</summary>
    public void Failed(string error, DateTimeOffset now, double jitter)
    {
        Attempts++;
        LockedUntil = null;
        LastError = error.Length > 2000 ? error[..2000] : error;
        if (Attempts >= MaxAttempts)
        {
            DeadAt = now;
            return;
        }
        NextAttemptAt = now + Outbox.RetryBackoff.After(Attempts, jitter);
    }
}

/// <summary>
/// How many assessments a workspace has started in a calendar month (UTC, <c>yyyy-MM</c>): the monthly quota is taken
/// from this row with one conditional update, so concurrent starts cannot pass it. Erasing an owner's data does not
/// give the start back.
/// </summary>
public sealed class AssessmentUsage
{
    public Guid WorkspaceId { get; set; }

    public required string Month { get; set; }

    public int Used { get; set; }
}
