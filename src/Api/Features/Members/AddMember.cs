using System.ComponentModel.DataAnnotations;
using Assessment.Api.Billing;
using Assessment.Api.Identity;
using Assessment.Api.Persistence;
using Assessment.Api.Problems;
using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Routing;

namespace Assessment.Api.Features.Members;

public sealed record AddMemberRequest(string? Email, string? Password, string? Role);

public sealed record MemberDocument(Guid Id, string Email, string Role);

/// <summary>An admin adds a member (admin or consultant) to their workspace, within the plan's seats.</summary>
public sealed record AddMember(string? Email, string? Password, string? Role) : ICommand<Outcome<MemberDocument>>;

public sealed class AddMemberHandler(AppDbContext db, UserManager<Member> members, WorkspaceScope workspace, WorkspacePlans plans)
    : ICommandHandler<AddMember, Outcome<MemberDocument>>
{
    public async ValueTask<Outcome<MemberDocument>> Handle(AddMember command, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(command);
        var email = command.Email?.Trim();
        var errors = await NewMember.CheckAsync(email, command.Role, members);
        if (string.IsNullOrEmpty(command.Password))
        {
            errors["password"] = ["A password is required."];
        }
        if (errors.Count > 0)
        {
            return Failure.Invalid("The member could not be added.", errors);
        }

        // The account and its role, or neither; and no other member added between counting the seats and adding this one.
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var current = await plans.CurrentAsync(cancellationToken);
        if (current.Plan.Entitlements.ConsultantSeats is { } seats)
        {
            await plans.LockMembersAsync(cancellationToken);
            if (await plans.SeatsUsedAsync(cancellationToken) >= seats)
            {
                return BillingFailures.SeatLimitReached(current.Plan, seats);
            }
        }
        var member = new Member { UserName = email, Email = email, EmailConfirmed = true, WorkspaceId = workspace.Id };
        var created = await members.CreateAsync(member, command.Password!);
        if (!created.Succeeded)
        {
            var field = created.Errors.All(e => e.Code.StartsWith("Password", StringComparison.Ordinal)) ? "password" : "email";
            return Failure.Invalid("The member could not be added.", new Dictionary<string, string[]>
            {
                [field] = [.. created.Errors.Select(e => e.Description)],
            });
        }
        var added = await members.AddToRoleAsync(member, command.Role!);
        if (!added.Succeeded)
        {
            throw new InvalidOperationException($"Adding {email} to {command.Role} failed: {string.Join(" ", added.Errors.Select(e => e.Description))}");
        }
        await transaction.CommitAsync(cancellationToken);
        return new MemberDocument(member.Id, email!, command.Role!);
    }
}

public static class MemberEndpoints
{
    public static IEndpointRouteBuilder MapMembers(this IEndpointRouteBuilder app)
    {
        app.MapGroup("/api/v1/members").WithTags("Members")
            .MapPost("/", async Task<Results<Created<MemberDocument>, ProblemHttpResult>> (AddMemberRequest request, IMediator mediator, CancellationToken ct) =>
            {
                var outcome = await mediator.Send(new AddMember(request.Email, request.Password, request.Role), ct);
                return outcome.Failure is { } failure
                    ? failure.ToProblem()
                    : TypedResults.Created($"/api/v1/members/{outcome.Value!.Id}", outcome.Value);
            })
            .RequireAuthorization(AccessPolicies.Admin)
            .WithName(nameof(AddMember))
            .WithSummary("Add a member (Admin or Consultant) with a password. Admins only; every member takes one of the plan's seats.")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status403Forbidden);
        return app;
    }
}

/// <summary>The checks every way of adding a member makes: a valid, unused e-mail address and a known role.</summary>
internal static class NewMember
{
    private static readonly EmailAddressAttribute EmailFormat = new();

    public static async Task<Dictionary<string, string[]>> CheckAsync(string? email, string? role, UserManager<Member> members)
    {
        var errors = new Dictionary<string, string[]>();
        if (string.IsNullOrEmpty(email) || email.Length > 256 || !EmailFormat.IsValid(email))
        {
            errors["email"] = [string.IsNullOrEmpty(email) ? "An e-mail address is required." : $"'{email}' is not an e-mail address."];
        }
        else if (await members.FindByEmailAsync(email) is not null)
        {
            errors["email"] = [$"{email} already has an account."];
        }
        if (role is null || !Roles.All.Contains(role))
        {
            errors["role"] = [$"The role must be one of {string.Join(", ", Roles.All)}."];
        }
        return errors;
    }
}
