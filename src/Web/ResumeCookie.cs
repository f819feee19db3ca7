namespace Assessment.Web;

/// <summary>Remembers, in this browser only, the owner's latest assessment of a workspace, so they can pick it up again.</summary>
public static class ResumeCookie
{
    private static string Name(string slug) => $"assessment.{slug}";

    public static void Write(HttpContext http, string slug, Guid assessmentId)
    {
        ArgumentNullException.ThrowIfNull(http);
        http.Response.Cookies.Append(Name(slug), assessmentId.ToString("N"), new CookieOptions
        {
            HttpOnly = true,
            Secure = http.Request.IsHttps,
            SameSite = SameSiteMode.Lax,
            MaxAge = TimeSpan.FromDays(90),
            Path = $"/w/{slug}",
            IsEssential = true,
        });
    }

    public static Guid? Read(HttpContext http, string slug)
    {
        ArgumentNullException.ThrowIfNull(http);
        return Guid.TryParseExact(http.Request.Cookies[Name(slug)], "N", out var id) ? id : null;
    }
}
