using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Assessment.Testing;
using Duende.IdentityModel.Client;

namespace Assessment.Api.Tests.Identity;

public abstract class AccessTests(AssessmentApp app)
{
    [Fact]
    public async Task Api_without_a_token_is_401_with_a_bearer_challenge_and_a_problem()
    {
        using var client = app.CreateClient();
        using var response = await client.GetAsync(Http.Url("/api/v1/questionnaires"));
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.StartsWith("Bearer", response.Headers.WwwAuthenticate.ToString(), StringComparison.Ordinal);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Api_with_a_forged_token_is_401_invalid_token()
    {
        using var client = app.CreateClient();
        client.DefaultRequestHeaders.Authorization = new("Bearer", "eyJhbGciOiJub25lIn0.eyJzdWIiOiJ4In0.");
        using var response = await client.GetAsync(Http.Url("/api/v1/questionnaires"));
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Contains("invalid_token", response.Headers.WwwAuthenticate.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Api_with_an_expired_token_is_401_invalid_token()
    {
        var token = await app.TokenAsync("alpha-partner", "alpha-partner-secret");
        using var client = app.CreateClient();
        client.DefaultRequestHeaders.Authorization = new("Bearer", token);
        Assert.Equal(HttpStatusCode.OK, (await client.GetJsonAsync("/api/v1/questionnaires")).Status);

        // Tokens live an hour.
        app.Clock.Advance(TimeSpan.FromMinutes(61));
        using var response = await client.GetAsync(Http.Url("/api/v1/questionnaires"));
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Contains("invalid_token", response.Headers.WwwAuthenticate.ToString(), StringComparison.Ordinal);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Token_without_the_scope_is_403()
    {
        var reader = await app.PartnerAsync("alpha-reader");
        Assert.Equal(HttpStatusCode.OK, (await reader.GetJsonAsync("/api/v1/questionnaires")).Status);
        var refused = await reader.PostJsonAsync("/api/v1/assessments", new { questionnaireKey = "owner-time" });
        Assert.Equal(HttpStatusCode.Forbidden, refused.Status);
        Assert.Equal(403, refused.Body.GetProperty("status").GetInt32());
    }

    [Fact]
    public async Task Discovery_document_names_the_token_endpoint_the_grant_and_every_scope()
    {
        using var client = app.CreateClient();
        var discovery = await app.DiscoveryAsync(client);
        Assert.Equal(new Uri(client.BaseAddress!, "/connect/token"), new Uri(discovery.TokenEndpoint!));
        Assert.Contains("client_credentials", discovery.GrantTypesSupported);
        foreach (var scope in new[] { "assessments:read", "assessments:write", "reports:read", "bookings:read", "bookings:write", "webhooks:manage" })
        {
            Assert.Contains(scope, discovery.ScopesSupported);
        }
        Assert.NotEmpty(discovery.KeySet!.Keys);
    }

    [Fact]
    public async Task Token_from_the_client_library_with_a_wrong_secret_is_invalid_client()
    {
        using var client = app.CreateClient();
        var discovery = await app.DiscoveryAsync(client);
        using var request = new ClientCredentialsTokenRequest { Address = discovery.TokenEndpoint, ClientId = "alpha-partner", ClientSecret = "guess" };
        var response = await client.RequestClientCredentialsTokenAsync(request);
        // The library sends the secret in the Basic header, so a wrong one is a 401 with the OAuth error in the body.
        Assert.True(response.IsError);
        Assert.Equal(HttpStatusCode.Unauthorized, response.HttpStatusCode);
        Assert.Contains("invalid_client", response.Raw, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Token_request_with_a_wrong_secret_is_refused()
    {
        using var client = app.CreateClient();
        using var response = await client.PostAsync(Http.Url("/connect/token"), new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "client_credentials",
            ["client_id"] = "alpha-partner",
            ["client_secret"] = "guess",
        }));
        Assert.False(response.IsSuccessStatusCode);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("invalid_client", body.GetProperty("error").GetString());
    }

    [Fact]
    public async Task Token_request_for_a_scope_the_client_does_not_hold_is_refused()
    {
        using var client = app.CreateClient();
        using var response = await client.PostAsync(Http.Url("/connect/token"), new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "client_credentials",
            ["client_id"] = "alpha-reader",
            ["client_secret"] = "alpha-reader-secret",
            ["scope"] = "assessments:write",
        }));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("invalid_request", body.GetProperty("error").GetString());
        Assert.Contains("scope", body.GetProperty("error_description").GetString(), StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Token_limited_to_a_requested_scope_cannot_write()
    {
        var client = await app.PartnerAsync("alpha-partner", scope: "assessments:read");
        Assert.Equal(HttpStatusCode.Forbidden, (await client.PostJsonAsync("/api/v1/assessments", new { questionnaireKey = "owner-time" })).Status);
    }

    [Fact]
    public async Task Member_cookie_reaches_the_api_of_their_own_workspace_only()
    {
        var partner = await app.PartnerAsync("alpha-partner");
        var id = (await partner.PostJsonAsync("/api/v1/assessments", new { questionnaireKey = "owner-time" })).Body.GetProperty("id").GetString();

        var alphaConsultant = await app.MemberAsync("consultant@alpha.test");
        Assert.Equal(HttpStatusCode.OK, (await alphaConsultant.GetJsonAsync($"/api/v1/assessments/{id}")).Status);
        var started = await alphaConsultant.PostJsonAsync("/api/v1/assessments", new { questionnaireKey = "owner-time" });
        Assert.Equal(HttpStatusCode.Created, started.Status);

        var betaAdmin = await app.MemberAsync("admin@beta.test");
        Assert.Equal(HttpStatusCode.NotFound, (await betaAdmin.GetJsonAsync($"/api/v1/assessments/{id}")).Status);
    }

    [Fact]
    public async Task Sign_in_with_a_wrong_password_returns_to_the_form_with_a_message()
    {
        using var client = app.CreateClient(new() { AllowAutoRedirect = false });
        var token = AssessmentApp.AntiforgeryToken(await client.GetStringAsync(Http.Url("/sign-in")));
        using var response = await client.PostAsync(Http.Url("/sign-in"), new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["email"] = "admin@alpha.test",
            ["password"] = "wrong-password",
            ["__RequestVerificationToken"] = token,
        }));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/sign-in?error=invalid", response.Headers.Location?.OriginalString, StringComparison.Ordinal);
        var page = await client.GetStringAsync(response.Headers.Location);
        Assert.Contains("do not match", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Members_pages_redirect_anonymous_visitors_to_sign_in()
    {
        using var client = app.CreateClient(new() { AllowAutoRedirect = false });
        using var response = await client.GetAsync(Http.Url("/app"));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/sign-in", response.Headers.Location?.PathAndQuery ?? response.Headers.Location?.OriginalString, StringComparison.Ordinal);
    }
}

public sealed class AccessTestsOnSqlite(SqliteApp app) : AccessTests(app), IClassFixture<SqliteApp>;

public sealed class AccessTestsOnPostgres(PostgresApp app) : AccessTests(app), IClassFixture<PostgresApp>;
