using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Assessment.Api.Persistence;
using Assessment.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Assessment.Api.Tests.Partners;

public abstract class PartnerClientTests(AssessmentApp app)
{
    private async Task<HttpStatusCode> TokenStatusAsync(string clientId, string secret)
    {
        using var client = app.CreateClient();
        using var response = await client.PostAsync(Http.Url("/connect/token"), new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "client_credentials",
            ["client_id"] = clientId,
            ["client_secret"] = secret,
        }));
        return response.StatusCode;
    }

    [Fact]
    public async Task Admins_create_list_rotate_and_revoke_partner_clients_and_revocation_is_immediate()
    {
        var admin = await app.MemberAsync("admin@alpha.test");
        var created = await admin.PostJsonAsync("/api/v1/partner-clients", new { name = "Practice software", scopes = new[] { "assessments:read" } });
        Assert.Equal(HttpStatusCode.Created, created.Status);
        var clientId = created.Body.GetProperty("clientId").GetString()!;
        var secret = created.Body.GetProperty("clientSecret").GetString()!;
        Assert.StartsWith("alpha-", clientId, StringComparison.Ordinal);
        Assert.True(secret.Length >= 40);

        var listed = await admin.GetJsonAsync("/api/v1/partner-clients");
        var entry = Assert.Single(listed.Body.GetProperty("data").EnumerateArray(), c => c.GetProperty("clientId").GetString() == clientId);
        Assert.False(entry.TryGetProperty("clientSecret", out _), "A secret is shown only once.");
        Assert.Equal(["assessments:read"], entry.GetProperty("scopes").EnumerateArray().Select(s => s.GetString()));

        var token = await app.TokenAsync(clientId, secret);
        using var partner = app.CreateClient();
        partner.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        Assert.Equal(HttpStatusCode.OK, (await partner.GetJsonAsync("/api/v1/questionnaires")).Status);
        Assert.Equal(HttpStatusCode.Forbidden, (await partner.PostJsonAsync("/api/v1/assessments", new { questionnaireKey = "owner-time" })).Status);

        var rotated = await admin.PostJsonAsync($"/api/v1/partner-clients/{clientId}/rotate");
        var newSecret = rotated.Body.GetProperty("clientSecret").GetString()!;
        Assert.NotEqual(secret, newSecret);
        Assert.NotEqual(HttpStatusCode.OK, await TokenStatusAsync(clientId, secret));
        Assert.Equal(HttpStatusCode.OK, await TokenStatusAsync(clientId, newSecret));

        var beta = await app.MemberAsync("admin@beta.test");
        (await beta.SendAsync(HttpMethod.Delete, $"/api/v1/partner-clients/{clientId}")).AssertProblem(HttpStatusCode.NotFound, "/problems/not-found");
        Assert.DoesNotContain((await beta.GetJsonAsync("/api/v1/partner-clients")).Body.GetProperty("data").EnumerateArray(), c => c.GetProperty("clientId").GetString() == clientId);

        Assert.Equal(HttpStatusCode.NoContent, (await admin.SendAsync(HttpMethod.Delete, $"/api/v1/partner-clients/{clientId}")).Status);
        var after = await partner.GetJsonAsync("/api/v1/questionnaires");
        Assert.Equal(HttpStatusCode.Unauthorized, after.Status);
        Assert.NotEqual(HttpStatusCode.OK, await TokenStatusAsync(clientId, newSecret));
    }

    [Fact]
    public async Task Only_admins_manage_partner_clients_and_bad_requests_name_the_field()
    {
        var consultant = await app.MemberAsync("consultant@alpha.test");
        Assert.Equal(HttpStatusCode.Forbidden, (await consultant.GetJsonAsync("/api/v1/partner-clients")).Status);
        var partner = await app.PartnerAsync("alpha-partner");
        Assert.Equal(HttpStatusCode.Forbidden, (await partner.GetJsonAsync("/api/v1/partner-clients")).Status);

        var admin = await app.MemberAsync("admin@alpha.test");
        Assert.Contains("scopes", (await admin.PostJsonAsync("/api/v1/partner-clients", new { name = "x", scopes = Array.Empty<string>() }))
            .AssertProblem(HttpStatusCode.BadRequest, "/problems/validation").Keys);
        Assert.Contains("scopes", (await admin.PostJsonAsync("/api/v1/partner-clients", new { name = "x", scopes = new[] { "admin:all" } }))
            .AssertProblem(HttpStatusCode.BadRequest, "/problems/validation").Keys);
        Assert.Contains("name", (await admin.PostJsonAsync("/api/v1/partner-clients", new { name = "", scopes = new[] { "assessments:read" } }))
            .AssertProblem(HttpStatusCode.BadRequest, "/problems/validation").Keys);
        (await admin.PostJsonAsync("/api/v1/partner-clients/nobody/rotate")).AssertProblem(HttpStatusCode.NotFound, "/problems/not-found");
    }
}

public sealed class PartnerClientTestsOnSqlite(SqliteApp app) : PartnerClientTests(app), IClassFixture<SqliteApp>;

public sealed class PartnerClientTestsOnPostgres(PostgresApp app) : PartnerClientTests(app), IClassFixture<PostgresApp>;

