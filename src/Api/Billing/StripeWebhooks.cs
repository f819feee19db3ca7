using Assessment.Api.Identity;
using Assessment.Api.Outbox;
using Assessment.Api.Persistence;
using Assessment.Api.Problems;
using Assessment.Api.Reports;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Stripe;

namespace Assessment.Api.Billing;

/// <summary>
/// <c>POST /webhooks/stripe</c>: verifies Stripe's signature over the raw body, stores the event (once per event id)
/// and answers 200. What the event means is worked out later by <see cref="StripeEventProcessor"/>.
/// </summary>
public static class StripeWebhookEndpoint
{
    /// <summary>How old a signature may be, in seconds (Stripe's own default).</summary>
    public const long Tolerance = 300;

    public static IEndpointRouteBuilder MapStripeWebhook(this IEndpointRouteBuilder app)
    {
        app.MapPost("/webhooks/stripe", ReceiveAsync).AllowAnonymous().ExcludeFromDescription();
        return app;
    }

    private static async Task<Results<Ok, ProblemHttpResult>> ReceiveAsync(
        HttpRequest request, IOptions<StripeOptions> options, AppDbContext db, TimeProvider clock, CancellationToken ct)
    {
        var secret = options.Value.WebhookSecret;
        if (string.IsNullOrWhiteSpace(secret))
        {
            return BillingFailures.NotConfigured.ToProblem();
        }
        string json;
        using (var reader = new StreamReader(request.Body, System.Text.Encoding.UTF8))
        {
            json = await reader.ReadToEndAsync(ct);
        }
        var now = clock.GetUtcNow();
        Event stripeEvent;
        try
        {
            stripeEvent = EventUtility.ConstructEvent(json, request.Headers["Stripe-Signature"].ToString(), secret,
                Tolerance, now.ToUnixTimeSeconds(), throwOnApiVersionMismatch: false);
        }
        catch (StripeException ex)
        {
            return Invalid($"The Stripe-Signature header does not verify: {ex.Message}");
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // Signed, but not JSON Stripe.net can read as an event.
            return Invalid("The body is signed but is not a Stripe event.");
        }
        if (string.IsNullOrEmpty(stripeEvent.Id) || string.IsNullOrEmpty(stripeEvent.Type))
        {
            return Invalid("The body is signed but is not a Stripe event.");
        }

        if (await db.StripeEvents.AnyAsync(e => e.Id == stripeEvent.Id, ct))
        {
            return TypedResults.Ok();
        }
        var created = new DateTimeOffset(DateTime.SpecifyKind(stripeEvent.Created, DateTimeKind.Utc));
        db.StripeEvents.Add(StripeEvent.Received(stripeEvent.Id, stripeEvent.Type, json, created, now));
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // The same event delivered twice at once: the other delivery stored it. Anything else is a real failure.
            db.ChangeTracker.Clear();
            if (!await db.StripeEvents.AsNoTracking().AnyAsync(e => e.Id == stripeEvent.Id, ct))
            {
                throw;
            }
        }
        return TypedResults.Ok();
    }

    private static ProblemHttpResult Invalid(string detail) =>
        new Failure(StatusCodes.Status400BadRequest, ProblemTypes.InvalidWebhook, "The webhook was not accepted", detail).ToProblem();
}

