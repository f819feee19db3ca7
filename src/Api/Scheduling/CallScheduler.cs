using System.Globalization;
using System.Security.Cryptography;
using Assessment.Api.Outbox;
using Assessment.Api.Persistence;
using Assessment.Api.Reports;
using Assessment.Domain.Assessments;
using Assessment.Domain.Scheduling;
using Microsoft.EntityFrameworkCore;

namespace Assessment.Api.Scheduling;

/// <summary>A consultant who can take calls, with their availability.</summary>
public sealed record CallConsultant(Guid Id, string Email, Availability Availability);

/// <summary>Why a call could not be booked or moved.</summary>
public enum BookingRefusal
{
    SlotTaken,
    SlotUnavailable,
    OwnerHasActiveCall,
    NoConsultant,
}

/// <summary>
/// Lists free slots and books calls with one rule engine (<see cref="SlotEngine"/>). Every rule is checked again
/// inside the booking's write transaction; on PostgreSQL an exclusion constraint over each consultant's active blocked
/// ranges is the last word, on SQLite the write transaction is taken up front (BEGIN IMMEDIATE), so writers queue.
/// </summary>
public sealed class CallScheduler(AppDbContext db, WorkspaceScope scope, TimeProvider clock, PublicUrls urls, Webhooks.WebhookPublisher webhooks)
{
    public static readonly TimeSpan LinkLifetime = TimeSpan.FromDays(120);

    /// <summary>The reminders sent before every call: their name in the outbox topic and how long before the start.</summary>
    public static readonly IReadOnlyList<(string Name, TimeSpan Before)> Reminders = [("24h", TimeSpan.FromHours(24)), ("1h", TimeSpan.FromHours(1))];

    /// <summary>The outbox topic every reminder of a call starts with; a reminder's topic adds <c>-</c> and its name.</summary>
    public static string ReminderTopic(Guid booking) => $"booking:{booking:N}:reminder";

    public async Task<TimeSpan> CallLengthAsync(CancellationToken ct) =>
        TimeSpan.FromMinutes(await db.Workspaces.Where(w => w.Id == scope.Id).Select(w => w.CallMinutes).SingleAsync(ct));

    public async Task<IReadOnlyList<CallConsultant>> ConsultantsAsync(Guid? consultantId, CancellationToken ct)
    {
        var schedules = await db.ConsultantSchedules.AsNoTracking()
            .Where(s => consultantId == null || s.MemberId == consultantId)
            .Join(db.Users, s => s.MemberId, m => m.Id, (s, m) => new { s.MemberId, m.Email, s.Availability })
            .ToListAsync(ct);
        return [.. schedules.OrderBy(s => s.MemberId).Select(s => new CallConsultant(s.MemberId, s.Email ?? "", s.Availability))];
    }

    /// <summary>Active calls of these consultants that block any time in [from, to), by consultant.</summary>
    public async Task<Dictionary<Guid, List<BusyCall>>> BusyAsync(IEnumerable<Guid> consultants, DateTimeOffset from, DateTimeOffset to, Guid? except, CancellationToken ct)
    {
        var ids = consultants.ToList();
        // A day's margin either side: the daily cap counts calls of the whole local day.
        var start = from.AddDays(-2);
        var end = to.AddDays(2);
        var calls = await db.Bookings.AsNoTracking()
            .Where(b => ids.Contains(b.ConsultantId) && b.Status == BookingStatus.Active && b.BlockedEnd > start && b.BlockedStart < end && b.Id != except)
            .Select(b => new { b.ConsultantId, b.Start, b.End, b.BlockedStart, b.BlockedEnd })
            .ToListAsync(ct);
        return ids.ToDictionary(id => id, id => calls.Where(c => c.ConsultantId == id)
            .Select(c => new BusyCall(c.Start, c.End, c.BlockedStart, c.BlockedEnd)).ToList());
    }

