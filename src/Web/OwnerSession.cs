using Assessment.Api.Outbox;
using Assessment.Api.Persistence;
using Assessment.Api.Reports;
using Assessment.Domain.Assessments;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;

namespace Assessment.Web;

/// <summary>
/// A practice owner signs in without a password: a link e-mailed to them carries their address, signed and valid for
/// two hours; opening it sets a cookie (also signed) that keeps them signed in to that workspace for 30 days.
/// </summary>
public sealed class OwnerSession(IDataProtectionProvider protection, AppDbContext db, PublicUrls urls, TimeProvider clock)
{
    public static readonly TimeSpan LinkLifetime = TimeSpan.FromHours(2);
    public static readonly TimeSpan SessionLifetime = TimeSpan.FromDays(30);

    private ITimeLimitedDataProtector Links(Guid workspaceId) =>
        protection.CreateProtector("Assessment.OwnerLinks.v1", workspaceId.ToString("N")).ToTimeLimitedDataProtector();

    private ITimeLimitedDataProtector Sessions(Guid workspaceId) =>
        protection.CreateProtector("Assessment.OwnerSessions.v1", workspaceId.ToString("N")).ToTimeLimitedDataProtector();

    private static string CookieName(string slug) => $"assessment.owner.{slug}";

    /// <summary>Queues the sign-in e-mail when the address has assessments here; says nothing either way to the visitor.</summary>
    public async Task SendLinkAsync(Guid workspaceId, string slug, string workspaceName, string email, CancellationToken ct)
    {
        var address = email.Trim();
        var key = AssessmentResponse.EmailKey(address);
        if (key is null || !await db.Assessments.AnyAsync(a => a.OwnerEmailKey == key, ct))
        {
            return;
        }
        var token = Links(workspaceId).Protect(key, clock.GetUtcNow() + LinkLifetime);
        var url = $"{urls.Base}/w/{slug}/me/{Uri.EscapeDataString(token)}";
        db.Outbox.Add(OutboxMessage.Email(workspaceId, new EmailMessage(address, $"Your link to your assessments with {workspaceName}",
            $"Open this link within two hours to see your assessments, continue one or take it again:\n{url}\n\nIf you did not ask for it, ignore this e-mail.",
            null), clock.GetUtcNow()));
        await db.SaveChangesAsync(ct);
    }

    /// <summary>Turns a valid link into a session cookie; false for a link that is expired, altered or of another workspace.</summary>
    public bool SignIn(HttpContext http, Guid workspaceId, string slug, string token)
    {
        ArgumentNullException.ThrowIfNull(http);
        string email;
        try
        {
            email = Links(workspaceId).Unprotect(token, out _);
        }
        catch (System.Security.Cryptography.CryptographicException)
        {
            return false;
        }
        http.Response.Cookies.Append(CookieName(slug), Sessions(workspaceId).Protect(email, clock.GetUtcNow() + SessionLifetime), new CookieOptions
        {
            HttpOnly = true,
            Secure = http.Request.IsHttps,
            SameSite = SameSiteMode.Lax,
            MaxAge = SessionLifetime,
            Path = $"/w/{slug}",
            IsEssential = true,
        });
        return true;
    }

    /// <summary>The signed-in owner's e-mail address (lower case), or null.</summary>
    public string? Email(HttpContext http, Guid workspaceId, string slug)
    {
        ArgumentNullException.ThrowIfNull(http);
        var cookie = http.Request.Cookies[CookieName(slug)];
        if (cookie is null)
        {
            return null;
        }
        try
        {
            return Sessions(workspaceId).Unprotect(cookie, out _);
        }
        catch (System.Security.Cryptography.CryptographicException)
        {
            return null;
        }
    }

    public static void SignOut(HttpContext http, string slug)
    {
        ArgumentNullException.ThrowIfNull(http);
        http.Response.Cookies.Delete(CookieName(slug), new CookieOptions { Path = $"/w/{slug}" });
    }
}
