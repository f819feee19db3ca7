using System.Net;
using System.Security.Cryptography;
using Assessment.Api.Billing;
using Assessment.Api.Identity;
using Assessment.Api.Outbox;
using Assessment.Api.Persistence;
using Assessment.Api.Problems;
using Assessment.Api.Reports;
using Assessment.Api.Scheduling;
using Assessment.Domain.Workspaces;
using Mediator;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Assessment.Api.Features.Members;

/// <summary>Sends a password-reset link when the address has an account; says nothing either way.</summary>
public sealed record RequestPasswordReset(string? Email) : ICommand;

/// <summary>Sets a new password with the token from the reset e-mail.</summary>
public sealed record ResetPassword(string? Email, string? Token, string? Password) : ICommand<Outcome<bool>>;

/// <summary>An admin invites someone by e-mail to join the workspace with a role.</summary>
public sealed record InviteMember(string? Email, string? Role, Guid InvitedBy) : ICommand<Outcome<InvitationDocument>>;

/// <summary>The invitee chooses a password and becomes a member (within the plan's seats).</summary>
public sealed record AcceptInvitation(string? Token, string? Password) : ICommand<Outcome<MemberDocument>>;

/// <summary>An admin changes a member's role; the workspace always keeps at least one admin.</summary>
public sealed record ChangeMemberRole(Guid MemberId, string? Role) : ICommand<Outcome<MemberDocument>>;

public sealed record InvitationDocument(Guid Id, string Email, string Role, DateTimeOffset ExpiresAt);

public sealed record MemberListItem(Guid Id, string Email, string Role);

public sealed record ListMembers : IQuery<IReadOnlyList<MemberListItem>>;

public static class MemberAccessFailures
{
    public static Failure LastAdmin { get; } = new(StatusCodes.Status409Conflict, ProblemTypes.LastAdmin, "The workspace needs an admin",
        "This member is the workspace's only admin; make someone else an admin first.");

    public static Failure InvitationGone { get; } = new(StatusCodes.Status410Gone, ProblemTypes.LinkGone, "The invitation is no longer valid",
        "The invitation has expired or was already accepted. Ask an admin for a new one.");
}