    /// <summary>Free start times in [from, to): per consultant, or merged across all when none is named.</summary>
    public async Task<IReadOnlyList<(DateTimeOffset Start, IReadOnlyList<Guid> Consultants)>> SlotsAsync(
        DateTimeOffset from, DateTimeOffset to, Guid? consultantId, CancellationToken ct)
    {
        var consultants = await ConsultantsAsync(consultantId, ct);
        var length = await CallLengthAsync(ct);
        var busy = await BusyAsync(consultants.Select(c => c.Id), from, to, null, ct);
        var now = clock.GetUtcNow();
        var slots = new SortedDictionary<DateTimeOffset, List<Guid>>();
        foreach (var consultant in consultants)
        {
            foreach (var start in SlotEngine.FreeStarts(consultant.Availability, length, busy[consultant.Id], from, to, now))
            {
                if (!slots.TryGetValue(start, out var free))
                {
                    slots[start] = free = [];
                }
                free.Add(consultant.Id);
            }
        }
        return [.. slots.Select(s => (s.Key, (IReadOnlyList<Guid>)s.Value))];
    }

    /// <summary>
    /// Round robin: of the consultants free at the start, the one with the fewest upcoming calls, then the one booked
    /// least recently (never booked first), then by id.
    /// </summary>
    private async Task<CallConsultant?> ChooseAsync(IReadOnlyList<CallConsultant> free, CancellationToken ct)
    {
        if (free.Count <= 1)
        {
            return free.FirstOrDefault();
        }
        var now = clock.GetUtcNow();
        var ids = free.Select(c => c.Id).ToList();
        var load = await db.Bookings.AsNoTracking()
            .Where(b => ids.Contains(b.ConsultantId))
            .GroupBy(b => b.ConsultantId)
            .Select(g => new
            {
                Id = g.Key,
                Upcoming = g.Count(b => b.Status == BookingStatus.Active && b.Start > now),
                LastBooked = g.Max(b => (DateTimeOffset?)b.CreatedAt),
            })
            .ToListAsync(ct);
        return free
            .Select(c => (Consultant: c, Load: load.FirstOrDefault(l => l.Id == c.Id)))
            .OrderBy(x => x.Load?.Upcoming ?? 0)
            .ThenBy(x => x.Load?.LastBooked ?? DateTimeOffset.MinValue)
            .ThenBy(x => x.Consultant.Id)
            .First().Consultant;
    }

    public sealed record Booked(Booking Booking, string CancelToken, string RescheduleToken);

    public async Task<(Booked? Booked, BookingRefusal? Refusal, SlotRefusal? Reason)> BookAsync(
        DateTimeOffset start, Guid? consultantId, Guid? assessmentId, CallOwner owner, CancellationToken ct)
    {
        var length = await CallLengthAsync(ct);
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var now = clock.GetUtcNow();
        var key = owner.Email.Trim().ToLowerInvariant();
        if (await db.Bookings.AnyAsync(b => b.OwnerEmailKey == key && b.Status == BookingStatus.Active, ct))
        {
            return (null, BookingRefusal.OwnerHasActiveCall, null);
        }
        var consultants = await ConsultantsAsync(consultantId, ct);
        if (consultants.Count == 0)
        {
            return (null, BookingRefusal.NoConsultant, null);
        }
        var busy = await BusyAsync(consultants.Select(c => c.Id), start, start + length, null, ct);
        var verdicts = consultants.Select(c => (Consultant: c, Refusal: SlotEngine.Check(c.Availability, length, busy[c.Id], start, now))).ToList();
        var chosen = await ChooseAsync([.. verdicts.Where(v => v.Refusal is null).Select(v => v.Consultant)], ct);
        if (chosen is null)
        {
            var reason = verdicts.Select(v => v.Refusal).FirstOrDefault(r => r == SlotRefusal.Taken) ?? verdicts[0].Refusal;
            return (null, reason == SlotRefusal.Taken ? BookingRefusal.SlotTaken : BookingRefusal.SlotUnavailable, reason);
        }

        var summary = assessmentId is { } id ? await SummaryAsync(id, ct) : null;
        var booking = Booking.Create(scope.Id, chosen.Id, summary is null ? null : assessmentId, owner, summary, start, start + length,
            SlotEngine.Blocked(chosen.Availability, start, length), now);
        db.Bookings.Add(booking);
        var cancel = AddLink(booking, BookingLinkPurpose.Cancel, now);
        var reschedule = AddLink(booking, BookingLinkPurpose.Reschedule, now);
        await NotifyAsync(booking, chosen.Email, cancel, reschedule, "confirmed", now, ct);
        if (await SaveAsync(ct) is { } refused)
        {
            return (null, refused, refused == BookingRefusal.SlotTaken ? SlotRefusal.Taken : null);
        }
        await transaction.CommitAsync(ct);
        return (new Booked(booking, cancel, reschedule), null, null);
    }

