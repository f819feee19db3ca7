using Assessment.Domain.Workspaces;

namespace Assessment.Domain.Reports;

/// <summary>Why a share link does or does not open its report.</summary>
public enum ShareLinkState
{
    Active,
    Expired,
    Revoked,
}

/// <summary>
/// A link that shows an owner's report without signing in, until it expires or is revoked. Only its id travels in
/// the (signed) token; the expiry and revocation live here, so revoking takes effect at once.
/// </summary>
public sealed class ShareLink : IWorkspaceOwned
{
    public const int MaxDays = 365;

    private ShareLink()
    {
    }

    public Guid Id { get; private set; }

    public Guid WorkspaceId { get; private set; }

    public Guid AssessmentId { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public DateTimeOffset ExpiresAt { get; private set; }

    public DateTimeOffset? RevokedAt { get; private set; }

    public static ShareLink Create(Guid workspaceId, Guid assessmentId, TimeSpan lifetime, DateTimeOffset now)
    {
        if (lifetime <= TimeSpan.Zero || lifetime > TimeSpan.FromDays(MaxDays))
        {
            throw new ArgumentOutOfRangeException(nameof(lifetime), $"A share link lives between a moment and {MaxDays} days.");
        }
        return new ShareLink
        {
            Id = Guid.CreateVersion7(now),
            WorkspaceId = workspaceId,
            AssessmentId = assessmentId,
            CreatedAt = now,
            ExpiresAt = now + lifetime,
        };
    }

    public ShareLinkState StateAt(DateTimeOffset now) =>
        RevokedAt is not null ? ShareLinkState.Revoked : now >= ExpiresAt ? ShareLinkState.Expired : ShareLinkState.Active;

    /// <summary>Revokes the link; revoking twice keeps the first time.</summary>
    public void Revoke(DateTimeOffset now) => RevokedAt ??= now;
}
