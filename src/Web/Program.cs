using Assessment.Api.Identity;
using Assessment.Api.Webhooks;
using Assessment.Api.Persistence;
using Assessment.Api.Startup;
using Assessment.Web;
using Assessment.Web.Components;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;

var builder = WebApplication.CreateBuilder(args);
builder.AddAssessmentApi();
builder.Services.AddRazorComponents();
builder.Services.AddAssessmentOpenApi();
builder.Services.AddScoped<PublicWorkspace>();
builder.Services.AddScoped<OwnerSession>();
builder.Services.AddScoped<Assessment.Api.Reports.IReportHtmlRenderer, ReportHtml>();

var app = builder.Build();

// `migrate`: apply migrations and provisioning, then exit (for deploys that keep schema changes out of start-up).
var migrateOnly = args.Contains("migrate", StringComparer.OrdinalIgnoreCase);
// The build generates openapi/v1.json by loading this host; that run must not touch a database.
using (var scope = BuildTime.IsGeneratingOpenApiDocument ? null : app.Services.CreateScope())
{
    if (scope is not null)
    {
        var migrate = migrateOnly || scope.ServiceProvider.GetRequiredService<IOptions<DatabaseOptions>>().Value.MigrateOnStart;
        await scope.ServiceProvider.GetRequiredService<DatabaseStartup>().RunAsync(migrate, app.Lifetime.ApplicationStopping);
    }
}
if (migrateOnly)
{
    return;
}

app.UseExceptionHandler();
// Bodiless API errors (401, 404, 405…) become problem details; pages render their own messages.
app.UseWhen(http => http.Request.Path.StartsWithSegments("/api"), api => api.UseStatusCodePages());
if (!app.Environment.IsDevelopment())
{
    app.UseHsts();
}
app.UseAuthentication();
app.UsePartnerRateLimits();
app.UseIdempotencyKeys();
app.UseAuthorization();
app.UseAntiforgery();

app.MapStaticAssets();
app.MapOpenApi("/openapi/{documentName}.json");
app.UseSwaggerUI(o =>
{
    o.RoutePrefix = "swagger";
    o.SwaggerEndpoint("/openapi/v1.json", "Assessment API v1");
    o.DocumentTitle = "Assessment API";
});
app.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false });
app.MapHealthChecks("/health/ready", new HealthCheckOptions { Predicate = c => c.Tags.Contains("ready") });
app.MapAssessmentApi();
app.MapMemberAccount();
app.MapBillingForms();
app.MapConsultantForms();
app.MapOwnerReports();
app.MapOwnerData();
app.MapRazorComponents<App>();

await app.RunAsync();

/// <summary>The host's entry point, visible to the test host.</summary>
public partial class Program;
