using Assessment.Domain.Workspaces;

namespace Assessment.Domain.Scheduling;

public enum BookingStatus
{
    Active,
    Canceled,
    NoShow,
}

/// <summary>Who booked the call and what the consultant should know beforehand.</summary>
public sealed record CallOwner(string Name, string Email, string? Phone, string? Notes, string TimeZone);

/// <summary>
/// A discovery call between a practice owner and one consultant. Active calls of a consultant never overlap, buffers
/// included: the data layer enforces it on <see cref="BlockedStart"/>..<see cref="BlockedEnd"/>. Every change to the
/// time or status raises <see cref="Sequence"/>, which calendar invitations carry.
/// </summary>
public sealed class Booking : IWorkspaceOwned
{
    private Booking()
    {
        Owner = null!;
        OwnerEmailKey = "";
    }

    public Guid Id { get; private set; }

    public Guid WorkspaceId { get; private set; }

    public Guid ConsultantId { get; private set; }

    public Guid? AssessmentId { get; private set; }

    public DateTimeOffset Start { get; private set; }

    public DateTimeOffset End { get; private set; }

    public DateTimeOffset BlockedStart { get; private set; }

    public DateTimeOffset BlockedEnd { get; private set; }

    public BookingStatus Status { get; private set; }

    public CallOwner Owner { get; private set; }

    /// <summary>The owner's e-mail, lower-cased: one active call per address per workspace.</summary>
    public string OwnerEmailKey { get; private set; }

    /// <summary>The owner's results in a few lines, so the consultant comes prepared.</summary>
    public string? AssessmentSummary { get; private set; }

    public int Sequence { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public DateTimeOffset UpdatedAt { get; private set; }

    public DateTimeOffset? CanceledAt { get; private set; }

    public string? CancelReason { get; private set; }

    public static Booking Create(Guid workspaceId, Guid consultantId, Guid? assessmentId, CallOwner owner, string? assessmentSummary,
        DateTimeOffset start, DateTimeOffset end, (DateTimeOffset Start, DateTimeOffset End) blocked, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(owner);
        return new Booking
        {
            Id = Guid.CreateVersion7(now),
            WorkspaceId = workspaceId,
            ConsultantId = consultantId,
            AssessmentId = assessmentId,
            Owner = owner,
            OwnerEmailKey = Assessments.AssessmentResponse.EmailKey(owner.Email)!,
            AssessmentSummary = assessmentSummary,
            Start = start.ToUniversalTime(),
            End = end.ToUniversalTime(),
            BlockedStart = blocked.Start.ToUniversalTime(),
            BlockedEnd = blocked.End.ToUniversalTime(),
            Status = BookingStatus.Active,
            CreatedAt = now,
            UpdatedAt = now,
        };
    }

    public bool Cancel(string? reason, DateTimeOffset now)
    {
        if (Status != BookingStatus.Active)
        {
            return false;
        }
        Status = BookingStatus.Canceled;
        CanceledAt = now;
        CancelReason = string.IsNullOrWhiteSpace(reason) ? null : reason.Trim();
        Sequence++;
        UpdatedAt = now;
        return true;
    }

    public bool Reschedule(DateTimeOffset start, DateTimeOffset end, (DateTimeOffset Start, DateTimeOffset End) blocked, DateTimeOffset now)
    {
        if (Status != BookingStatus.Active)
        {
            return false;
        }
        Start = start.ToUniversalTime();
        End = end.ToUniversalTime();
        BlockedStart = blocked.Start.ToUniversalTime();
        BlockedEnd = blocked.End.ToUniversalTime();
        Sequence++;
        UpdatedAt = now;
        return true;
    }

    /// <summary>Removes everything that identifies the owner; the call itself (time, consultant, status) stays.</summary>
    public void Anonymise(DateTimeOffset now)
    {
        Owner = new CallOwner("Erased at the owner's request", $"erased-{Id:N}@invalid", null, null, Owner.TimeZone);
        OwnerEmailKey = Owner.Email;
        AssessmentSummary = null;
        CancelReason = null;
        UpdatedAt = now;
    }

    /// <summary>The owner did not attend; only an active call that has started can be marked.</summary>
    public bool MarkNoShow(DateTimeOffset now)
    {
        if (Status != BookingStatus.Active || now < Start)
        {
            return false;
        }
        Status = BookingStatus.NoShow;
        UpdatedAt = now;
        return true;
    }
}

/// <summary>A consultant's availability as stored: one row per member.</summary>
public sealed class ConsultantSchedule : IWorkspaceOwned
{
    private ConsultantSchedule()
    {
        Availability = null!;
    }

    public Guid MemberId { get; private set; }

    public Guid WorkspaceId { get; private set; }

    public Availability Availability { get; private set; }

    public DateTimeOffset UpdatedAt { get; private set; }

    public static ConsultantSchedule For(Guid memberId, Guid workspaceId, Availability availability, DateTimeOffset now) =>
        new() { MemberId = memberId, WorkspaceId = workspaceId, Availability = availability, UpdatedAt = now };

    public void Set(Availability availability, DateTimeOffset now)
    {
        Availability = availability;
        UpdatedAt = now;
    }
}

/// <summary>What an owner's token link may do.</summary>
public enum BookingLinkPurpose
{
    Cancel,
    Reschedule,
}

/// <summary>
/// A link the owner uses to cancel or reschedule without an account. Only a hash of its token is stored; it expires,
/// and it is dead once the call is canceled.
/// </summary>
public sealed class BookingLink : IWorkspaceOwned
{
    private BookingLink()
    {
        TokenHash = "";
    }

    public Guid Id { get; private set; }

    public Guid WorkspaceId { get; private set; }

    public Guid BookingId { get; private set; }

    public BookingLinkPurpose Purpose { get; private set; }

    public string TokenHash { get; private set; }

    public DateTimeOffset ExpiresAt { get; private set; }

    public static BookingLink Create(Booking booking, BookingLinkPurpose purpose, string tokenHash, DateTimeOffset expiresAt, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(booking);
        return new BookingLink
        {
            Id = Guid.CreateVersion7(now),
            WorkspaceId = booking.WorkspaceId,
            BookingId = booking.Id,
            Purpose = purpose,
            TokenHash = tokenHash,
            ExpiresAt = expiresAt,
        };
    }
}