/// <summary>
/// Processes the stored Stripe events that are due, each in a scope of its own: what it changes and its "processed" mark
/// commit together, and a failure is retried later with backoff.
/// </summary>
public sealed partial class StripeEventProcessor(
    AppDbContext db, IServiceScopeFactory scopes, TimeProvider clock, ILogger<StripeEventProcessor> log) : IDueWork
{
    private static readonly TimeSpan Lease = TimeSpan.FromMinutes(2);

    public async Task<int> ProcessDueAsync(CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var due = await db.StripeEvents.AsNoTracking()
            .Where(e => e.ProcessedAt == null && e.DeadAt == null && e.NextAttemptAt <= now && (e.LockedUntil == null || e.LockedUntil < now))
            .OrderBy(e => e.CreatedAt)
            .Select(e => e.Id)
            .Take(50)
            .ToListAsync(ct);
        var processed = 0;
        foreach (var id in due)
        {
            var leaseEnd = now + Lease;
            var claimed = await db.StripeEvents
                .Where(e => e.Id == id && e.ProcessedAt == null && (e.LockedUntil == null || e.LockedUntil < now))
                .ExecuteUpdateAsync(s => s.SetProperty(e => e.LockedUntil, leaseEnd), ct);
            if (claimed == 0)
            {
                continue;
            }
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                var eventDb = scope.ServiceProvider.GetRequiredService<AppDbContext>();
                var stored = await eventDb.StripeEvents.SingleAsync(e => e.Id == id, ct);
                var outcome = await scope.ServiceProvider.GetRequiredService<StripeEventHandler>().HandleAsync(stored, ct);
                stored.Processed(outcome, clock.GetUtcNow());
                await eventDb.SaveChangesAsync(ct);
                processed++;
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                var failed = await db.StripeEvents.SingleAsync(e => e.Id == id, ct);
                failed.Failed(ex.Message, clock.GetUtcNow(), Random.Shared.NextDouble());
                await db.SaveChangesAsync(ct);
                LogFailed(log, ex, id, failed.Attempts);
            }
        }
        return processed;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Stripe event {Id} failed (attempt {Attempts})")]
    private static partial void LogFailed(ILogger logger, Exception exception, string id, int attempts);
}

