using System.Globalization;
using System.Security.Claims;
using Assessment.Api.Persistence;
using Assessment.Api.Problems;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
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

/// <summary>One client's token bucket, shared by every instance through the database.</summary>
public sealed class RateLimitBucket
{
    public required string Client { get; set; }

    /// <summary>Tokens left after the last request, refilled continuously from <see cref="RefilledAtMs"/>.</summary>
    public double Tokens { get; set; }

    /// <summary>When <see cref="Tokens"/> was computed, in Unix milliseconds.</summary>
    public long RefilledAtMs { get; set; }

    /// <summary>Whether the last request took a token.</summary>
    public bool Granted { get; set; }
}

/// <summary>What one request found in its client's bucket; <see cref="WaitSeconds"/> is 0 while a token is left.</summary>
public readonly record struct RateLimitDecision(bool Acquired, long Remaining, int WaitSeconds);

/// <summary>
/// Limits every partner client on its own with a token bucket kept in the database, so every instance of the service
/// draws from the same bucket. One upsert per request refills the bucket for the time since the last one (continuously,
/// TokensPerPeriod every PeriodSeconds, up to TokenLimit) and takes a token when a whole one is there; the row lock
/// (PostgreSQL) or the single writer (SQLite) makes concurrent requests take turns.
/// </summary>
public sealed class PartnerRateLimiter(IOptions<PartnerRateLimitOptions> options, TimeProvider clock)
{
    public PartnerRateLimitOptions Options { get; } = (options ?? throw new ArgumentNullException(nameof(options))).Value;

    private string? _sql;

    private double PerMillisecond => Options.TokensPerPeriod / (Options.PeriodSeconds * 1000);

    public async Task<RateLimitDecision> AcquireAsync(AppDbContext db, string client, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        // The same for every request: built from the model once.
        _sql ??= Upsert(db.Model);
        var connection = db.Database.GetDbConnection();
        var opened = connection.State != System.Data.ConnectionState.Open;
        if (opened)
        {
            await connection.OpenAsync(ct);
        }
        try
        {
            await using var command = connection.CreateCommand();
            command.CommandText = _sql;
            command.Transaction = db.Database.CurrentTransaction?.GetDbTransaction();
            Add(command, "@client", client);
            Add(command, "@capacity", (double)Options.TokenLimit);
            Add(command, "@now", clock.GetUtcNow().ToUnixTimeMilliseconds());
            Add(command, "@rate", PerMillisecond);
            Add(command, "@true", true);
            Add(command, "@false", false);
            await using var reader = await command.ExecuteReaderAsync(ct);
            await reader.ReadAsync(ct);
            var left = reader.GetDouble(0);
            var acquired = reader.GetBoolean(1);
            // Seconds until a whole token is there again: 0 while one is left.
            var wait = left >= 1 ? 0 : Math.Max(1, (int)Math.Ceiling((1 - left) / PerMillisecond / 1000));
            return new RateLimitDecision(acquired, (long)Math.Floor(left), wait);
        }
        finally
        {
            if (opened)
            {
                await connection.CloseAsync();
            }
        }
    }

    private static string Upsert(Microsoft.EntityFrameworkCore.Metadata.IModel model)
    {
        var table = model.FindEntityType(typeof(RateLimitBucket))!;
        var name = table.GetTableName();
        string Column(string property) => table.FindProperty(property)!.GetColumnName();
        var (tokens, at, granted, key) = (Column(nameof(RateLimitBucket.Tokens)), Column(nameof(RateLimitBucket.RefilledAtMs)),
            Column(nameof(RateLimitBucket.Granted)), Column(nameof(RateLimitBucket.Client)));
        // The bucket as it stands now: the tokens left plus the refill since, never above the limit.
        // Instances' clocks differ a little: time never runs backwards for a bucket, so a late clock adds nothing.
        var elapsed = $"(CASE WHEN @now > {name}.{at} THEN @now - {name}.{at} ELSE 0 END)";
        var refilled = $"(CASE WHEN {name}.{tokens} + {elapsed} * @rate > @capacity THEN @capacity ELSE {name}.{tokens} + {elapsed} * @rate END)";
        return $"""
            INSERT INTO {name} ({key}, {tokens}, {at}, {granted}) VALUES (@client, @capacity - 1, @now, @true)
            ON CONFLICT ({key}) DO UPDATE SET
                {tokens} = CASE WHEN {refilled} >= 1 THEN {refilled} - 1 ELSE {refilled} END,
                {granted} = CASE WHEN {refilled} >= 1 THEN @true ELSE @false END,
                {at} = CASE WHEN @now > {name}.{at} THEN @now ELSE {name}.{at} END
            RETURNING {tokens}, {granted}
            """;
    }

    private static void Add(System.Data.Common.DbCommand command, string name, object value)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.Value = value;
        command.Parameters.Add(parameter);
    }
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
        var (acquired, remaining, retryAfter) = await limiter.AcquireAsync(http.RequestServices.GetRequiredService<AppDbContext>(), client, http.RequestAborted);
        var window = (int)Math.Ceiling(limiter.Options.PeriodSeconds);
        http.Response.Headers["RateLimit-Policy"] = string.Create(CultureInfo.InvariantCulture, $"\"partner\";q={limiter.Options.TokenLimit};w={window}");
        http.Response.Headers["RateLimit"] = string.Create(CultureInfo.InvariantCulture, $"\"partner\";r={remaining};t={retryAfter}");
        if (acquired)
        {
            await next(http);
            return;
        }
        http.Response.StatusCode = StatusCodes.Status429TooManyRequests;
        http.Response.Headers.RetryAfter = retryAfter.ToString(CultureInfo.InvariantCulture);
        await http.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(new ProblemDetailsContext
        {
            HttpContext = http,
            ProblemDetails = new ProblemDetails
            {
                Status = StatusCodes.Status429TooManyRequests,
                Type = ProblemTypes.RateLimited,
                Title = "Too many requests",
                Detail = $"This client may make {limiter.Options.TokenLimit} requests in a burst and {limiter.Options.TokensPerPeriod} more every {window} seconds. Retry after {retryAfter} seconds.",
            },
        });
    });
}
