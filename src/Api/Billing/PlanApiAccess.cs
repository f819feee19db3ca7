using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace Assessment.Api.Billing;

/// <summary>
/// A partner's bearer token works only for a workspace whose plan includes API access; every <c>/api/v1</c> call with one is
/// refused otherwise. Members' cookies are not affected: the browser app is part of every plan.
/// </summary>
public sealed class PlanApiAccessFilter : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);
        var http = context.HttpContext;
        if (http.User.Identity?.IsAuthenticated == true
            && http.Request.Headers.Authorization.ToString().StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
        {
            var current = await http.RequestServices.GetRequiredService<WorkspacePlans>().CurrentAsync(http.RequestAborted);
            if (!current.Plan.Entitlements.PartnerApi)
            {
                return BillingFailures.ApiAccessNotInPlan(current.Plan).ToProblem();
            }
        }
        return await next(context);
    }
}