/// <summary>What one Stripe event changes. Runs in the scope of the workspace the event's customer belongs to.</summary>
public sealed class StripeEventHandler(
    AppDbContext db, WorkspaceScope scope, StripeGateway stripe, PlanCatalog catalog, PublicUrls urls, TimeProvider clock, Webhooks.WebhookPublisher webhooks)
{
    public async Task<string> HandleAsync(StripeEvent stored, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(stored);
        var stripeEvent = EventUtility.ParseEvent(stored.Payload, throwOnApiVersionMismatch: false);
        var at = stored.CreatedAt;
        return stripeEvent.Type switch
        {
            EventTypes.CheckoutSessionCompleted => await CheckoutCompletedAsync((Stripe.Checkout.Session)stripeEvent.Data.Object, at, ct),
            EventTypes.CustomerSubscriptionCreated or EventTypes.CustomerSubscriptionUpdated or EventTypes.CustomerSubscriptionDeleted =>
                await SubscriptionChangedAsync((Subscription)stripeEvent.Data.Object, at, ct),
            EventTypes.InvoicePaid => await InvoiceAsync((Invoice)stripeEvent.Data.Object, paid: true, at, ct),
            EventTypes.InvoicePaymentFailed => await InvoiceAsync((Invoice)stripeEvent.Data.Object, paid: false, at, ct),
            EventTypes.CustomerSubscriptionTrialWillEnd => await TrialWillEndAsync((Subscription)stripeEvent.Data.Object, stored.Id, ct),
            _ => $"ignored: {stripeEvent.Type} is not an event billing uses",
        };
    }

    /// <summary>Checkout finished: fetch the new subscription from Stripe and apply it at once, whatever order its own events come in.</summary>
    private async Task<string> CheckoutCompletedAsync(Stripe.Checkout.Session session, DateTimeOffset at, CancellationToken ct)
    {
        if (session.Mode != "subscription" || string.IsNullOrEmpty(session.SubscriptionId))
        {
            return "ignored: not a subscription checkout";
        }
        var subscription = await new SubscriptionService(stripe.Client).GetAsync(session.SubscriptionId, cancellationToken: ct);
        return await SubscriptionChangedAsync(subscription, at, ct);
    }

    private async Task<string> SubscriptionChangedAsync(Subscription subscription, DateTimeOffset at, CancellationToken ct)
    {
        await EnterWorkspaceAsync(subscription.CustomerId, ct);
        var item = subscription.Items?.Data?.FirstOrDefault();
        var priceId = item?.Price?.Id;
        var plan = catalog.ByPrice(priceId)
            ?? catalog.Find(subscription.Metadata?.GetValueOrDefault("plan"))
            ?? throw new InvalidOperationException($"Subscription {subscription.Id} is for price '{priceId}', which no plan in Billing:Plans has.");
        var row = await db.PlanSubscriptions.SingleOrDefaultAsync(s => s.Id == subscription.Id, ct);
        if (row is null)
        {
            row = PlanSubscription.New(subscription.Id, scope.Id);
            db.PlanSubscriptions.Add(row);
        }
        var applied = row.Apply(plan.Key, subscription.Status, Utc(item?.CurrentPeriodEnd), Utc(subscription.TrialEnd), at, clock.GetUtcNow());
        if (applied)
        {
            await webhooks.PublishAsync(scope.Id, Webhooks.WebhookEventTypes.SubscriptionUpdated,
                new { plan = plan.Key, status = subscription.Status, currentPeriodEnd = Utc(item?.CurrentPeriodEnd) }, ct);
        }
        return applied ? $"applied: {subscription.Id} {subscription.Status} on {plan.Key}" : $"ignored: {subscription.Id} has newer state";
    }

    private async Task<string> InvoiceAsync(Invoice invoice, bool paid, DateTimeOffset at, CancellationToken ct)
    {
        var subscriptionId = invoice.Parent?.SubscriptionDetails?.SubscriptionId;
        if (string.IsNullOrEmpty(subscriptionId))
        {
            return "ignored: not a subscription invoice";
        }
        await EnterWorkspaceAsync(invoice.CustomerId, ct);
        // The subscription's own event may come later: fail, and the retry will find it.
        var row = await db.PlanSubscriptions.SingleOrDefaultAsync(s => s.Id == subscriptionId, ct)
            ?? throw new InvalidOperationException($"Subscription {subscriptionId} is not known yet.");
        var applied = paid ? row.Paid(at, clock.GetUtcNow()) : row.PaymentFailed(at, clock.GetUtcNow());
        return applied ? $"applied: {subscriptionId} {(paid ? "paid" : "payment failed")}" : $"ignored: {subscriptionId} has newer state";
    }

    private async Task<string> TrialWillEndAsync(Subscription subscription, string eventId, CancellationToken ct)
    {
        await EnterWorkspaceAsync(subscription.CustomerId, ct);
        var workspaceId = scope.Id;
        var admins = await (
            from member in db.Users
            where member.WorkspaceId == workspaceId
            join link in db.UserRoles on member.Id equals link.UserId
            join role in db.Roles on link.RoleId equals role.Id
            where role.Name == Roles.Admin && member.Email != null
            select member.Email!).ToListAsync(ct);
        var ends = Utc(subscription.TrialEnd);
        var when = ends is { } end ? end.ToString("d MMMM yyyy", System.Globalization.CultureInfo.InvariantCulture) : "soon";
        var now = clock.GetUtcNow();
        foreach (var admin in admins)
        {
            var text = $"""
                Hello,

                The free trial of your Assessment subscription ends on {when}. After that the card on file is charged;
                without one, the workspace goes back to the free plan.

                Review the plan and the card: {urls.Base}/app/billing
                """;
            db.Outbox.Add(OutboxMessage.Email(workspaceId, new EmailMessage(admin, $"Your trial ends on {when}", text, null), now,
                topic: $"stripe:{eventId}:trial-will-end"));
        }
        return $"applied: trial end announced to {admins.Count} admin(s)";
    }

    private async Task EnterWorkspaceAsync(string? customerId, CancellationToken ct)
    {
        var account = customerId is null
            ? null
            : await db.BillingAccounts.IgnoreQueryFilters().AsNoTracking().SingleOrDefaultAsync(a => a.StripeCustomerId == customerId, ct);
        if (account is null)
        {
            throw new InvalidOperationException($"No workspace has the Stripe customer '{customerId}' (yet).");
        }
        scope.Use(account.WorkspaceId);
    }

    private static DateTimeOffset? Utc(DateTime? value) =>
        value is { } v && v > DateTime.UnixEpoch ? new DateTimeOffset(DateTime.SpecifyKind(v, DateTimeKind.Utc)) : null;
}