    public async Task<(Booking? Booking, BookingRefusal? Refusal, SlotRefusal? Reason)> RescheduleAsync(Booking booking, DateTimeOffset start, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(booking);
        var length = await CallLengthAsync(ct);
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var now = clock.GetUtcNow();
        var consultant = (await ConsultantsAsync(booking.ConsultantId, ct)).SingleOrDefault();
        if (consultant is null)
        {
            return (null, BookingRefusal.NoConsultant, null);
        }
        var busy = await BusyAsync([consultant.Id], start, start + length, booking.Id, ct);
        if (SlotEngine.Check(consultant.Availability, length, busy[consultant.Id], start, now) is { } refusal)
        {
            return (null, refusal == SlotRefusal.Taken ? BookingRefusal.SlotTaken : BookingRefusal.SlotUnavailable, refusal);
        }
        booking.Reschedule(start, start + length, SlotEngine.Blocked(consultant.Availability, start, length), now);
        await NotifyAsync(booking, consultant.Email, null, null, "moved", now, ct);
        if (await SaveAsync(ct) is { } refused)
        {
            return (null, refused, SlotRefusal.Taken);
        }
        await transaction.CommitAsync(ct);
        return (booking, null, null);
    }

    public async Task CancelAsync(Booking booking, string? reason, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(booking);
        var now = clock.GetUtcNow();
        if (!booking.Cancel(reason, now))
        {
            return;
        }
        var consultant = await db.Users.Where(m => m.Id == booking.ConsultantId).Select(m => m.Email).SingleAsync(ct);
        await NotifyAsync(booking, consultant ?? "", null, null, "canceled", now, ct);
        await db.SaveChangesAsync(ct);
    }

