using Assessment.Api.Features.Billing;
using Assessment.Api.Identity;
using Mediator;
using Microsoft.AspNetCore.Mvc;

namespace Assessment.Web;

/// <summary>The billing page's buttons: create the Stripe session, then send the browser there.</summary>
public static class BillingForms
{
    public static IEndpointRouteBuilder MapBillingForms(this IEndpointRouteBuilder app)
    {
        app.MapPost("/app/billing/checkout", async ([FromForm] string? plan, IMediator mediator, CancellationToken ct) =>
                Redirect(await mediator.Send(new StartCheckout(plan), ct)))
            .RequireAuthorization(AccessPolicies.Admin)
            .ExcludeFromDescription();

        // The form field makes the endpoint check the antiforgery token, like every form post.
        app.MapPost("/app/billing/portal", async ([FromForm] string? intent, IMediator mediator, CancellationToken ct) =>
                Redirect(await mediator.Send(new OpenBillingPortal(), ct)))
            .RequireAuthorization(AccessPolicies.Admin)
            .ExcludeFromDescription();
        return app;
    }

    private static IResult Redirect(Assessment.Api.Problems.Outcome<BillingRedirect> outcome) => outcome.Failure is { } failure
        ? Results.LocalRedirect($"/app/billing?error={Uri.EscapeDataString(failure.Detail)}")
        : Results.Redirect(outcome.Value!.Url);
}