public sealed class MemberAccessHandlers(AppDbContext db, UserManager<Member> members, WorkspaceScope workspace, TimeProvider clock, PublicUrls urls, IMediator mediator,
    WorkspacePlans plans)
    : ICommandHandler<RequestPasswordReset>, ICommandHandler<ResetPassword, Outcome<bool>>, ICommandHandler<InviteMember, Outcome<InvitationDocument>>,
        ICommandHandler<AcceptInvitation, Outcome<MemberDocument>>, ICommandHandler<ChangeMemberRole, Outcome<MemberDocument>>,
        IQueryHandler<ListMembers, IReadOnlyList<MemberListItem>>
{
    public async ValueTask<Unit> Handle(RequestPasswordReset command, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(command);
        var email = command.Email?.Trim();
        if (string.IsNullOrEmpty(email) || await members.FindByEmailAsync(email) is not { } member)
        {
            return Unit.Value;
        }
        var token = await members.GeneratePasswordResetTokenAsync(member);
        var link = $"{urls.Base}/reset-password?email={Uri.EscapeDataString(member.Email!)}&token={Uri.EscapeDataString(token)}";
        db.Outbox.Add(OutboxMessage.Email(member.WorkspaceId, new EmailMessage(member.Email!, "Reset your Assessment password",
            $"Someone asked to reset the password of your Assessment account. To choose a new one, open:\n\n{link}\n\nIf it was not you, ignore this e-mail: your password stays as it is.",
            $"<p>Someone asked to reset the password of your Assessment account.</p><p><a href=\"{WebUtility.HtmlEncode(link)}\">Choose a new password</a></p><p>If it was not you, ignore this e-mail: your password stays as it is.</p>"),
            clock.GetUtcNow()));
        await db.SaveChangesAsync(cancellationToken);
        return Unit.Value;
    }

    public async ValueTask<Outcome<bool>> Handle(ResetPassword command, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(command);
        var invalid = Failure.Invalid("token", "The reset link is not valid or has expired. Ask for a new one.");
        if (string.IsNullOrWhiteSpace(command.Email) || string.IsNullOrEmpty(command.Token) || await members.FindByEmailAsync(command.Email.Trim()) is not { } member)
        {
            return invalid;
        }
        if (string.IsNullOrEmpty(command.Password))
        {
            return Failure.Invalid("password", "A password is required.");
        }
        var reset = await members.ResetPasswordAsync(member, command.Token, command.Password);
        if (!reset.Succeeded)
        {
            return reset.Errors.Any(e => e.Code == "InvalidToken")
                ? invalid
                : Failure.Invalid("The password was not accepted.", new Dictionary<string, string[]> { ["password"] = [.. reset.Errors.Select(e => e.Description)] });
        }
        // A reset also ends a lockout.
        await members.SetLockoutEndDateAsync(member, null);
        await members.ResetAccessFailedCountAsync(member);
        return true;
    }

    public async ValueTask<Outcome<InvitationDocument>> Handle(InviteMember command, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(command);
        var email = command.Email?.Trim();
        var errors = await NewMember.CheckAsync(email, command.Role, members);
        if (errors.Count > 0)
        {
            return Failure.Invalid("The invitation could not be sent.", errors);
        }
        // Refused early when every seat is taken; accepting checks again, as adding a member does.
        var current = await plans.CurrentAsync(cancellationToken);
        if (current.Plan.Entitlements.ConsultantSeats is { } seats && await plans.SeatsUsedAsync(cancellationToken) >= seats)
        {
            return BillingFailures.SeatLimitReached(current.Plan, seats);
        }
        var now = clock.GetUtcNow();
        var token = System.Buffers.Text.Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(32));
        var invitation = MemberInvitation.Create(workspace.Id, email!, command.Role!, CallScheduler.Hash(token), command.InvitedBy, now);
        var name = await db.Workspaces.AsNoTracking().Where(w => w.Id == workspace.Id).Select(w => w.Name).SingleAsync(cancellationToken);
        var link = $"{urls.Base}/accept-invitation?token={Uri.EscapeDataString(token)}";
        db.MemberInvitations.Add(invitation);
        db.Outbox.Add(OutboxMessage.Email(workspace.Id, new EmailMessage(email!, $"Join {name} on Assessment",
            $"You are invited to join {name} on Assessment as {invitation.Role.ToLowerInvariant()}. To accept and choose your password, open:\n\n{link}\n\nThe link works for 7 days.",
            $"<p>You are invited to join {WebUtility.HtmlEncode(name)} on Assessment as {invitation.Role.ToLowerInvariant()}.</p><p><a href=\"{WebUtility.HtmlEncode(link)}\">Accept and choose your password</a></p><p>The link works for 7 days.</p>"),
            now));
        await db.SaveChangesAsync(cancellationToken);
        return new InvitationDocument(invitation.Id, invitation.Email, invitation.Role, invitation.ExpiresAt);
    }

    public async ValueTask<Outcome<MemberDocument>> Handle(AcceptInvitation command, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(command);
        if (string.IsNullOrEmpty(command.Token))
        {
            return MemberAccessFailures.InvitationGone;
        }
        var hash = CallScheduler.Hash(command.Token);
        var invitation = await db.MemberInvitations.IgnoreQueryFilters().SingleOrDefaultAsync(i => i.TokenHash == hash, cancellationToken);
        var now = clock.GetUtcNow();
        if (invitation is null || !invitation.IsOpen(now))
        {
            return MemberAccessFailures.InvitationGone;
        }
        workspace.Use(invitation.WorkspaceId);
        // The same checks as an admin adding a member: the address, the password rules and the plan's seats.
        var added = await mediator.Send(new AddMember(invitation.Email, command.Password, invitation.Role), cancellationToken);
        if (added.Failure is null)
        {
            invitation.Accept(now);
            await db.SaveChangesAsync(cancellationToken);
        }
        return added;
    }

    public async ValueTask<Outcome<MemberDocument>> Handle(ChangeMemberRole command, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(command);
        if (command.Role is not { } role || !Roles.All.Contains(role))
        {
            return Failure.Invalid("role", $"The role must be one of {string.Join(", ", Roles.All)}.");
        }
        var member = await db.Users.SingleOrDefaultAsync(m => m.Id == command.MemberId && m.WorkspaceId == workspace.Id, cancellationToken);
        if (member is null)
        {
            return Failure.NotFound($"Member {command.MemberId}");
        }
        var current = (await members.GetRolesAsync(member)).FirstOrDefault(Roles.All.Contains) ?? Roles.Consultant;
        if (current == role)
        {
            return new MemberDocument(member.Id, member.Email!, role);
        }
        // Serialise role changes of the workspace, so two admins demoting each other cannot leave none.
        await using var transaction = await db.Database.BeginTransactionAsync(System.Data.IsolationLevel.Serializable, cancellationToken);
        if (current == Roles.Admin && (await members.GetUsersInRoleAsync(Roles.Admin)).Count(m => m.WorkspaceId == workspace.Id) <= 1)
        {
            return MemberAccessFailures.LastAdmin;
        }
        var removed = await members.RemoveFromRoleAsync(member, current);
        var added = removed.Succeeded ? await members.AddToRoleAsync(member, role) : removed;
        if (!added.Succeeded)
        {
            throw new InvalidOperationException($"Changing the role of {member.Email} failed: {string.Join(" ", added.Errors.Select(e => e.Description))}");
        }
        // The member's cookie carries the old role until it is refreshed.
        await members.UpdateSecurityStampAsync(member);
        await transaction.CommitAsync(cancellationToken);
        return new MemberDocument(member.Id, member.Email!, role);
    }

    public async ValueTask<IReadOnlyList<MemberListItem>> Handle(ListMembers query, CancellationToken cancellationToken)
    {
        var admins = (await members.GetUsersInRoleAsync(Roles.Admin)).Where(m => m.WorkspaceId == workspace.Id).Select(m => m.Id).ToHashSet();
        var all = await db.Users.AsNoTracking().Where(m => m.WorkspaceId == workspace.Id).OrderBy(m => m.Email).ToListAsync(cancellationToken);
        return [.. all.Select(m => new MemberListItem(m.Id, m.Email!, admins.Contains(m.Id) ? Roles.Admin : Roles.Consultant))];
    }
}
