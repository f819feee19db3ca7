using System.Net.Http.Headers;
using Assessment.Api.Persistence;
using Duende.IdentityModel.Client;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace Assessment.Testing;

/// <summary>
/// The real host over HTTP, on a database of its own. Two workspaces are provisioned:
/// <c>alpha</c> and <c>beta</c>, each with an admin, a consultant and partner clients.
/// </summary>
public abstract class AssessmentApp(DatabaseProvider provider) : WebApplicationFactory<Program>, IAsyncLifetime
{
    public const string Password = "Test-pass-1";

    public DatabaseProvider Provider { get; } = provider;

    public string ConnectionString { get; private set; } = "";

    /// <summary>The host's clock: real time until a test moves it forward.</summary>
    public TestClock Clock { get; } = new();

    /// <summary>Where the host writes e-mails (the embedded default sender).</summary>
    public string MailDirectory { get; } = Path.Combine(Path.GetTempPath(), $"assessment-mail-{Guid.NewGuid():N}");

    private string? _sqliteFile;

    public async Task InitializeAsync()
    {
        if (Provider == DatabaseProvider.Postgres)
        {
            var server = await PostgresServer.InstanceAsync();
            ConnectionString = await server.CreateDatabaseAsync();
        }
        else
        {
            _sqliteFile = Path.Combine(Path.GetTempPath(), $"assessment-test-{Guid.NewGuid():N}.db");
            ConnectionString = $"Data Source={_sqliteFile}";
        }
        // Start the host now, so every test sees a migrated, provisioned database.
        StartServer();
    }

