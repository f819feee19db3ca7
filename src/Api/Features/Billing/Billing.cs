using Assessment.Api.Billing;
using Assessment.Api.Identity;
using Assessment.Api.Persistence;
using Assessment.Api.Problems;
using Assessment.Api.Reports;
using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Stripe;
using Plan = Assessment.Api.Billing.Plan;

namespace Assessment.Api.Features.Billing;

public sealed record CheckoutSessionRequest(string? Plan);

/// <summary>Where to send the admin's browser: Stripe Checkout or the customer portal.</summary>
public sealed record BillingRedirect(string Url);

public sealed record EntitlementsDocument(int? ConsultantSeats, int? AssessmentsPerMonth, bool PartnerApi, bool CustomBranding)
{
    public static EntitlementsDocument From(Entitlements e) => new(e.ConsultantSeats, e.AssessmentsPerMonth, e.PartnerApi, e.CustomBranding);
}

public sealed record UsageDocument(int AssessmentsThisMonth, int SeatsUsed, DateTimeOffset MonthStart);

public sealed record PlanDocument(string Key, string Name, bool ForSale);

/// <summary>
/// The workspace's plan now (the default plan without an active subscription), the subscription's Stripe status and
/// period end, what the plan allows (<c>null</c> = no limit) and what is used this month.
/// </summary>
public sealed record SubscriptionDocument(
    PlanDocument Plan,
    string Status,
    DateTimeOffset? CurrentPeriodEnd,
    DateTimeOffset? TrialEnd,
    DateTimeOffset? PastDueSince,
    EntitlementsDocument Entitlements,
    UsageDocument Usage,
    bool BillingConfigured,
    IReadOnlyList<PlanDocument> Plans);

/// <summary>Start a Stripe Checkout session (subscription mode) for one of the plans for sale.</summary>
public sealed record StartCheckout(string? Plan) : ICommand<Outcome<BillingRedirect>>;

/// <summary>Open Stripe's customer portal, where the admin changes the card, the plan or cancels.</summary>
public sealed record OpenBillingPortal : ICommand<Outcome<BillingRedirect>>;

public sealed record GetSubscription : IQuery<SubscriptionDocument>;

