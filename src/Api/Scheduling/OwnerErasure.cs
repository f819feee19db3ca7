using Assessment.Api.Persistence;
using Assessment.Domain.Scheduling;
using Microsoft.EntityFrameworkCore;

namespace Assessment.Api.Scheduling;

/// <summary>
/// Erases a practice owner from the current workspace at their request: their assessments (answers, results, share
/// links) are deleted, upcoming calls are canceled, every call is stripped of their name and contact details, and
/// e-mails to them are withdrawn or removed. Only the anonymous benchmark counts remain.
/// </summary>
public sealed class OwnerErasure(AppDbContext db, CallScheduler scheduler, TimeProvider clock)
{
    /// <summary>Erases the owner with this e-mail address; returns how many assessments were removed.</summary>
    public async Task<int> EraseAsync(string email, CancellationToken ct)
    {
        var key = email.Trim().ToLowerInvariant();
        foreach (var call in await db.Bookings.Where(b => b.OwnerEmailKey == key && b.Status == BookingStatus.Active).ToListAsync(ct))
        {
            await scheduler.CancelAsync(call, "Canceled when the owner asked for their data to be erased", ct);
        }
        var now = clock.GetUtcNow();
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        foreach (var call in await db.Bookings.Where(b => b.OwnerEmailKey == key).ToListAsync(ct))
        {
            call.Anonymise(now);
        }
        var assessments = await db.Assessments.Where(a => a.Respondent.Email != null && a.Respondent.Email.ToLower() == key).ToListAsync(ct);
        db.Assessments.RemoveRange(assessments);
        await db.SaveChangesAsync(ct);
        // E-mails to the owner (sent or not) carry their name and address: remove them, keep the consultants' copies.
        var workspace = db.CurrentWorkspaceId;
        var candidates = await db.Outbox.Where(m => m.WorkspaceId == workspace && m.Payload.ToLower().Contains(key)).ToListAsync(ct);
        var mine = candidates.Where(m => m.ReadEmail().To.Equals(key, StringComparison.OrdinalIgnoreCase)).ToList();
        db.Outbox.RemoveRange(mine);
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return assessments.Count;
    }
}
