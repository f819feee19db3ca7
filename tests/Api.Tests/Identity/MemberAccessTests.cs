using System.Net;
using System.Text.RegularExpressions;
using Assessment.Api.Persistence;
using Assessment.Testing;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Assessment.Api.Tests.Identity;

public abstract partial class MemberAccessTests(AssessmentApp app)
{
    private HttpClient Browser() => app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });

    /// <summary>Opens a page for its antiforgery token, then posts the form; returns where it redirects.</summary>
    private async Task<List<string>> EmailsToAsync(string address)
    {
        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var all = await db.Outbox.AsNoTracking().ToListAsync();
        return [.. all.Select(m => m.ReadEmail()).Where(e => string.Equals(e.To, address, StringComparison.OrdinalIgnoreCase)).Select(e => e.TextBody)];
    }

    private static async Task<HttpStatusCode> SignInAsync(HttpClient client, string email, string password)
    {
        var html = await client.GetStringAsync(Http.Url("/sign-in"));
        using var response = await client.PostAsync(Http.Url("/sign-in"), new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["email"] = email, ["password"] = password, ["returnUrl"] = "/app", ["__RequestVerificationToken"] = AssessmentApp.AntiforgeryToken(html),
        }));
        return response.Headers.Location?.OriginalString == "/app" ? HttpStatusCode.OK : HttpStatusCode.Unauthorized;
    }

    [GeneratedRegex(@"https?://[^\s]+/(reset-password|accept-invitation)\?[^\s]+")]
    private static partial Regex LinkPattern();

    [Fact]
    public async Task Admin_sets_the_discovery_call_length_and_new_slots_take_it()
    {
        var admin = await app.MemberAsync("admin@alpha.test");
        var partner = await app.PartnerAsync("alpha-partner");
        var day = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(14);
        while (day.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday)
        {
            day = day.AddDays(1);
        }
        var slots = $"/api/v1/slots?from={day:yyyy-MM-dd}&to={day:yyyy-MM-dd}&timeZone=Europe/London";
        Assert.Equal(30, (await partner.GetJsonAsync(slots)).Body.GetProperty("callMinutes").GetInt32());

        var settings = new Dictionary<string, string> { ["name"] = "alpha advisers", ["callMinutes"] = "45" };
        Assert.Equal("/app/settings?saved=settings", await Http.PostFormAsync(admin, "/app/settings", "/app/settings", settings));
        var listed = (await partner.GetJsonAsync(slots)).Body;
        Assert.Equal(45, listed.GetProperty("callMinutes").GetInt32());
        var slot = listed.GetProperty("slots")[0];
        Assert.Equal(TimeSpan.FromMinutes(45), slot.GetProperty("end").GetDateTimeOffset() - slot.GetProperty("start").GetDateTimeOffset());
        Assert.Contains("value=\"45\"", await admin.GetStringAsync(Http.Url("/app/settings")), StringComparison.Ordinal);
        using (var owner = app.CreateClient())
        {
            Assert.Contains("45-minute discovery call", await owner.GetStringAsync(Http.Url("/w/alpha")), StringComparison.Ordinal);
        }

        settings["callMinutes"] = "32";
        var refused = await Http.PostFormAsync(admin, "/app/settings", "/app/settings", settings);
        Assert.StartsWith("/app/settings?error=", refused, StringComparison.Ordinal);
        Assert.Contains("steps of 5", Uri.UnescapeDataString(refused!), StringComparison.Ordinal);
        Assert.Equal(45, (await partner.GetJsonAsync(slots)).Body.GetProperty("callMinutes").GetInt32());

        settings["callMinutes"] = "30";
        Assert.Equal("/app/settings?saved=settings", await Http.PostFormAsync(admin, "/app/settings", "/app/settings", settings));
    }

    [Fact]
    public async Task Password_reset_goes_through_the_outbox_and_never_reveals_whether_an_address_exists()
    {
        var admin = await app.MemberAsync("admin@alpha.test");
        var email = $"reset-{Guid.NewGuid():N}@alpha.test";
        Assert.Equal(HttpStatusCode.Created, (await admin.PostJsonAsync("/api/v1/members", new { email, password = AssessmentApp.Password, role = "Consultant" })).Status);

        var known = await Http.PostFormAsync(Browser(), "/forgot-password", "/forgot-password", new() { ["email"] = email });
        var unknown = await Http.PostFormAsync(Browser(), "/forgot-password", "/forgot-password", new() { ["email"] = $"nobody-{Guid.NewGuid():N}@alpha.test" });
        Assert.Equal(known, unknown);
        Assert.Empty(await EmailsToAsync("nobody@alpha.test"));
        var body = Assert.Single(await EmailsToAsync(email));
        var link = new Uri(LinkPattern().Match(body).Value);
        Assert.Equal("/reset-password", link.AbsolutePath);

        var browser = Browser();
        var wrong = await Http.PostFormAsync(browser, link.PathAndQuery, "/reset-password", new() { ["email"] = email, ["token"] = "forged", ["password"] = "New-pass-2" });
        Assert.Contains("error=", wrong, StringComparison.Ordinal);
        var token = System.Web.HttpUtility.ParseQueryString(link.Query)["token"]!;
        var done = await Http.PostFormAsync(browser, link.PathAndQuery, "/reset-password", new() { ["email"] = email, ["token"] = token, ["password"] = "New-pass-2" });
        Assert.Equal("/sign-in?reset=done", done);
        Assert.Equal(HttpStatusCode.Unauthorized, await SignInAsync(Browser(), email, AssessmentApp.Password));
        Assert.Equal(HttpStatusCode.OK, await SignInAsync(Browser(), email, "New-pass-2"));
        // The token works once.
        var again = await Http.PostFormAsync(browser, link.PathAndQuery, "/reset-password", new() { ["email"] = email, ["token"] = token, ["password"] = "New-pass-3" });
        Assert.Contains("error=", again, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Admins_invite_by_email_and_the_invitee_becomes_a_member_on_accepting()
    {
        var email = $"invited-{Guid.NewGuid():N}@alpha.test";
        var consultant = await app.MemberAsync("consultant@alpha.test");
        using (var refused = await consultant.PostAsync(Http.Url("/app/settings/invite"), new FormUrlEncodedContent(new Dictionary<string, string> { ["email"] = email, ["role"] = "Consultant" })))
        {
            // Forbidden: the cookie scheme sends the browser to its access-denied page, never back to the settings.
            Assert.DoesNotContain("/app/settings", refused.Headers.Location?.OriginalString ?? "", StringComparison.Ordinal);
            Assert.NotEqual(HttpStatusCode.OK, refused.StatusCode);
        }
        Assert.Empty(await EmailsToAsync(email));

        var admin = await app.MemberAsync("admin@alpha.test");
        Assert.Equal("/app/settings?saved=invited", await Http.PostFormAsync(admin, "/app/settings", "/app/settings/invite", new() { ["email"] = email, ["role"] = "Consultant" }));
        Assert.Equal(HttpStatusCode.Unauthorized, await SignInAsync(Browser(), email, "Invited-pass-1"));
        var link = new Uri(LinkPattern().Match(Assert.Single(await EmailsToAsync(email))).Value);

        var invitee = Browser();
        var bad = await Http.PostFormAsync(invitee, link.PathAndQuery, "/accept-invitation", new() { ["token"] = "forged", ["password"] = "Invited-pass-1" });
        Assert.Contains("error=", bad, StringComparison.Ordinal);
        var token = System.Web.HttpUtility.ParseQueryString(link.Query)["token"]!;
        var joined = await Http.PostFormAsync(invitee, link.PathAndQuery, "/accept-invitation", new() { ["token"] = token, ["password"] = "Invited-pass-1" });
        Assert.StartsWith("/sign-in?joined=1", joined, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, await SignInAsync(Browser(), email, "Invited-pass-1"));
        var twice = await Http.PostFormAsync(Browser(), link.PathAndQuery, "/accept-invitation", new() { ["token"] = token, ["password"] = "Other-pass-1" });
        Assert.Contains("error=", twice, StringComparison.Ordinal);

        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var alpha = await db.Workspaces.SingleAsync(w => w.Slug == "alpha");
        Assert.Equal(alpha.Id, (await db.Users.SingleAsync(m => m.Email == email)).WorkspaceId);
    }

    [Fact]
    public async Task Only_admins_change_roles_and_the_last_admin_cannot_be_demoted()
    {
        var admin = await app.MemberAsync("admin@beta.test");
        var consultantId = await MemberIdAsync("consultant@beta.test");
        var adminId = await MemberIdAsync("admin@beta.test");

        var consultant = await app.MemberAsync("consultant@beta.test");
        using (var refused = await consultant.PostAsync(Http.Url($"/app/settings/members/{adminId}/role"), new FormUrlEncodedContent(new Dictionary<string, string> { ["role"] = "Consultant" })))
        {
            // Forbidden: the cookie scheme sends the browser to its access-denied page, never back to the settings.
            Assert.DoesNotContain("/app/settings", refused.Headers.Location?.OriginalString ?? "", StringComparison.Ordinal);
            Assert.NotEqual(HttpStatusCode.OK, refused.StatusCode);
        }

        var last = await Http.PostFormAsync(admin, "/app/settings", $"/app/settings/members/{adminId}/role", new() { ["role"] = "Consultant" });
        Assert.Contains("only admin", Uri.UnescapeDataString(last!), StringComparison.Ordinal);
        Assert.Equal("Admin", await RoleAsync("admin@beta.test"));

        Assert.Equal("/app/settings?saved=role", await Http.PostFormAsync(admin, "/app/settings", $"/app/settings/members/{consultantId}/role", new() { ["role"] = "Admin" }));
        Assert.Equal("Admin", await RoleAsync("consultant@beta.test"));
        Assert.Equal("/app/settings?saved=role", await Http.PostFormAsync(admin, "/app/settings", $"/app/settings/members/{consultantId}/role", new() { ["role"] = "Consultant" }));
        Assert.Equal("Consultant", await RoleAsync("consultant@beta.test"));

        // A member of another workspace is not found.
        var alphaAdmin = await app.MemberAsync("admin@alpha.test");
        var other = await Http.PostFormAsync(alphaAdmin, "/app/settings", $"/app/settings/members/{consultantId}/role", new() { ["role"] = "Admin" });
        Assert.Contains("error=", other, StringComparison.Ordinal);
        Assert.Equal("Consultant", await RoleAsync("consultant@beta.test"));
    }

    private async Task<Guid> MemberIdAsync(string email)
    {
        using var scope = app.Services.CreateScope();
        return (await scope.ServiceProvider.GetRequiredService<AppDbContext>().Users.SingleAsync(m => m.Email == email)).Id;
    }

    private async Task<string> RoleAsync(string email)
    {
        using var scope = app.Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<Microsoft.AspNetCore.Identity.UserManager<Api.Identity.Member>>();
        return Assert.Single(await users.GetRolesAsync((await users.FindByEmailAsync(email))!));
    }
}

/// <summary>Seats and branding on a small plan: three seats, no custom branding.</summary>
public abstract class SmallPlanTests(AssessmentApp app)
{
    [Fact]
    public async Task Accepting_an_invitation_takes_a_seat_and_is_refused_when_none_is_left()
    {
        var admin = await app.MemberAsync("admin@alpha.test");
        var first = $"first-{Guid.NewGuid():N}@alpha.test";
        var second = $"second-{Guid.NewGuid():N}@alpha.test";
        var tokens = new List<string>();
        foreach (var email in new[] { first, second })
        {
            var html = await admin.GetStringAsync(Http.Url("/app/settings"));
            using var sent = await admin.PostAsync(Http.Url("/app/settings/invite"), new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["email"] = email, ["role"] = "Consultant", ["__RequestVerificationToken"] = AssessmentApp.AntiforgeryToken(html),
            }));
            Assert.Equal("/app/settings?saved=invited", sent.Headers.Location?.OriginalString);
            using var scope = app.Services.CreateScope();
            var body = (await scope.ServiceProvider.GetRequiredService<AppDbContext>().Outbox.AsNoTracking().ToListAsync())
                .Select(m => m.ReadEmail()).Single(e => e.To == email).TextBody;
            tokens.Add(System.Web.HttpUtility.ParseQueryString(new Uri(Regex.Match(body, @"https?://\S+accept-invitation\?\S+").Value).Query)["token"]!);
        }

        async Task<string?> AcceptAsync(string token)
        {
            using var client = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
            var html = await client.GetStringAsync(Http.Url($"/accept-invitation?token={token}"));
            using var response = await client.PostAsync(Http.Url("/accept-invitation"), new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["token"] = token, ["password"] = "Invited-pass-1", ["__RequestVerificationToken"] = AssessmentApp.AntiforgeryToken(html),
            }));
            return Uri.UnescapeDataString(response.Headers.Location?.OriginalString ?? "");
        }

        Assert.StartsWith("/sign-in?joined=1", await AcceptAsync(tokens[0]), StringComparison.Ordinal);
        var refused = await AcceptAsync(tokens[1]);
        Assert.Contains("error=", refused, StringComparison.Ordinal);
        Assert.Contains("seat", refused, StringComparison.OrdinalIgnoreCase);
        using var check = app.Services.CreateScope();
        Assert.False(await check.ServiceProvider.GetRequiredService<AppDbContext>().Users.AnyAsync(m => m.Email == second));

        // With every seat taken, a new invitation is refused too.
        var page = await admin.GetStringAsync(Http.Url("/app/settings"));
        using var third = await admin.PostAsync(Http.Url("/app/settings/invite"), new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["email"] = $"third-{Guid.NewGuid():N}@alpha.test", ["role"] = "Consultant", ["__RequestVerificationToken"] = AssessmentApp.AntiforgeryToken(page),
        }));
        Assert.Contains("error=", third.Headers.Location?.OriginalString, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Branding_is_saved_but_not_shown_without_custom_branding_in_the_plan()
    {
        var admin = await app.MemberAsync("admin@beta.test");
        var html = await admin.GetStringAsync(Http.Url("/app/settings"));
        Assert.Contains("Custom branding is not included", html, StringComparison.Ordinal);
        using var saved = await admin.PostAsync(Http.Url("/app/settings"), new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["name"] = "beta advisers", ["logoUrl"] = "https://example.com/beta.png", ["primaryColor"] = "#abcdef", ["accentColor"] = "",
            ["__RequestVerificationToken"] = AssessmentApp.AntiforgeryToken(html),
        }));
        Assert.Equal("/app/settings?saved=settings", saved.Headers.Location?.OriginalString);
        Assert.Contains("https://example.com/beta.png", await admin.GetStringAsync(Http.Url("/app/settings")), StringComparison.Ordinal);
        using var visitor = app.CreateClient();
        var landing = await visitor.GetStringAsync(Http.Url("/w/beta"));
        Assert.DoesNotContain("example.com/beta.png", landing, StringComparison.Ordinal);
        Assert.DoesNotContain("#abcdef", landing, StringComparison.Ordinal);
    }
}

