namespace Assessment.Domain.Workspaces;

/// <summary>
/// An admin's invitation to join the workspace with a role. Only a hash of the link's token is stored; the invitee
/// becomes a member when they accept it (choosing a password) before it expires. Accepted once.
/// </summary>
public sealed class MemberInvitation : IWorkspaceOwned
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromDays(7);

    private MemberInvitation()
    {
        Email = "";
        Role = "";
        TokenHash = "";
    }

    public Guid Id { get; private set; }

    public Guid WorkspaceId { get; private set; }

    public string Email { get; private set; }

    public string Role { get; private set; }

    public string TokenHash { get; private set; }

    public Guid InvitedBy { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public DateTimeOffset ExpiresAt { get; private set; }

    public DateTimeOffset? AcceptedAt { get; private set; }

    public static MemberInvitation Create(Guid workspaceId, string email, string role, string tokenHash, Guid invitedBy, DateTimeOffset now) => new()
    {
        Id = Guid.CreateVersion7(now),
        WorkspaceId = workspaceId,
        Email = email,
        Role = role,
        TokenHash = tokenHash,
        InvitedBy = invitedBy,
        CreatedAt = now,
        ExpiresAt = now + Lifetime,
    };

    public bool IsOpen(DateTimeOffset now) => AcceptedAt is null && now < ExpiresAt;

    public void Accept(DateTimeOffset now) => AcceptedAt = now;
}
