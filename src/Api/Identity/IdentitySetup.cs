using Assessment.Api.Persistence;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using OpenIddict.Server;
using OpenIddict.Validation.AspNetCore;

namespace Assessment.Api.Identity;

public static class IdentitySetup
{
    /// <summary>Cookie for browsers, bearer token for partners: chosen per request.</summary>
    public const string Scheme = "member-or-partner";

    public static IServiceCollection AddAssessmentIdentity(this IServiceCollection services, IConfiguration configuration, IHostEnvironment environment)
    {
        services.AddIdentity<Member, IdentityRole<Guid>>(o =>
            {
                o.User.RequireUniqueEmail = true;
                o.Password.RequiredLength = 10;
                o.Lockout.MaxFailedAccessAttempts = 5;
                o.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
            })
            .AddEntityFrameworkStores<AppDbContext>()
            .AddClaimsPrincipalFactory<MemberClaimsFactory>()
            .AddDefaultTokenProviders();

        services.ConfigureApplicationCookie(o =>
        {
            o.Cookie.Name = "assessment.member";
            o.LoginPath = "/sign-in";
            o.LogoutPath = "/sign-out";
            o.AccessDeniedPath = "/sign-in";
            o.SlidingExpiration = true;
            o.ExpireTimeSpan = TimeSpan.FromHours(12);
            o.Events.OnRedirectToLogin = ctx => Deny(ctx, StatusCodes.Status401Unauthorized);
            o.Events.OnRedirectToAccessDenied = ctx => Deny(ctx, StatusCodes.Status403Forbidden);
        });

        services.AddAuthentication(o =>
            {
                o.DefaultScheme = Scheme;
                o.DefaultAuthenticateScheme = Scheme;
                o.DefaultChallengeScheme = Scheme;
                o.DefaultForbidScheme = Scheme;
            })
            .AddPolicyScheme(Scheme, "Member cookie or partner token", o => o.ForwardDefaultSelector = SelectScheme);

        services.AddAuthorizationBuilder().AddScopePolicies();
        services.AddSingleton<IAuthorizationHandler, ScopeRequirementHandler>();

        var requireHttps = configuration.GetValue("Auth:RequireHttps", !environment.IsDevelopment());
        services.AddOpenIddict()
            .AddCore(o => o.UseEntityFrameworkCore().UseDbContext<AppDbContext>().ReplaceDefaultEntities<Guid>())
            .AddServer(o =>
            {
                o.SetTokenEndpointUris("connect/token");
                o.AllowClientCredentialsFlow();
                o.RegisterScopes([.. Scopes.All]);
                o.SetAccessTokenLifetime(TimeSpan.FromHours(1));
                o.DisableAccessTokenEncryption();
                var aspNetCore = o.UseAspNetCore().EnableTokenEndpointPassthrough();
                if (!requireHttps)
                {
                    aspNetCore.DisableTransportSecurityRequirement();
                }
            })
            .AddValidation(o =>
            {
                o.UseLocalServer();
                // Every request checks the token's entry, so revoking a client or its tokens takes effect at once.
                o.EnableTokenEntryValidation();
                o.UseAspNetCore();
            });
        services.AddSingleton<IConfigureOptions<OpenIddictServerOptions>, ServerKeys>();
        services.AddScoped<PartnerClients>();
        return services;
    }

    private static string SelectScheme(HttpContext http)
    {
        var authorization = http.Request.Headers.Authorization.ToString();
        if (authorization.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
        {
            return OpenIddictValidationAspNetCoreDefaults.AuthenticationScheme;
        }
        // An API call without a member's cookie is a partner that forgot its token: answer as the token validator does.
        if (IsApi(http) && !http.Request.Cookies.ContainsKey("assessment.member"))
        {
            return OpenIddictValidationAspNetCoreDefaults.AuthenticationScheme;
        }
        return IdentityConstants.ApplicationScheme;
    }

    private static bool IsApi(HttpContext http) => http.Request.Path.StartsWithSegments("/api", StringComparison.OrdinalIgnoreCase);

    private static Task Deny(Microsoft.AspNetCore.Authentication.RedirectContext<Microsoft.AspNetCore.Authentication.Cookies.CookieAuthenticationOptions> ctx, int status)
    {
        if (IsApi(ctx.HttpContext))
        {
            ctx.Response.StatusCode = status;
            return Task.CompletedTask;
        }
        ctx.Response.Redirect(ctx.RedirectUri);
        return Task.CompletedTask;
    }
}
