using System.Security.Claims;
using Assessment.Api.Features.Clients;
using Assessment.Api.Features.Members;
using Assessment.Api.Features.Workspaces;
using Assessment.Api.Identity;
using Mediator;
using Microsoft.AspNetCore.Mvc;

namespace Assessment.Web;

/// <summary>The consultant workspace's forms (notes, tags, settings, team) and the account forms (password reset, invitations), as plain posts.</summary>
public static class ConsultantForms
{
    public static IEndpointRouteBuilder MapConsultantForms(this IEndpointRouteBuilder app)
    {
        var members = app.MapGroup("/app").RequireAuthorization(AccessPolicies.Member).ExcludeFromDescription();
        members.MapPost("/clients/{id:guid}/notes", async (Guid id, [FromForm] string? text, ClaimsPrincipal user, IMediator mediator, CancellationToken ct) =>
        {
            var outcome = await mediator.Send(new AddClientNote(id, ClientEndpoints.MemberId(user), user.FindFirstValue(ClaimTypes.Name) ?? "", text), ct);
            return Back(id, outcome.Failure?.Detail, "note-added");
        });
        members.MapPost("/clients/{id:guid}/tags", async (Guid id, [FromForm] string? tag, IMediator mediator, CancellationToken ct) =>
            Back(id, (await mediator.Send(new AddClientTag(id, tag), ct)).Failure?.Detail, "tag-added"));
        members.MapPost("/clients/{id:guid}/tags/remove", async (Guid id, [FromForm] string? tag, IMediator mediator, CancellationToken ct) =>
            Back(id, (await mediator.Send(new RemoveClientTag(id, tag), ct)).Failure?.Detail, "tag-removed"));

        var admins = app.MapGroup("/app").RequireAuthorization(AccessPolicies.Admin).ExcludeFromDescription();
        admins.MapPost("/settings", async ([FromForm] string? name, [FromForm] string? logoUrl, [FromForm] string? primaryColor, [FromForm] string? accentColor,
            [FromForm] string? callMinutes, IMediator mediator, CancellationToken ct) =>
        {
            var outcome = await mediator.Send(new UpdateWorkspaceSettings(name, logoUrl, primaryColor, accentColor, callMinutes), ct);
            return outcome.Failure is { } failure
                ? Results.LocalRedirect($"/app/settings?error={Uri.EscapeDataString(string.Join(" ", failure.Errors?.SelectMany(e => e.Value) ?? [failure.Detail]))}")
                : Results.LocalRedirect("/app/settings?saved=settings");
        });
        admins.MapPost("/settings/invite", async ([FromForm] string? email, [FromForm] string? role, ClaimsPrincipal user, IMediator mediator, CancellationToken ct) =>
        {
            var outcome = await mediator.Send(new InviteMember(email, role, ClientEndpoints.MemberId(user)), ct);
            return outcome.Failure is { } failure
                ? Results.LocalRedirect($"/app/settings?error={Uri.EscapeDataString(string.Join(" ", failure.Errors?.SelectMany(e => e.Value) ?? [failure.Detail]))}")
                : Results.LocalRedirect($"/app/settings?saved=invited");
        });
        admins.MapPost("/settings/members/{id:guid}/role", async (Guid id, [FromForm] string? role, IMediator mediator, CancellationToken ct) =>
        {
            var outcome = await mediator.Send(new ChangeMemberRole(id, role), ct);
            return outcome.Failure is { } failure
                ? Results.LocalRedirect($"/app/settings?error={Uri.EscapeDataString(failure.Detail)}")
                : Results.LocalRedirect("/app/settings?saved=role");
        });

        app.MapPost("/forgot-password", async ([FromForm] string? email, IMediator mediator, CancellationToken ct) =>
        {
            await mediator.Send(new RequestPasswordReset(email), ct);
            // The same answer whether or not the address has an account.
            return Results.LocalRedirect("/forgot-password?sent=1");
        }).ExcludeFromDescription();
        app.MapPost("/reset-password", async ([FromForm] string? email, [FromForm] string? token, [FromForm] string? password, IMediator mediator, CancellationToken ct) =>
        {
            var outcome = await mediator.Send(new ResetPassword(email, token, password), ct);
            return outcome.Failure is { } failure
                ? Results.LocalRedirect($"/reset-password?email={Uri.EscapeDataString(email ?? "")}&token={Uri.EscapeDataString(token ?? "")}&error={Uri.EscapeDataString(string.Join(" ", failure.Errors?.SelectMany(e => e.Value) ?? [failure.Detail]))}")
                : Results.LocalRedirect("/sign-in?reset=done");
        }).ExcludeFromDescription();
        app.MapPost("/accept-invitation", async ([FromForm] string? token, [FromForm] string? password, IMediator mediator, CancellationToken ct) =>
        {
            var outcome = await mediator.Send(new AcceptInvitation(token, password), ct);
            return outcome.Failure is { } failure
                ? Results.LocalRedirect($"/accept-invitation?token={Uri.EscapeDataString(token ?? "")}&error={Uri.EscapeDataString(string.Join(" ", failure.Errors?.SelectMany(e => e.Value) ?? [failure.Detail]))}")
                : Results.LocalRedirect($"/sign-in?joined=1&email={Uri.EscapeDataString(outcome.Value!.Email)}");
        }).ExcludeFromDescription();
        return app;
    }

    private static IResult Back(Guid id, string? error, string done) => error is null
        ? Results.LocalRedirect($"/app/clients/{id}?done={done}")
        : Results.LocalRedirect($"/app/clients/{id}?error={Uri.EscapeDataString(error)}");
}