/// <summary>An app whose partner clients may make three calls an hour.</summary>
public abstract class TightRateLimitApp(DatabaseProvider provider) : AssessmentApp(provider)
{
    protected override void Configure(Dictionary<string, string?> settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        settings["RateLimits:Partner:TokenLimit"] = "3";
        settings["RateLimits:Partner:TokensPerPeriod"] = "3";
        settings["RateLimits:Partner:PeriodSeconds"] = "3600";
    }
}

public sealed class TightRateLimitSqliteApp() : TightRateLimitApp(DatabaseProvider.Sqlite);

public sealed class TightRateLimitPostgresApp() : TightRateLimitApp(DatabaseProvider.Postgres);

public abstract class RateLimitTests(TightRateLimitApp app)
{
    // One token comes back every 1,200 seconds; a slow machine may let a second or two pass between requests.
    private static void AssertSeconds(int expected, string actual) =>
        Assert.InRange(int.Parse(actual, System.Globalization.CultureInfo.InvariantCulture), expected - 5, expected);

    [Fact]
    public async Task Each_partner_client_is_limited_on_its_own_with_headers_and_a_429_problem()
    {
        var alpha = await app.PartnerAsync("alpha-partner");
        for (var i = 2; i >= 0; i--)
        {
            using var ok = await alpha.GetAsync(Http.Url("/api/v1/questionnaires"));
            Assert.Equal(HttpStatusCode.OK, ok.StatusCode);
            Assert.Equal("\"partner\";q=3;w=3600", ok.Headers.GetValues("RateLimit-Policy").Single());
            var remaining = ok.Headers.GetValues("RateLimit").Single().Split(';');
            Assert.Equal($"r={i}", remaining[1]);
            // t: seconds until the next request may go, so 0 while a token is left.
            if (i > 0)
            {
                Assert.Equal("t=0", remaining[2]);
            }
            else
            {
                AssertSeconds(1200, remaining[2]["t=".Length..]);
            }
        }
        using var limited = await alpha.GetAsync(Http.Url("/api/v1/questionnaires"));
        Assert.Equal(HttpStatusCode.TooManyRequests, limited.StatusCode);
        AssertSeconds(1200, limited.Headers.GetValues("Retry-After").Single());
        var state = limited.Headers.GetValues("RateLimit").Single().Split(';');
        Assert.Equal("r=0", state[1]);
        AssertSeconds(1200, state[2]["t=".Length..]);
        var problem = await limited.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("/problems/rate-limited", problem.GetProperty("type").GetString());

        var beta = await app.PartnerAsync("beta-partner");
        Assert.Equal(HttpStatusCode.OK, (await beta.GetJsonAsync("/api/v1/questionnaires")).Status);
        var member = await app.MemberAsync("admin@alpha.test");
        for (var i = 0; i < 5; i++)
        {
            Assert.Equal(HttpStatusCode.OK, (await member.GetJsonAsync("/api/v1/questionnaires")).Status);
        }
    }

    [Fact]
    public async Task Every_instance_draws_from_the_same_bucket()
    {
        var token = await app.TokenAsync("alpha-reader", "alpha-reader-secret");
        await using var second = app.AnotherInstance(sameClock: true);
        using var one = app.CreateClient();
        using var two = second.CreateClient();
        foreach (var client in new[] { one, two })
        {
            client.DefaultRequestHeaders.Authorization = new("Bearer", token);
        }
        Assert.Equal(HttpStatusCode.OK, (await one.GetJsonAsync("/api/v1/questionnaires")).Status);
        Assert.Equal(HttpStatusCode.OK, (await two.GetJsonAsync("/api/v1/questionnaires")).Status);
        Assert.Equal(HttpStatusCode.OK, (await one.GetJsonAsync("/api/v1/questionnaires")).Status);
        Assert.Equal(HttpStatusCode.TooManyRequests, (await two.GetJsonAsync("/api/v1/questionnaires")).Status);
        Assert.Equal(HttpStatusCode.TooManyRequests, (await one.GetJsonAsync("/api/v1/questionnaires")).Status);
    }

    [Fact]
    public async Task The_bucket_refills_one_request_every_period_divided_by_its_size()
    {
        var reader = await app.PartnerAsync("beta-reader");
        for (var i = 0; i < 3; i++)
        {
            Assert.Equal(HttpStatusCode.OK, (await reader.GetJsonAsync("/api/v1/questionnaires")).Status);
        }
        Assert.Equal(HttpStatusCode.TooManyRequests, (await reader.GetJsonAsync("/api/v1/questionnaires")).Status);
        app.Clock.Advance(TimeSpan.FromSeconds(1201));
        Assert.Equal(HttpStatusCode.OK, (await reader.GetJsonAsync("/api/v1/questionnaires")).Status);
        Assert.Equal(HttpStatusCode.TooManyRequests, (await reader.GetJsonAsync("/api/v1/questionnaires")).Status);
    }
}

public sealed class RateLimitTestsOnSqlite(TightRateLimitSqliteApp app) : RateLimitTests(app), IClassFixture<TightRateLimitSqliteApp>;

public sealed class RateLimitTestsOnPostgres(TightRateLimitPostgresApp app) : RateLimitTests(app), IClassFixture<TightRateLimitPostgresApp>;