    Task IAsyncLifetime.DisposeAsync() => DisposeAsync().AsTask();

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        GC.SuppressFinalize(this);
        if (_sqliteFile is not null)
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            File.Delete(_sqliteFile);
        }
    }

    /// <summary>Settings for a host on this app's database; a second host with the same settings shares its state.</summary>
    public IReadOnlyDictionary<string, string?> Settings()
    {
        var settings = new Dictionary<string, string?>
        {
            ["Database:Provider"] = Provider.ToString(),
            [$"ConnectionStrings:{Provider}"] = ConnectionString,
            ["Auth:RequireHttps"] = "false",
            ["Email:PickupDirectory"] = MailDirectory,
            // Tests run the outbox themselves, so they can look at each step.
            ["Outbox:Enabled"] = "false",
            // Workspaces without a subscription get a plan without limits; billing tests use the real free plan.
            ["Billing:Plans:unlimited:Name"] = "Unlimited (tests)",
            ["Billing:Plans:unlimited:PartnerApi"] = "true",
            ["Billing:Plans:unlimited:CustomBranding"] = "true",
            ["Billing:DefaultPlan"] = "unlimited",
        };
        Configure(settings);
        var w = 0;
        foreach (var slug in WorkspaceSlugs)
        {
            var prefix = $"Seed:Workspaces:{w++}:";
            settings[prefix + "Slug"] = slug;
            settings[prefix + "Name"] = $"{slug} advisers";
            settings[prefix + "Members:0:Email"] = $"admin@{slug}.test";
            settings[prefix + "Members:0:Password"] = Password;
            settings[prefix + "Members:0:Role"] = "Admin";
            settings[prefix + "Members:1:Email"] = $"consultant@{slug}.test";
            settings[prefix + "Members:1:Password"] = Password;
            settings[prefix + "Members:1:Role"] = "Consultant";
            settings[prefix + "Members:1:TimeZone"] = "Europe/London";
            settings[prefix + "PartnerClients:0:ClientId"] = $"{slug}-partner";
            settings[prefix + "PartnerClients:0:Secret"] = $"{slug}-partner-secret";
            settings[prefix + "PartnerClients:0:Scopes"] = "";
            settings[prefix + "PartnerClients:1:ClientId"] = $"{slug}-reader";
            settings[prefix + "PartnerClients:1:Secret"] = $"{slug}-reader-secret";
            settings[prefix + "PartnerClients:1:Scopes"] = "assessments:read";
        }
        return settings;
    }

    /// <summary>The workspaces provisioned, each with <c>admin@{slug}.test</c>, <c>consultant@{slug}.test</c> and partner clients.</summary>
    protected virtual IReadOnlyList<string> WorkspaceSlugs => ["alpha", "beta"];

    /// <summary>Lets a variant of the app change settings before the host starts.</summary>
    protected virtual void Configure(Dictionary<string, string?> settings)
    {
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.UseEnvironment("Testing");
        builder.UseStaticWebAssets();
        foreach (var (key, value) in Settings())
        {
            builder.UseSetting(key, value);
        }
        builder.ConfigureServices(services =>
        {
            services.AddSingleton<IStartupFilter, FailingEndpointFilter>();
            services.AddSingleton<TimeProvider>(Clock);
        });
    }

    /// <summary>
    /// Another instance of the service on this app's database, as a second server behind a load balancer or a restart
    /// would be; <paramref name="settings"/> override this app's settings.
    /// </summary>
    public WebApplicationFactory<Program> AnotherInstance(IReadOnlyDictionary<string, string?>? settings = null, bool sameClock = false) =>
        new WebApplicationFactory<Program>().WithWebHostBuilder(b =>
        {
            b.UseEnvironment("Testing");
            foreach (var (key, value) in Settings().Concat(settings ?? new Dictionary<string, string?>()))
            {
                b.UseSetting(key, value);
            }
            if (sameClock)
            {
                b.ConfigureServices(services => services.AddSingleton<TimeProvider>(Clock));
            }
        });

    /// <summary>An HTTP client holding a partner's bearer token.</summary>
    public async Task<HttpClient> PartnerAsync(string clientId, string? scope = null)
    {
        var token = await TokenAsync(clientId, $"{clientId}-secret", scope);
        var client = CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    /// <summary>
    /// A partner token obtained as a partner's OAuth library would: the endpoints are read from the discovery
    /// document, then the client-credentials grant is sent to the token endpoint it names.
    /// </summary>
    public async Task<string> TokenAsync(string clientId, string secret, string? scope = null)
    {
        using var client = CreateClient();
        var discovery = await DiscoveryAsync(client);
        using var request = new ClientCredentialsTokenRequest
        {
            Address = discovery.TokenEndpoint,
            ClientId = clientId,
            ClientSecret = secret,
            Scope = scope,
        };
        var response = await client.RequestClientCredentialsTokenAsync(request);
        Assert.False(response.IsError, $"Token request for {clientId} failed: {response.Error} {response.ErrorDescription}");
        return response.AccessToken!;
    }

    /// <summary>The server's OpenID Connect discovery document, validated by the client library's default policy.</summary>
    public async Task<DiscoveryDocumentResponse> DiscoveryAsync(HttpClient client)
    {
        ArgumentNullException.ThrowIfNull(client);
        var discovery = await client.GetDiscoveryDocumentAsync(client.BaseAddress!.GetLeftPart(UriPartial.Authority));
        Assert.False(discovery.IsError, $"Discovery failed: {discovery.Error}");
        return discovery;
    }

    /// <summary>An HTTP client signed in as a workspace member through the sign-in form (cookie).</summary>
    public async Task<HttpClient> MemberAsync(string email)
    {
        var client = CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
        var page = await client.GetStringAsync(new Uri("/sign-in", UriKind.Relative));
        var token = AntiforgeryToken(page);
        using var response = await client.PostAsync(new Uri("/sign-in", UriKind.Relative), new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["email"] = email,
            ["password"] = Password,
            ["returnUrl"] = "/app",
            ["__RequestVerificationToken"] = token,
        }));
        Assert.Equal("/app", response.Headers.Location?.OriginalString);
        return client;
    }

    public static string AntiforgeryToken(string html)
    {
        var match = System.Text.RegularExpressions.Regex.Match(html, "name=\"__RequestVerificationToken\" value=\"([^\"]+)\"");
        Assert.True(match.Success, "The page has no antiforgery token.");
        return System.Net.WebUtility.HtmlDecode(match.Groups[1].Value);
    }

    /// <summary>Adds <c>GET /test/fail</c>, which throws, to prove how unexpected errors are answered.</summary>
    private sealed class FailingEndpointFilter : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            next(app);
            app.Use((HttpContext http, RequestDelegate _) => http.Request.Path == "/test/fail"
                ? throw new InvalidOperationException("Secret internal detail that must not leak")
                : Task.CompletedTask);
        };
    }
}

/// <summary>A clock that follows real time, shifted by however far a test has moved it.</summary>
public sealed class TestClock : TimeProvider
{
    private TimeSpan _offset;

    public override DateTimeOffset GetUtcNow() => base.GetUtcNow() + _offset;

    public void Advance(TimeSpan by) => _offset += by;
}

public sealed class SqliteApp() : AssessmentApp(DatabaseProvider.Sqlite);

public sealed class PostgresApp() : AssessmentApp(DatabaseProvider.Postgres);
