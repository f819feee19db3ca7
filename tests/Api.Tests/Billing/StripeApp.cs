using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Assessment.Api.Billing;
using Assessment.Api.Persistence;
using Assessment.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using WireMock.Server;

namespace Assessment.Api.Tests.Billing;

/// <summary>
/// The app with billing on: Stripe's API played by WireMock, the real free plan for workspaces without a subscription,
/// and a workspace per test that needs one of its own.
/// </summary>
public abstract class StripeApp(DatabaseProvider provider) : AssessmentApp(provider)
{
    public const string WebhookSecret = "whsec_test_5f0c2b9d1e";

    public WireMockServer Stripe { get; } = WireMockServer.Start();

    protected override IReadOnlyList<string> WorkspaceSlugs =>
        ["alpha", "beta", "gamma", "delta", "epsilon", "zeta", "eta", "theta", "iota", "kappa", "lambda", "mu", "nu", "xi"];

    protected override void Configure(Dictionary<string, string?> settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        settings["Billing:DefaultPlan"] = "free";
        settings["Stripe:SecretKey"] = "sk_test_fake";
        settings["Stripe:WebhookSecret"] = WebhookSecret;
        settings["Stripe:ApiBase"] = Stripe.Url;
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        Stripe.Stop();
        Stripe.Dispose();
    }

    public async Task<Guid> WorkspaceIdAsync(string slug)
    {
        using var scope = Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<AppDbContext>().Workspaces.Where(w => w.Slug == slug).Select(w => w.Id).SingleAsync();
    }

    /// <summary>Gives a workspace its Stripe customer <c>cus_{slug}</c>, as the first checkout would.</summary>
    public async Task<string> CustomerAsync(string slug)
    {
        var id = await WorkspaceIdAsync(slug);
        using var scope = Services.CreateScope();
        scope.ServiceProvider.GetRequiredService<WorkspaceScope>().Use(id);
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        db.BillingAccounts.Add(BillingAccount.For(id, $"cus_{slug}", Clock.GetUtcNow()));
        await db.SaveChangesAsync();
        return $"cus_{slug}";
    }

    /// <summary>Posts a body to the webhook signed as Stripe signs it: <c>t=…,v1=hex(HMAC-SHA256(secret, "t.body"))</c>.</summary>
    public async Task<(HttpStatusCode Status, string Body)> DeliverAsync(string payload, DateTimeOffset? signedAt = null, string secret = WebhookSecret)
    {
        using var client = CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, Http.Url("/webhooks/stripe"))
        {
            Content = new StringContent(payload, Encoding.UTF8, "application/json"),
        };
        request.Headers.TryAddWithoutValidation("Stripe-Signature", Signature(payload, signedAt ?? Clock.GetUtcNow(), secret));
        using var response = await client.SendAsync(request);
        return (response.StatusCode, await response.Content.ReadAsStringAsync());
    }

    public static string Signature(string payload, DateTimeOffset at, string secret)
    {
        var t = at.ToUnixTimeSeconds();
        var mac = HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes($"{t}.{payload}"));
        return $"t={t},v1={Convert.ToHexStringLower(mac)}";
    }

    public async Task ProcessEventsAsync()
    {
        using var scope = Services.CreateScope();
        await scope.ServiceProvider.GetRequiredService<StripeEventProcessor>().ProcessDueAsync(CancellationToken.None);
    }

    public async Task<StripeEvent?> StoredEventAsync(string id)
    {
        using var scope = Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<AppDbContext>().StripeEvents.AsNoTracking().SingleOrDefaultAsync(e => e.Id == id);
    }
}

public sealed class SqliteStripeApp() : StripeApp(DatabaseProvider.Sqlite);

public sealed class PostgresStripeApp() : StripeApp(DatabaseProvider.Postgres);

/// <summary>Stripe objects and events as Stripe sends them (the fields billing reads, and the ones around them).</summary>
public static class StripeJson
{
    public static string Event(string id, string type, DateTimeOffset created, object dataObject) => JsonSerializer.Serialize(new Dictionary<string, object?>
    {
        ["id"] = id,
        ["object"] = "event",
        ["api_version"] = "2025-10-29.clover",
        ["created"] = created.ToUnixTimeSeconds(),
        ["livemode"] = false,
        ["pending_webhooks"] = 1,
        ["request"] = new Dictionary<string, object?> { ["id"] = null, ["idempotency_key"] = null },
        ["type"] = type,
        ["data"] = new Dictionary<string, object?> { ["object"] = dataObject },
    });

    public static Dictionary<string, object?> Subscription(string id, string customer, string status, string price, DateTimeOffset periodEnd, DateTimeOffset? trialEnd = null) => new()
    {
        ["id"] = id,
        ["object"] = "subscription",
        ["customer"] = customer,
        ["status"] = status,
        ["created"] = periodEnd.AddMonths(-1).ToUnixTimeSeconds(),
        ["trial_end"] = trialEnd?.ToUnixTimeSeconds(),
        ["metadata"] = new Dictionary<string, string>(),
        ["items"] = new Dictionary<string, object?>
        {
            ["object"] = "list",
            ["has_more"] = false,
            ["data"] = new[]
            {
                new Dictionary<string, object?>
                {
                    ["id"] = $"si_{id}",
                    ["object"] = "subscription_item",
                    ["current_period_start"] = periodEnd.AddMonths(-1).ToUnixTimeSeconds(),
                    ["current_period_end"] = periodEnd.ToUnixTimeSeconds(),
                    ["price"] = new Dictionary<string, object?> { ["id"] = price, ["object"] = "price" },
                },
            },
        },
    };

    public static Dictionary<string, object?> Invoice(string id, string customer, string subscription) => new()
    {
        ["id"] = id,
        ["object"] = "invoice",
        ["customer"] = customer,
        ["parent"] = new Dictionary<string, object?>
        {
            ["type"] = "subscription_details",
            ["subscription_details"] = new Dictionary<string, object?> { ["subscription"] = subscription },
        },
    };
}
