using System.Globalization;
using System.Security.Claims;
using System.Threading.RateLimiting;
using Assessment.Api.Problems;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace Assessment.Api.Identity;

/// <summary>The <c>RateLimits:Partner</c> section: a token bucket per partner client.</summary>
public sealed class PartnerRateLimitOptions
{
    public const string Section = "RateLimits:Partner";

    public bool Enabled { get; set; } = true;

    /// <summary>How many requests a client may burst.</summary>
    public int TokenLimit { get; set; } = 120;

    /// <summary>How many requests come back every period.</summary>
    public int TokensPerPeriod { get; set; } = 120;

    public double PeriodSeconds { get; set; } = 60;
}

/// <summary>
/// Limits every partner client on its own (token bucket, in this instance's memory). Each API response carries
/// <c>RateLimit-Policy</c> and <c>RateLimit</c> headers (IETF draft); a refused call gets 429 problem details with
/// <c>Retry-After</c>. Members in the browser are not limited here.
/// </summary>
public sealed class PartnerRateLimiter : IDisposable
{
    private readonly PartitionedRateLimiter<string> _limiter;

    public PartnerRateLimiter(IOptions<PartnerRateLimitOptions> options)
    {
        ArgumentNullException.ThrowIfNull(options);
        Options = options.Value;
        _limiter = PartitionedRateLimiter.Create<string, string>(client => RateLimitPartition.GetTokenBucketLimiter(client, _ => new TokenBucketRateLimiterOptions
        {
            TokenLimit = Options.TokenLimit,
            TokensPerPeriod = Options.TokensPerPeriod,
            ReplenishmentPeriod = TimeSpan.FromSeconds(Options.PeriodSeconds),
            QueueLimit = 0,
            AutoReplenishment = true,
        }));
    }

    public PartnerRateLimitOptions Options { get; }

    public (bool Acquired, long Remaining) Acquire(string client)
    {
        using var lease = _limiter.AttemptAcquire(client);
        return (lease.IsAcquired, _limiter.GetStatistics(client)?.CurrentAvailablePermits ?? 0);
    }

    public void Dispose() => _limiter.Dispose();
}

public static class PartnerRateLimits
{
    public static IServiceCollection AddPartnerRateLimits(this IServiceCollection services, Microsoft.Extensions.Configuration.IConfiguration configuration)
    {
        services.Configure<PartnerRateLimitOptions>(configuration.GetSection(PartnerRateLimitOptions.Section));
        services.AddSingleton<PartnerRateLimiter>();
        return services;
    }

    /// <summary>Runs after authentication: only calls made with a partner's token are counted.</summary>
    public static IApplicationBuilder UsePartnerRateLimits(this IApplicationBuilder app) => app.Use(async (HttpContext http, RequestDelegate next) =>
    {
        var limiter = http.RequestServices.GetRequiredService<PartnerRateLimiter>();
        var client = http.User.FindFirstValue(Claims.Subject);
        if (!limiter.Options.Enabled || client is null || !http.Request.Path.StartsWithSegments("/api")
            || !http.Request.Headers.Authorization.ToString().StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
        {
            await next(http);
            return;
        }
        var (acquired, remaining) = limiter.Acquire(client);
        var window = (int)Math.Ceiling(limiter.Options.PeriodSeconds);
        http.Response.Headers["RateLimit-Policy"] = string.Create(CultureInfo.InvariantCulture, $"\"partner\";q={limiter.Options.TokenLimit};w={window}");
        http.Response.Headers["RateLimit"] = string.Create(CultureInfo.InvariantCulture, $"\"partner\";r={remaining};t={window}");
        if (acquired)
        {
            await next(http);
            return;
        }
        http.Response.StatusCode = StatusCodes.Status429TooManyRequests;
        http.Response.Headers.RetryAfter = window.ToString(CultureInfo.InvariantCulture);
        await http.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(new ProblemDetailsContext
        {
            HttpContext = http,
            ProblemDetails = new ProblemDetails
            {
                Status = StatusCodes.Status429TooManyRequests,
                Type = ProblemTypes.RateLimited,
                Title = "Too many requests",
                Detail = $"This client may make {limiter.Options.TokenLimit} requests in a burst and {limiter.Options.TokensPerPeriod} more every {window} seconds. Retry after {window} seconds.",
            },
        });
    });
}
