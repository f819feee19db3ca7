using System.Net;
using Assessment.Api.Identity;
using Assessment.Api.Persistence;
using Assessment.Api.Startup;
using Assessment.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using OpenIddict.Abstractions;

namespace Assessment.Api.Tests.Platform;

public abstract class PlatformTests(AssessmentApp app)
{
    [Fact]
    public async Task The_database_is_the_configured_engine()
    {
        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        if (app.Provider == DatabaseProvider.Postgres)
        {
            var version = await db.Database.SqlQueryRaw<string>("SELECT version() AS \"Value\"").SingleAsync();
            Assert.StartsWith("PostgreSQL ", version, StringComparison.Ordinal);
            Assert.IsType<PostgresAppDbContext>(db);
        }
        else
        {
            var version = await db.Database.SqlQueryRaw<string>("SELECT sqlite_version() AS \"Value\"").SingleAsync();
            Assert.Matches(@"^3\.\d+", version);
            Assert.IsType<SqliteAppDbContext>(db);
        }
    }

    [Fact]
    public void Migrations_cover_the_whole_model()
    {
        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        Assert.False(db.Database.HasPendingModelChanges(), $"The {app.Provider} model has changes without a migration: add one (see README).");
        Assert.Empty(db.Database.GetPendingMigrations());
    }

    [Fact]
    public async Task Unreadable_parameters_and_bodies_are_validation_problems_named_in_the_callers_terms()
    {
        var partner = await app.PartnerAsync("alpha-partner");
        var cases = new (HttpMethod Method, string Path, string? Body, string Field, string Says)[]
        {
            (HttpMethod.Get, "/api/v1/bookings?limit=many", null, "limit", "“many” is not a whole number."),
            (HttpMethod.Get, "/api/v1/bookings?from=tomorrow", null, "from", "“tomorrow” is not a date and time"),
            (HttpMethod.Get, "/api/v1/bookings?consultantId=bob", null, "consultantId", "“bob” is not an id"),
            (HttpMethod.Post, "/api/v1/assessments", """{"questionnaireKey": 5}""", "questionnaireKey", "wrong type"),
            (HttpMethod.Post, "/api/v1/assessments", "{not json", "body", "Send a JSON object."),
            (HttpMethod.Post, "/api/v1/bookings", "", "body", "Send a JSON object."),
        };
        foreach (var (method, path, body, field, says) in cases)
        {
            using var request = new HttpRequestMessage(method, Http.Url(path));
            if (body is not null)
            {
                request.Content = new StringContent(body, System.Text.Encoding.UTF8, "application/json");
            }
            using var response = await partner.SendAsync(request);
            var text = await response.Content.ReadAsStringAsync();
            Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"{method} {path}: {response.StatusCode} {text}");
            var problem = System.Text.Json.JsonDocument.Parse(text).RootElement;
            Assert.Equal("/problems/validation", problem.GetProperty("type").GetString());
            var listed = problem.TryGetProperty("errors", out var errors) && errors.TryGetProperty(field, out var named) ? named : default;
            Assert.True(listed.ValueKind == System.Text.Json.JsonValueKind.Array, $"{method} {path}: {text}");
            var messages = listed.EnumerateArray().Select(e => e.GetString()).ToList();
            Assert.Contains(messages, m => m!.Contains(says, StringComparison.Ordinal));
            Assert.DoesNotContain("Assessment.", text, StringComparison.Ordinal);
            Assert.DoesNotContain("Nullable", text, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Health_endpoints_report_live_and_ready()
    {
        using var client = app.CreateClient();
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(Http.Url("/health/live"))).StatusCode);
        using var ready = await client.GetAsync(Http.Url("/health/ready"));
        Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
        Assert.Equal("Healthy", await ready.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Unexpected_errors_are_a_500_problem_without_internals()
    {
        using var client = app.CreateClient();
        using var response = await client.GetAsync(Http.Url("/test/fail"));
        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var body = await response.Content.ReadAsStringAsync();
        Assert.Contains("\"traceId\"", body, StringComparison.Ordinal);
        Assert.Contains("/problems/unexpected", body, StringComparison.Ordinal);
        Assert.DoesNotContain("Secret internal detail", body, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Provisioning_twice_changes_nothing()
    {
        using var scope = app.Services.CreateScope();
        var services = scope.ServiceProvider;
        var db = services.GetRequiredService<AppDbContext>();
        var before = (await db.Workspaces.CountAsync(), await db.Users.CountAsync(), await db.UserRoles.CountAsync());

        await services.GetRequiredService<DatabaseStartup>().RunAsync(migrate: true, CancellationToken.None);
        await services.GetRequiredService<DatabaseStartup>().RunAsync(migrate: true, CancellationToken.None);

        Assert.Equal(before, (await db.Workspaces.CountAsync(), await db.Users.CountAsync(), await db.UserRoles.CountAsync()));
        var applications = services.GetRequiredService<IOpenIddictApplicationManager>();
        Assert.Equal(4, await applications.CountAsync());
        var client = await applications.FindByClientIdAsync("alpha-partner");
        Assert.NotNull(client);
        Assert.True(await applications.ValidateClientSecretAsync(client, "alpha-partner-secret"));
        var stored = await db.Set<OpenIddict.EntityFrameworkCore.Models.OpenIddictEntityFrameworkCoreApplication<Guid>>()
            .Where(a => a.ClientId == "alpha-partner").Select(a => a.ClientSecret).SingleAsync();
        Assert.DoesNotContain("alpha-partner-secret", stored, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Tokens_stay_valid_after_a_restart()
    {
        var token = await app.TokenAsync("alpha-partner", "alpha-partner-secret");
        await using var restarted = app.AnotherInstance();
        using var client = restarted.CreateClient();
        client.DefaultRequestHeaders.Authorization = new("Bearer", token);
        Assert.Equal(HttpStatusCode.OK, (await client.GetJsonAsync("/api/v1/questionnaires")).Status);
    }

    [Fact]
    public async Task Swagger_ui_and_the_openapi_document_are_served()
    {
        using var client = app.CreateClient();
        var document = await client.GetStringAsync(Http.Url("/openapi/v1.json"));
        Assert.Contains("\"openapi\": \"3.1", document, StringComparison.Ordinal);
        Assert.Contains("clientCredentials", document, StringComparison.Ordinal);
        var ui = await client.GetStringAsync(Http.Url("/swagger/index.html"));
        Assert.Contains("swagger-ui", ui, StringComparison.Ordinal);
    }

    [Fact]
    public void Every_scope_is_known_to_the_token_server()
    {
        var options = app.Services.GetRequiredService<IOptionsMonitor<OpenIddict.Server.OpenIddictServerOptions>>().CurrentValue;
        Assert.Superset(Scopes.All.ToHashSet(), options.Scopes.ToHashSet());
        Assert.NotEmpty(options.SigningCredentials);
    }
}

public sealed class PlatformTestsOnSqlite(SqliteApp app) : PlatformTests(app), IClassFixture<SqliteApp>;

public sealed class PlatformTestsOnPostgres(PostgresApp app) : PlatformTests(app), IClassFixture<PostgresApp>;
