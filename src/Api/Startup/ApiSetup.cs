using Assessment.Api.Billing;
using Assessment.Api.Features.Assessments;
using Assessment.Api.Features.Billing;
using Assessment.Api.Features.Clients;
using Assessment.Api.Features.Members;
using Assessment.Api.Features.Questionnaires;
using Assessment.Api.Features.Sharing;
using Assessment.Api.Features.Bookings;
using Assessment.Api.Features.Partners;
using Assessment.Api.Identity;
using Assessment.Api.Outbox;
using Assessment.Api.Persistence;
using Assessment.Api.Problems;
using Assessment.Domain.Questionnaires;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Assessment.Api.Startup;

public static class ApiSetup
{
    /// <summary>Registers everything behind the API: database, identity, OAuth2 server, use cases, problem details.</summary>
    public static IHostApplicationBuilder AddAssessmentApi(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var services = builder.Services;
        var configuration = builder.Configuration;

        services.AddSingleton(TimeProvider.System);
        services.AddHttpContextAccessor();
        services.AddScoped<WorkspaceScope>();
        services.AddSingleton(QuestionnaireCatalog.BuiltIn);
        services.Configure<DatabaseOptions>(configuration.GetSection(DatabaseOptions.Section));
        services.Configure<SeedOptions>(configuration.GetSection(SeedOptions.Section));

        var provider = configuration.GetValue(DatabaseOptions.Section + ":Provider", DatabaseProvider.Sqlite);
        var connectionString = ConnectionString(configuration, builder.Environment, provider);
        _ = provider switch
        {
            DatabaseProvider.Sqlite => services.AddDbContext<AppDbContext, SqliteAppDbContext>(o => Database.Configure(o, provider, connectionString)),
            _ => services.AddDbContext<AppDbContext, PostgresAppDbContext>(o => Database.Configure(o, provider, connectionString)),
        };

        var dataProtection = services.AddDataProtection().SetApplicationName("Assessment");
        if (!BuildTime.IsGeneratingOpenApiDocument)
        {
            dataProtection.PersistKeysToDbContext<AppDbContext>();
        }
        services.AddAssessmentIdentity(configuration, builder.Environment);
        services.AddAssessmentProblems();
        services.AddPartnerRateLimits(configuration);
        services.AddMediator(o => o.ServiceLifetime = ServiceLifetime.Scoped);
        services.AddScoped<Provisioning>();
        services.AddScoped<BenchmarkStore>();
        services.AddScoped<Reports.ReportViews>();
        services.AddScoped<Reports.ShareTokens>();
        services.AddScoped<Reports.PublicUrls>();
        services.AddScoped<Scheduling.CallScheduler>();
        services.AddScoped<Scheduling.OwnerBookingLinks>();
        services.AddScoped<Scheduling.OwnerErasure>();
        services.Configure<EmailOptions>(configuration.GetSection(EmailOptions.Section));
        services.Configure<OutboxOptions>(configuration.GetSection(OutboxOptions.Section));
        if (string.IsNullOrEmpty(configuration["Email:Smtp:Host"]))
        {
            services.AddSingleton<IEmailSender, FileEmailSender>();
        }
        else
        {
            services.AddSingleton<IEmailSender, SmtpEmailSender>();
        }
        services.AddScoped<OutboxProcessor>();
        services.AddScoped<IDueWork>(sp => sp.GetRequiredService<OutboxProcessor>());
        services.AddScoped<Webhooks.WebhookPublisher>();
        services.AddScoped<Webhooks.WebhookDeliverer>();
        services.AddScoped<IDueWork>(sp => sp.GetRequiredService<Webhooks.WebhookDeliverer>());
        services.AddScoped<IDueWork, Webhooks.IdempotencyCleanup>();
        services.AddHttpClient(Webhooks.WebhookDeliverer.HttpClientName, c => c.Timeout = TimeSpan.FromSeconds(10));
        services.AddOptions<BillingOptions>().Bind(configuration.GetSection(BillingOptions.Section))
            .Validate(o => o.Plans.ContainsKey(o.DefaultPlan), "Billing:DefaultPlan must name one of Billing:Plans.").ValidateOnStart();
        services.Configure<StripeOptions>(configuration.GetSection(StripeOptions.Section));
        services.AddSingleton<PlanCatalog>();
        services.AddSingleton<StripeGateway>();
        services.AddScoped<WorkspacePlans>();
        services.AddScoped<StripeEventHandler>();
        services.AddScoped<StripeEventProcessor>();
        services.AddScoped<IDueWork>(sp => sp.GetRequiredService<StripeEventProcessor>());
        if (!BuildTime.IsGeneratingOpenApiDocument)
        {
            services.AddHostedService<OutboxWorker>();
        }
        services.AddScoped<DatabaseStartup>();
        services.AddHealthChecks().AddCheck<DatabaseReadyCheck>("database", tags: ["ready"]);
        services.ConfigureHttpJsonOptions(o => ApiJson.Configure(o.SerializerOptions));
        // Unreadable bodies reach the exception handler in every environment, which answers with a problem naming the cause.
        services.Configure<Microsoft.AspNetCore.Routing.RouteHandlerOptions>(o => o.ThrowOnBadRequest = true);
        return builder;
    }

    /// <summary>The API's routes: OAuth2 token endpoint and <c>/api/v1</c>.</summary>
    public static IEndpointRouteBuilder MapAssessmentApi(this IEndpointRouteBuilder app)
    {
        app.MapTokenEndpoint();
        app.MapStripeWebhook();
        // Every /api/v1 operation: a partner's token needs a plan with API access.
        var api = app.MapGroup("").AddEndpointFilter<PlanApiAccessFilter>();
        api.MapQuestionnaires();
        api.MapQuestionnaireStatistics();
        api.MapAssessments();
        api.MapShareLinks();
        api.MapBookings();
        api.MapPartnerClients();
        api.MapWebhookEndpoints();
        api.MapMembers();
        api.MapBilling();
        api.MapClients();
        return app;
    }

    private static string ConnectionString(IConfiguration configuration, IHostEnvironment environment, DatabaseProvider provider)
    {
        if (provider == DatabaseProvider.Postgres)
        {
            return configuration.GetConnectionString("Postgres")
                ?? throw new InvalidOperationException("Database:Provider is Postgres but ConnectionStrings:Postgres is not set.");
        }
        if (configuration.GetConnectionString("Sqlite") is { Length: > 0 } sqlite)
        {
            return sqlite;
        }
        var folder = Path.Combine(environment.ContentRootPath, "data");
        Directory.CreateDirectory(folder);
        return $"Data Source={Path.Combine(folder, "assessment.db")}";
    }
}
