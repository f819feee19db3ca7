using Assessment.Api.Persistence;
using Assessment.Domain.Scheduling;
using Microsoft.EntityFrameworkCore;

namespace Assessment.Api.Scheduling;

public enum OwnerLinkState
{
    Valid,
    Expired,
    CallCanceled,
    Unknown,
}

/// <summary>
/// Opens an owner's cancel or reschedule link: the token's hash finds the link, the link's workspace becomes the
/// current one. A link works for its own purpose only, until it expires or its call is canceled.
/// </summary>
public sealed class OwnerBookingLinks(AppDbContext db, WorkspaceScope scope, TimeProvider clock)
{
    public async Task<(OwnerLinkState State, Booking? Booking)> OpenAsync(string token, BookingLinkPurpose purpose, CancellationToken ct)
    {
        var hash = CallScheduler.Hash(token);
        var link = await db.BookingLinks.IgnoreQueryFilters().AsNoTracking().SingleOrDefaultAsync(l => l.TokenHash == hash && l.Purpose == purpose, ct);
        if (link is null)
        {
            return (OwnerLinkState.Unknown, null);
        }
        scope.Use(link.WorkspaceId);
        var booking = await db.Bookings.SingleAsync(b => b.Id == link.BookingId, ct);
        if (booking.Status == BookingStatus.Canceled)
        {
            return (OwnerLinkState.CallCanceled, booking);
        }
        return link.ExpiresAt <= clock.GetUtcNow() || booking.Status != BookingStatus.Active
            ? (OwnerLinkState.Expired, booking)
            : (OwnerLinkState.Valid, booking);
    }
}