public sealed class BillingHandlers(
    AppDbContext db,
    WorkspaceScope workspace,
    StripeGateway stripe,
    PlanCatalog catalog,
    WorkspacePlans plans,
    PublicUrls urls,
    TimeProvider clock)
    : ICommandHandler<StartCheckout, Outcome<BillingRedirect>>,
      ICommandHandler<OpenBillingPortal, Outcome<BillingRedirect>>,
      IQueryHandler<GetSubscription, SubscriptionDocument>
{
    public async ValueTask<Outcome<BillingRedirect>> Handle(StartCheckout command, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(command);
        if (!stripe.IsConfigured)
        {
            return BillingFailures.NotConfigured;
        }
        var plan = catalog.Find(command.Plan?.Trim());
        if (plan?.PriceId is null)
        {
            var forSale = string.Join(", ", catalog.All.Where(p => p.PriceId is not null).Select(p => p.Key));
            return Failure.Invalid("plan", string.IsNullOrWhiteSpace(command.Plan)
                ? $"A plan is required: one of {forSale}."
                : $"'{command.Plan}' is not a plan for sale: choose one of {forSale}.");
        }
        try
        {
            var customer = await CustomerAsync(cancellationToken);
            var session = await new Stripe.Checkout.SessionService(stripe.Client).CreateAsync(new Stripe.Checkout.SessionCreateOptions
            {
                Mode = "subscription",
                Customer = customer,
                ClientReferenceId = workspace.Id.ToString(),
                LineItems = [new Stripe.Checkout.SessionLineItemOptions { Price = plan.PriceId, Quantity = 1 }],
                SubscriptionData = new Stripe.Checkout.SessionSubscriptionDataOptions
                {
                    Metadata = new Dictionary<string, string> { ["workspace_id"] = workspace.Id.ToString(), ["plan"] = plan.Key },
                },
                SuccessUrl = $"{urls.Base}/app/billing?checkout=done",
                CancelUrl = $"{urls.Base}/app/billing",
            }, cancellationToken: cancellationToken);
            return new BillingRedirect(session.Url);
        }
        catch (StripeException ex)
        {
            return BillingFailures.ProviderError(ex.Message);
        }
    }

    public async ValueTask<Outcome<BillingRedirect>> Handle(OpenBillingPortal command, CancellationToken cancellationToken)
    {
        if (!stripe.IsConfigured)
        {
            return BillingFailures.NotConfigured;
        }
        try
        {
            var customer = await CustomerAsync(cancellationToken);
            var session = await new Stripe.BillingPortal.SessionService(stripe.Client).CreateAsync(new Stripe.BillingPortal.SessionCreateOptions
            {
                Customer = customer,
                ReturnUrl = $"{urls.Base}/app/billing",
            }, cancellationToken: cancellationToken);
            return new BillingRedirect(session.Url);
        }
        catch (StripeException ex)
        {
            return BillingFailures.ProviderError(ex.Message);
        }
    }

    public async ValueTask<SubscriptionDocument> Handle(GetSubscription query, CancellationToken cancellationToken)
    {
        var current = await plans.CurrentAsync(cancellationToken);
        var usage = new UsageDocument(await plans.AssessmentsThisMonthAsync(cancellationToken), await plans.SeatsUsedAsync(cancellationToken), plans.MonthStart);
        var subscription = current.Subscription;
        return new SubscriptionDocument(
            Document(current.Plan),
            subscription?.Status ?? "none",
            subscription?.CurrentPeriodEnd,
            subscription?.TrialEnd,
            subscription?.PastDueSince,
            EntitlementsDocument.From(current.Plan.Entitlements),
            usage,
            stripe.IsConfigured,
            [.. catalog.All.Select(Document)]);
    }

    private static PlanDocument Document(Plan plan) => new(plan.Key, plan.Name, plan.PriceId is not null);

    /// <summary>
    /// The workspace's Stripe customer, created on first use. The idempotency key is derived from the workspace, so two
    /// admins clicking at once (or a retry) get one customer at Stripe, and the unique row keeps one here.
    /// </summary>
    private async Task<string> CustomerAsync(CancellationToken ct)
    {
        var account = await db.BillingAccounts.AsNoTracking().SingleOrDefaultAsync(ct);
        if (account is not null)
        {
            return account.StripeCustomerId;
        }
        var owner = await db.Workspaces.AsNoTracking().SingleAsync(w => w.Id == workspace.Id, ct);
        var customer = await new CustomerService(stripe.Client).CreateAsync(
            new CustomerCreateOptions
            {
                Name = owner.Name,
                Metadata = new Dictionary<string, string> { ["workspace_id"] = owner.Id.ToString(), ["workspace_slug"] = owner.Slug },
            },
            new RequestOptions { IdempotencyKey = CustomerIdempotencyKey(owner.Id) },
            ct);
        db.BillingAccounts.Add(BillingAccount.For(owner.Id, customer.Id, clock.GetUtcNow()));
        try
        {
            await db.SaveChangesAsync(ct);
            return customer.Id;
        }
        catch (DbUpdateException)
        {
            db.ChangeTracker.Clear();
            return (await db.BillingAccounts.AsNoTracking().SingleAsync(ct)).StripeCustomerId;
        }
    }

    public static string CustomerIdempotencyKey(Guid workspaceId) => $"workspace-customer-{workspaceId:N}";
}

public static class BillingEndpoints
{
    public static IEndpointRouteBuilder MapBilling(this IEndpointRouteBuilder app)
    {
        var billing = app.MapGroup("/api/v1/billing").WithTags("Billing").RequireAuthorization(AccessPolicies.Admin);

        billing.MapPost("/checkout-session", async Task<Results<Ok<BillingRedirect>, ProblemHttpResult>> (CheckoutSessionRequest request, IMediator mediator, CancellationToken ct) =>
                (await mediator.Send(new StartCheckout(request.Plan), ct)).ToOk())
            .WithName(nameof(StartCheckout))
            .WithSummary("Start a Stripe Checkout session for a plan; send the admin's browser to the returned url. Admins only.")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status502BadGateway)
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable);

        billing.MapPost("/portal-session", async Task<Results<Ok<BillingRedirect>, ProblemHttpResult>> (IMediator mediator, CancellationToken ct) =>
                (await mediator.Send(new OpenBillingPortal(), ct)).ToOk())
            .WithName(nameof(OpenBillingPortal))
            .WithSummary("Open Stripe's customer portal (card, plan, cancellation); send the admin's browser to the returned url. Admins only.")
            .ProducesProblem(StatusCodes.Status502BadGateway)
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable);

        // Without Stripe the API says so (503), like the other billing endpoints; the billing page still shows the default plan.
        billing.MapGet("/subscription", async Task<Results<Ok<SubscriptionDocument>, ProblemHttpResult>> (IMediator mediator, StripeGateway stripe, CancellationToken ct) =>
                stripe.IsConfigured ? TypedResults.Ok(await mediator.Send(new GetSubscription(), ct)) : BillingFailures.NotConfigured.ToProblem())
            .WithName(nameof(GetSubscription))
            .WithSummary("The workspace's plan, subscription status, period end, entitlements and usage this month. Admins only.")
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable);
        return app;
    }
}
