using System.Security.Claims;
using System.Security.Cryptography;
using Assessment.Api.Outbox;
using Assessment.Api.Persistence;
using Assessment.Api.Problems;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace Assessment.Api.Webhooks;

/// <summary>
/// <c>Idempotency-Key</c> on API POSTs: the first request's response (status, body, location) is stored per caller and
/// key; the same key with the same request replays it, with a different request answers 422, and while the first is
/// still running answers 409. A 5xx is not kept, so the caller may retry. Keys are kept 48 hours.
/// </summary>
public static class IdempotencyKeys
{
    public const string Header = "Idempotency-Key";
    public static readonly TimeSpan KeptFor = TimeSpan.FromHours(48);

    public static IApplicationBuilder UseIdempotencyKeys(this IApplicationBuilder app) => app.Use(async (HttpContext http, RequestDelegate next) =>
    {
        var key = http.Request.Headers[Header].ToString();
        var caller = http.User.FindFirstValue(Claims.Subject) ?? http.User.FindFirstValue(ClaimTypes.NameIdentifier);
        if (!HttpMethods.IsPost(http.Request.Method) || !http.Request.Path.StartsWithSegments("/api/v1") || key.Length == 0 || caller is null)
        {
            await next(http);
            return;
        }
        if (key.Length > 200)
        {
            await ProblemAsync(http, StatusCodes.Status400BadRequest, ProblemTypes.Validation, "The Idempotency-Key is too long", "Use at most 200 characters.");
            return;
        }
        http.Request.EnableBuffering();
        using var hasher = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        hasher.AppendData(System.Text.Encoding.UTF8.GetBytes($"{http.Request.Method} {http.Request.Path}{http.Request.QueryString}\n"));
        var chunk = new byte[8192];
        int read;
        while ((read = await http.Request.Body.ReadAsync(chunk, http.RequestAborted)) > 0)
        {
            hasher.AppendData(chunk, 0, read);
        }
        http.Request.Body.Position = 0;
        var hash = Convert.ToHexStringLower(hasher.GetHashAndReset());

        await using var scope = http.RequestServices.GetRequiredService<IServiceScopeFactory>().CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var clock = scope.ServiceProvider.GetRequiredService<TimeProvider>();
        var existing = await db.IdempotencyRecords.AsNoTracking().SingleOrDefaultAsync(r => r.Caller == caller && r.Key == key, http.RequestAborted);
        if (existing is not null)
        {
            await ReplayAsync(http, existing, hash);
            return;
        }
        var record = new IdempotencyRecord { Id = Guid.CreateVersion7(), Caller = caller, Key = key, RequestHash = hash, CreatedAt = clock.GetUtcNow() };
        db.IdempotencyRecords.Add(record);
        try
        {
            await db.SaveChangesAsync(http.RequestAborted);
        }
        catch (DbUpdateException)
        {
            await ProblemAsync(http, StatusCodes.Status409Conflict, ProblemTypes.IdempotencyKeyInProgress, "A request with this Idempotency-Key is in progress",
                "Wait for the first request to finish, then retry to get its response.");
            return;
        }

        var original = http.Response.Body;
        await using var buffer = new MemoryStream();
        http.Response.Body = buffer;
        try
        {
            await next(http);
        }
        catch
        {
            db.IdempotencyRecords.Remove(record);
            await db.SaveChangesAsync(CancellationToken.None);
            throw;
        }
        finally
        {
            http.Response.Body = original;
        }
        if (http.Response.StatusCode >= 500)
        {
            db.IdempotencyRecords.Remove(record);
        }
        else
        {
            record.StatusCode = http.Response.StatusCode;
            record.ContentType = http.Response.ContentType;
            record.Location = http.Response.Headers.Location.ToString() is { Length: > 0 } location ? location : null;
            record.Body = buffer.ToArray();
        }
        await db.SaveChangesAsync(CancellationToken.None);
        buffer.Position = 0;
        await buffer.CopyToAsync(original, http.RequestAborted);
    });

    private static async Task ReplayAsync(HttpContext http, IdempotencyRecord existing, string hash)
    {
        if (existing.StatusCode is not { } status)
        {
            await ProblemAsync(http, StatusCodes.Status409Conflict, ProblemTypes.IdempotencyKeyInProgress, "A request with this Idempotency-Key is in progress",
                "Wait for the first request to finish, then retry to get its response.");
            return;
        }
        if (existing.RequestHash != hash)
        {
            await ProblemAsync(http, StatusCodes.Status422UnprocessableEntity, ProblemTypes.IdempotencyKeyReused, "This Idempotency-Key was used for another request",
                "An Idempotency-Key stands for one request: send a new key for a different one.");
            return;
        }
        http.Response.StatusCode = status;
        http.Response.Headers["Idempotent-Replayed"] = "true";
        if (existing.ContentType is not null)
        {
            http.Response.ContentType = existing.ContentType;
        }
        if (existing.Location is not null)
        {
            http.Response.Headers.Location = existing.Location;
        }
        if (existing.Body is { Length: > 0 } body)
        {
            await http.Response.Body.WriteAsync(body, http.RequestAborted);
        }
    }

    private static async Task ProblemAsync(HttpContext http, int status, string type, string title, string detail)
    {
        http.Response.StatusCode = status;
        await http.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(new ProblemDetailsContext
        {
            HttpContext = http,
            ProblemDetails = new ProblemDetails { Status = status, Type = type, Title = title, Detail = detail },
        });
    }
}

/// <summary>Forgets idempotency keys older than <see cref="IdempotencyKeys.KeptFor"/>.</summary>
public sealed class IdempotencyCleanup(AppDbContext db, TimeProvider clock) : IDueWork
{
    public Task<int> ProcessDueAsync(CancellationToken ct)
    {
        var before = clock.GetUtcNow() - IdempotencyKeys.KeptFor;
        return db.IdempotencyRecords.Where(r => r.CreatedAt < before).ExecuteDeleteAsync(ct);
    }
}
