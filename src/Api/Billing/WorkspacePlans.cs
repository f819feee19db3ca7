using Assessment.Api.Persistence;
using Assessment.Api.Problems;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Stripe;

namespace Assessment.Api.Billing;

/// <summary>The <c>Stripe</c> configuration section. Without a secret key billing is off and the default plan applies.</summary>
public sealed class StripeOptions
{
    public const string Section = "Stripe";

    public string? SecretKey { get; set; }

    /// <summary>The signing secret of the webhook endpoint (<c>whsec_…</c>).</summary>
    public string? WebhookSecret { get; set; }

    /// <summary>Another address for Stripe's API (a local fake in tests); Stripe's own when not set.</summary>
    public string? ApiBase { get; set; }
}

/// <summary>The Stripe client, when a secret key is configured.</summary>
public sealed class StripeGateway
{
    private readonly StripeClient? _client;

    public StripeGateway(IOptions<StripeOptions> options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var settings = options.Value;
        if (!string.IsNullOrWhiteSpace(settings.SecretKey))
        {
            _client = new StripeClient(settings.SecretKey, apiBase: string.IsNullOrWhiteSpace(settings.ApiBase) ? null : settings.ApiBase.TrimEnd('/'));
        }
    }

    public bool IsConfigured => _client is not null;

    public IStripeClient Client => _client ?? throw new InvalidOperationException("Stripe:SecretKey is not set.");
}

/// <summary>The plan a workspace is on now, and the subscription that gives it (none for the default plan).</summary>
public sealed record CurrentPlan(Plan Plan, PlanSubscription? Subscription);

/// <summary>The plan and usage of the current workspace.</summary>
public sealed class WorkspacePlans(AppDbContext db, PlanCatalog catalog, TimeProvider clock)
{
    private (Guid Workspace, CurrentPlan Plan)? _current;

    /// <summary>The plan now; read once per request and workspace (the API-access check and the handler both ask).</summary>
    public async Task<CurrentPlan> CurrentAsync(CancellationToken ct)
    {
        var workspace = db.CurrentWorkspaceId;
        if (_current is { } known && known.Workspace == workspace)
        {
            return known.Plan;
        }
        var plan = await ReadAsync(ct);
        _current = (workspace, plan);
        return plan;
    }

    private async Task<CurrentPlan> ReadAsync(CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var subscriptions = await db.PlanSubscriptions.AsNoTracking().ToListAsync(ct);
        var granting = subscriptions
            .Where(s => s.Grants(now, catalog.GracePeriod) && catalog.Find(s.PlanKey) is not null)
            .OrderByDescending(s => s.StateAt)
            .FirstOrDefault();
        if (granting is not null)
        {
            return new CurrentPlan(catalog.Find(granting.PlanKey)!, granting);
        }
        // Nothing grants a plan: show the newest subscription (canceled, past the grace period) with the default plan.
        return new CurrentPlan(catalog.Default, subscriptions.OrderByDescending(s => s.StateAt).FirstOrDefault());
    }

    /// <summary>The first instant of the current calendar month (UTC): monthly quotas count from here.</summary>
    public DateTimeOffset MonthStart
    {
        get
        {
            var now = clock.GetUtcNow().UtcDateTime;
            return new DateTimeOffset(now.Year, now.Month, 1, 0, 0, 0, TimeSpan.Zero);
        }
    }

    private string Month => MonthStart.ToString("yyyy-MM", System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>Assessments started this month: the quota's counter, or the assessments themselves before the first start.</summary>
    public async Task<int> AssessmentsThisMonthAsync(CancellationToken ct)
    {
        var workspace = db.CurrentWorkspaceId;
        var month = Month;
        var counted = await db.AssessmentUsage.AsNoTracking().Where(u => u.WorkspaceId == workspace && u.Month == month).Select(u => (int?)u.Used).SingleOrDefaultAsync(ct);
        return counted ?? await StartedThisMonthAsync(ct);
    }

    /// <summary>
    /// Takes one of this month's <paramref name="quota"/> starts, or answers false when none is left. One statement
    /// takes it: the row's lock (PostgreSQL) or the single writer (SQLite) lets concurrent starts take turns, so two
    /// starts at the same instant cannot both take the last one. Call it inside the transaction that adds the assessment.
    /// </summary>
    public async Task<bool> TryTakeAssessmentAsync(int quota, CancellationToken ct)
    {
        var started = await StartedThisMonthAsync(ct);
        if (started >= quota)
        {
            return false;
        }
        var workspace = db.CurrentWorkspaceId;
        var month = Month;
        // The first start of a month creates the row from the assessments already there; later ones add one while any is left.
        var taken = await db.Database.ExecuteSqlAsync($"""
            INSERT INTO assessment_usage (workspace_id, month, used) VALUES ({workspace}, {month}, {started + 1})
            ON CONFLICT (workspace_id, month) DO UPDATE SET used = assessment_usage.used + 1 WHERE assessment_usage.used < {quota}
            """, ct);
        return taken == 1;
    }

    private Task<int> StartedThisMonthAsync(CancellationToken ct)
    {
        var start = MonthStart;
        return db.Assessments.CountAsync(a => a.CreatedAt >= start, ct);
    }

    /// <summary>
    /// Makes the current transaction the only one changing the workspace's members until it ends: it writes the
    /// workspace's row (a row lock on PostgreSQL, the write lock on SQLite), so seats counted after this stay counted.
    /// </summary>
    public Task LockMembersAsync(CancellationToken ct)
    {
        var workspace = db.CurrentWorkspaceId;
        return db.Database.ExecuteSqlAsync($"UPDATE workspaces SET id = id WHERE id = {workspace}", ct);
    }

    /// <summary>Every member (admins and consultants) takes a seat.</summary>
    public Task<int> SeatsUsedAsync(CancellationToken ct)
    {
        var workspace = db.CurrentWorkspaceId;
        return db.Users.CountAsync(m => m.WorkspaceId == workspace, ct);
    }
}

public static class BillingFailures
{
    public static Failure NotConfigured { get; } = new(StatusCodes.Status503ServiceUnavailable, ProblemTypes.BillingNotConfigured,
        "Billing is not configured", "This installation has no Stripe account configured (Stripe:SecretKey), so plans cannot be bought or managed here.");

    public static Failure QuotaExceeded(Plan plan, int quota) => new(StatusCodes.Status403Forbidden, ProblemTypes.AssessmentQuotaExceeded,
        "Monthly assessment quota reached",
        $"The {plan.Name} plan includes {quota} assessments a month and all of them have been started this month. Upgrade the plan or wait for next month.");

    public static Failure SeatLimitReached(Plan plan, int seats) => new(StatusCodes.Status403Forbidden, ProblemTypes.SeatLimitReached,
        "Every seat is taken",
        $"The {plan.Name} plan includes {seats} seats (admins and consultants) and all of them are taken. Upgrade the plan to add a member.");

    public static Failure ApiAccessNotInPlan(Plan plan) => new(StatusCodes.Status403Forbidden, ProblemTypes.ApiAccessNotInPlan,
        "The plan does not include API access",
        $"The workspace is on the {plan.Name} plan, which does not include access for partner applications. A workspace admin can upgrade the plan.");

    public static Failure ProviderError(string message) => new(StatusCodes.Status502BadGateway, ProblemTypes.BillingProviderError,
        "Stripe refused the request", $"Stripe answered: {message}");
}
