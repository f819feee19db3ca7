using Microsoft.Extensions.Options;

namespace Assessment.Api.Billing;

/// <summary>The <c>Billing</c> configuration section: the plans on sale and what a workspace without a subscription gets.</summary>
public sealed class BillingOptions
{
    public const string Section = "Billing";

    /// <summary>The plans, by key (<c>Billing:Plans:pro:Name</c>).</summary>
    public Dictionary<string, PlanOptions> Plans { get; init; } = new(StringComparer.Ordinal);

    /// <summary>The plan of a workspace without an active subscription.</summary>
    public string DefaultPlan { get; set; } = "free";

    /// <summary>How long a subscription whose payment failed keeps its plan before the default plan applies.</summary>
    public int GraceDays { get; set; } = 7;
}

/// <summary>One plan in configuration. A limit left out means no limit.</summary>
public sealed class PlanOptions
{
    public string Name { get; set; } = "";

    /// <summary>The Stripe price a subscription to this plan is for; none for a plan that is not sold (free).</summary>
    public string? PriceId { get; set; }

    public int? ConsultantSeats { get; set; }

    public int? AssessmentsPerMonth { get; set; }

    public bool PartnerApi { get; set; }

    public bool CustomBranding { get; set; }
}

/// <summary>What a plan allows. <c>null</c> limits are unlimited.</summary>
public sealed record Entitlements(int? ConsultantSeats, int? AssessmentsPerMonth, bool PartnerApi, bool CustomBranding);

public sealed record Plan(string Key, string Name, string? PriceId, Entitlements Entitlements);

/// <summary>The configured plans, looked up by key or by Stripe price.</summary>
public sealed class PlanCatalog
{
    private readonly Dictionary<string, Plan> _byKey;

    public PlanCatalog(IOptions<BillingOptions> options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var settings = options.Value;
        _byKey = settings.Plans.ToDictionary(
            p => p.Key,
            p => new Plan(p.Key, string.IsNullOrWhiteSpace(p.Value.Name) ? p.Key : p.Value.Name,
                string.IsNullOrWhiteSpace(p.Value.PriceId) ? null : p.Value.PriceId,
                new Entitlements(p.Value.ConsultantSeats, p.Value.AssessmentsPerMonth, p.Value.PartnerApi, p.Value.CustomBranding)),
            StringComparer.Ordinal);
        Default = Find(settings.DefaultPlan)
            ?? throw new InvalidOperationException($"Billing:DefaultPlan is '{settings.DefaultPlan}', which is not one of Billing:Plans ({string.Join(", ", _byKey.Keys)}).");
        GracePeriod = TimeSpan.FromDays(Math.Max(0, settings.GraceDays));
    }

    public Plan Default { get; }

    public TimeSpan GracePeriod { get; }

    /// <summary>Every plan, the ones for sale last.</summary>
    public IReadOnlyList<Plan> All => [.. _byKey.Values.OrderBy(p => p.PriceId is not null).ThenBy(p => p.Key, StringComparer.Ordinal)];

    public Plan? Find(string? key) => key is not null && _byKey.TryGetValue(key, out var plan) ? plan : null;

    public Plan? ByPrice(string? priceId) => priceId is null ? null : _byKey.Values.FirstOrDefault(p => p.PriceId == priceId);
}