    /// <summary>Owners' links: a random token whose SHA-256 hash is stored.</summary>
    private string AddLink(Booking booking, BookingLinkPurpose purpose, DateTimeOffset now)
    {
        var token = System.Buffers.Text.Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(32));
        db.BookingLinks.Add(BookingLink.Create(booking, purpose, Hash(token), now + LinkLifetime, now));
        return token;
    }

    public static string Hash(string token) => Convert.ToHexStringLower(SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(token)));

    /// <summary>
    /// E-mails with the invitation to owner and consultant, and the reminders 24 h and 1 h before: earlier reminders of
    /// the call are canceled first, so a moved call is reminded at its new time and a canceled one not at all.
    /// </summary>
    private async Task NotifyAsync(Booking booking, string consultantEmail, string? cancelToken, string? rescheduleToken, string change, DateTimeOffset now, CancellationToken ct)
    {
        var type = change switch
        {
            "canceled" => Webhooks.WebhookEventTypes.BookingCanceled,
            "moved" => Webhooks.WebhookEventTypes.BookingRescheduled,
            _ => Webhooks.WebhookEventTypes.BookingCreated,
        };
        await webhooks.PublishAsync(booking.WorkspaceId, type, new
        {
            bookingId = booking.Id,
            status = booking.Status.ToString().ToLowerInvariant(),
            start = booking.Start,
            end = booking.End,
            booking.ConsultantId,
            booking.AssessmentId,
            booking.Sequence,
        }, ct);
        var workspace = await db.Workspaces.Where(w => w.Id == booking.WorkspaceId).Select(w => w.Name).SingleAsync(ct);
        var topic = ReminderTopic(booking.Id);
        foreach (var old in await db.Outbox.Where(m => m.Topic != null && m.Topic.StartsWith(topic) && m.SentAt == null && m.CanceledAt == null).ToListAsync(ct))
        {
            old.Cancel(now);
        }
        var invite = new EmailAttachment("invite.ics", $"text/calendar; method={(booking.Status == BookingStatus.Canceled ? "CANCEL" : "REQUEST")}",
            CalendarInvites.For(booking, workspace, consultantEmail, now));
        var when = booking.Start.ToString("dddd d MMMM yyyy 'at' HH:mm 'UTC'", CultureInfo.InvariantCulture);
        var links = cancelToken is null ? "" : $"\n\nTo cancel: {urls.Base}/calls/cancel/{cancelToken}\nTo move it: {urls.Base}/calls/reschedule/{rescheduleToken}";
        var ownerText = change switch
        {
            "canceled" => $"Your discovery call with {workspace} on {when} is canceled.",
            "moved" => $"Your discovery call with {workspace} has moved to {when}.",
            _ => $"Your discovery call with {workspace} is booked for {when}.{links}",
        };
        db.Outbox.Add(OutboxMessage.Email(booking.WorkspaceId, new EmailMessage(booking.Owner.Email,
            $"Discovery call {change}: {when}", ownerText, null, [invite]), now, $"booking:{booking.Id:N}:{change}"));
        if (!string.IsNullOrEmpty(consultantEmail))
        {
            var consultantText = $"Discovery call {change} with {booking.Owner.Name} ({booking.Owner.Email}) on {when}.\n\n{booking.AssessmentSummary}";
            db.Outbox.Add(OutboxMessage.Email(booking.WorkspaceId, new EmailMessage(consultantEmail,
                $"Discovery call {change}: {booking.Owner.Name}, {when}", consultantText, null, [invite]), now, $"booking:{booking.Id:N}:{change}:consultant"));
        }
        if (booking.Status != BookingStatus.Active)
        {
            return;
        }
        foreach (var (name, before) in Reminders)
        {
            var due = booking.Start - before;
            if (due > now)
            {
                db.Outbox.Add(OutboxMessage.Email(booking.WorkspaceId, new EmailMessage(booking.Owner.Email,
                    $"Reminder: discovery call {when}", $"A reminder of your discovery call with {workspace} on {when}.", null),
                    now, $"{topic}-{name}", due));
            }
        }
    }

    /// <summary>
    /// Saves; when the database refuses (an overlapping call of the consultant, or a second active call of the owner,
    /// written by a concurrent request), says which.
    /// </summary>
    private async Task<BookingRefusal?> SaveAsync(CancellationToken ct)
    {
        try
        {
            await db.SaveChangesAsync(ct);
            return null;
        }
        catch (DbUpdateException ex) when (ex.InnerException is Npgsql.PostgresException { SqlState: "23P01" })
        {
            db.ChangeTracker.Clear();
            return BookingRefusal.SlotTaken;
        }
        catch (DbUpdateException ex) when (ex.InnerException is Npgsql.PostgresException { SqlState: "23505" }
            or Microsoft.Data.Sqlite.SqliteException { SqliteExtendedErrorCode: 2067 })
        {
            db.ChangeTracker.Clear();
            return BookingRefusal.OwnerHasActiveCall;
        }
    }

    private async Task<string?> SummaryAsync(Guid assessmentId, CancellationToken ct)
    {
        var assessment = await db.Assessments.AsNoTracking().SingleOrDefaultAsync(a => a.Id == assessmentId && a.Status == AssessmentStatus.Submitted, ct);
        if (assessment?.Result is not { } r)
        {
            return null;
        }
        var share = r.LeadershipShare is { } s ? (s * 100).ToString("0", CultureInfo.InvariantCulture) + "%" : "not known";
        var dependency = r.OwnerDependency is { } d ? d.ToString("0", CultureInfo.InvariantCulture) : "not scored";
        return $"Assessment: {r.Profile.Label}. Leadership share {share}; owner dependency {dependency}/100; about {r.HoursReclaimable.ToString("0.#", CultureInfo.InvariantCulture)} h a week could be handed on.";
    }
}