public sealed class SmallPlanSqliteApp() : AssessmentApp(Api.Persistence.DatabaseProvider.Sqlite)
{
    protected override void Configure(Dictionary<string, string?> settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        settings["Billing:Plans:small:Name"] = "Small";
        settings["Billing:Plans:small:ConsultantSeats"] = "3";
        settings["Billing:Plans:small:PartnerApi"] = "true";
        settings["Billing:DefaultPlan"] = "small";
    }
}

public sealed class SmallPlanPostgresApp() : AssessmentApp(Api.Persistence.DatabaseProvider.Postgres)
{
    protected override void Configure(Dictionary<string, string?> settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        settings["Billing:Plans:small:Name"] = "Small";
        settings["Billing:Plans:small:ConsultantSeats"] = "3";
        settings["Billing:Plans:small:PartnerApi"] = "true";
        settings["Billing:DefaultPlan"] = "small";
    }
}

public sealed class SmallPlanTestsOnSqlite(SmallPlanSqliteApp app) : SmallPlanTests(app), IClassFixture<SmallPlanSqliteApp>;

public sealed class SmallPlanTestsOnPostgres(SmallPlanPostgresApp app) : SmallPlanTests(app), IClassFixture<SmallPlanPostgresApp>;

public sealed class MemberAccessTestsOnSqlite(SqliteApp app) : MemberAccessTests(app), IClassFixture<SqliteApp>;

public sealed class MemberAccessTestsOnPostgres(PostgresApp app) : MemberAccessTests(app), IClassFixture<PostgresApp>;
