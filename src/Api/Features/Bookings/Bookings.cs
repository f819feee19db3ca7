using System.ComponentModel.DataAnnotations;
using Assessment.Api.Identity;
using Assessment.Api.Outbox;
using Assessment.Api.Paging;
using Assessment.Api.Persistence;
using Assessment.Api.Problems;
using Assessment.Api.Scheduling;
using Assessment.Domain.Scheduling;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;

namespace Assessment.Api.Features.Bookings;

public sealed record ConsultantDocument(Guid Id, string Email, IReadOnlyList<string> Roles, bool TakesCalls, string? TimeZone);

/// <summary>A free start time, in the requested zone and in UTC, and which consultants are free then.</summary>
public sealed record SlotDocument(DateTimeOffset Start, DateTimeOffset StartUtc, DateTimeOffset End, IReadOnlyList<Guid> ConsultantIds);

public sealed record SlotsDocument(string TimeZone, int CallMinutes, IReadOnlyList<SlotDocument> Slots);

public sealed record ReminderDocument(string Kind, DateTimeOffset DueAt, string Status);

public sealed record BookingLinks(string Cancel, string Reschedule);

/// <summary>A discovery call. <c>start</c> and <c>end</c> are in the owner's time zone; <c>links</c> only when it is booked.</summary>
public sealed record BookingDocument(
    Guid Id,
    string Status,
    Guid ConsultantId,
    Guid? AssessmentId,
    DateTimeOffset Start,
    DateTimeOffset End,
    DateTimeOffset StartUtc,
    string TimeZone,
    CallOwner Owner,
    string? AssessmentSummary,
    int Sequence,
    DateTimeOffset CreatedAt,
    DateTimeOffset? CanceledAt,
    string? CancelReason,
    IReadOnlyList<ReminderDocument> Reminders,
    BookingLinks? Links);

/// <summary>Book a call at <c>start</c> (any offset; <c>timeZone</c> is the owner's IANA zone for how times are shown).</summary>
public sealed record CreateBookingRequest(DateTimeOffset? Start, string? TimeZone, string? Name, string? Email, Guid? ConsultantId = null, Guid? AssessmentId = null, string? Phone = null, string? Notes = null);

public sealed record RescheduleBookingRequest(DateTimeOffset? Start);

public sealed record CancelBookingRequest(string? Reason = null);

public static class BookingEndpoints
{
    private static readonly EmailAddressAttribute EmailFormat = new();

    public static IEndpointRouteBuilder MapBookings(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/v1").WithTags("Discovery calls");

        api.MapGet("/consultants", async Task<Results<Ok<Page<ConsultantDocument>>, ProblemHttpResult>> (
                int? limit, string? cursor, AppDbContext db, WorkspaceScope scope, CancellationToken ct) =>
            {
                if (Cursor.ReadText(limit, cursor, out var take, out var after) is { } invalid)
                {
                    return invalid.ToProblem();
                }
                var query = db.Users.AsNoTracking().Where(m => m.WorkspaceId == scope.Id);
                if (after is { } a)
                {
                    query = query.Where(m => string.Compare(m.NormalizedEmail, a.Key) > 0 || (m.NormalizedEmail == a.Key && m.Id.CompareTo(a.Id) > 0));
                }
                var members = await query.OrderBy(m => m.NormalizedEmail).ThenBy(m => m.Id).Take(take + 1).ToListAsync(ct);
                var ids = members.Select(m => m.Id).ToList();
                var roles = await db.UserRoles.Where(ur => ids.Contains(ur.UserId))
                    .Join(db.Roles, ur => ur.RoleId, r => r.Id, (ur, r) => new { ur.UserId, r.Name }).ToListAsync(ct);
                var schedules = await db.ConsultantSchedules.AsNoTracking().Where(s => ids.Contains(s.MemberId))
                    .ToDictionaryAsync(s => s.MemberId, s => s.Availability.TimeZone, ct);
                return TypedResults.Ok(Cursor.Page(members, take, m => new ConsultantDocument(m.Id, m.Email ?? "",
                    [.. roles.Where(r => r.UserId == m.Id).Select(r => r.Name!)], schedules.ContainsKey(m.Id), schedules.GetValueOrDefault(m.Id)),
                    m => Cursor.Encode(m.NormalizedEmail ?? "", m.Id)));
            })
            .RequireAuthorization(Scopes.BookingsRead)
            .WithName("ListConsultants")
            .WithSummary("List the workspace's members by e-mail and whether each takes discovery calls; paged with limit and cursor.")
            .ProducesValidationProblem();

        api.MapGet("/consultants/{id:guid}/availability", async Task<Results<Ok<Availability>, ProblemHttpResult>> (
                Guid id, HttpContext http, AppDbContext db, WorkspaceScope scope, CancellationToken ct) =>
            {
                if (await MemberAsync(db, scope, id, ct) is null)
                {
                    return Failure.NotFound($"Consultant {id}").ToProblem();
                }
                if (!MayManage(http, id))
                {
                    return Forbidden();
                }
                var schedule = await db.ConsultantSchedules.AsNoTracking().SingleOrDefaultAsync(s => s.MemberId == id, ct);
                return schedule is null
                    ? new Failure(StatusCodes.Status404NotFound, ProblemTypes.NotFound, "No availability yet", "This consultant has not set their availability.").ToProblem()
                    : TypedResults.Ok(schedule.Availability);
            })
            .RequireAuthorization(AccessPolicies.Member)
            .WithName("GetAvailability")
            .WithSummary("Get a consultant's availability (admins, or the consultant themself).")
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound);

        api.MapPut("/consultants/{id:guid}/availability", async Task<Results<Ok<Availability>, ProblemHttpResult>> (
                Guid id, Availability availability, HttpContext http, AppDbContext db, WorkspaceScope scope, TimeProvider clock, CancellationToken ct) =>
            {
                if (await MemberAsync(db, scope, id, ct) is null)
                {
                    return Failure.NotFound($"Consultant {id}").ToProblem();
                }
                if (!MayManage(http, id))
                {
                    return Forbidden();
                }
                availability = availability with { Overrides = availability.Overrides ?? [], Weekly = availability.Weekly ?? new Dictionary<DayOfWeek, IReadOnlyList<TimeRange>>() };
                var problems = availability.Problems();
                if (problems.Count > 0)
                {
                    return Failure.Invalid("The availability cannot be used.", problems.ToDictionary(p => p.Key, p => new[] { p.Value })).ToProblem();
                }
                var schedule = await db.ConsultantSchedules.SingleOrDefaultAsync(s => s.MemberId == id, ct);
                if (schedule is null)
                {
                    db.ConsultantSchedules.Add(ConsultantSchedule.For(id, scope.Id, availability, clock.GetUtcNow()));
                }
                else
                {
                    schedule.Set(availability, clock.GetUtcNow());
                }
                await db.SaveChangesAsync(ct);
                return TypedResults.Ok(availability);
            })
            .RequireAuthorization(AccessPolicies.Member)
            .WithName("SetAvailability")
            .WithSummary("Set a consultant's availability (admins, or the consultant themself).")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound);

        api.MapGet("/slots", async Task<Results<Ok<SlotsDocument>, ProblemHttpResult>> (
                DateOnly? from, DateOnly? to, string? timeZone, Guid? consultantId, CallScheduler scheduler, CancellationToken ct) =>
            {
                var errors = new Dictionary<string, string[]>();
                var zone = FindZone(timeZone, errors);
                if (from is null)
                {
                    errors["from"] = ["A start date (yyyy-MM-dd) is required."];
                }
                if (to is null)
                {
                    errors["to"] = ["An end date (yyyy-MM-dd) is required."];
                }
                if (from is { } f && to is { } t && (t < f || t.DayNumber - f.DayNumber > 62))
                {
                    errors["to"] = ["'to' is on or after 'from', at most 62 days later."];
                }
                if (errors.Count > 0 || zone is null)
                {
                    return Failure.Invalid("The slot query is not valid.", errors).ToProblem();
                }
                var fromUtc = StartOfDay(from!.Value, zone);
                var toUtc = StartOfDay(to!.Value.AddDays(1), zone);
                var length = await scheduler.CallLengthAsync(ct);
                var slots = await scheduler.SlotsAsync(fromUtc, toUtc, consultantId, ct);
                return TypedResults.Ok(new SlotsDocument(zone.Id, (int)length.TotalMinutes,
                    [.. slots.Select(s => new SlotDocument(TimeZoneInfo.ConvertTime(s.Start, zone), s.Start, TimeZoneInfo.ConvertTime(s.Start + length, zone), s.Consultants))]));
            })
            .RequireAuthorization(Scopes.BookingsRead)
            .WithName("ListSlots")
            .WithSummary("List free discovery-call start times between two dates (inclusive) in the requested IANA time zone.")
            .ProducesValidationProblem();

        api.MapPost("/bookings", async Task<Results<Created<BookingDocument>, ProblemHttpResult>> (
                CreateBookingRequest request, CallScheduler scheduler, AppDbContext db, Reports.PublicUrls urls, CancellationToken ct) =>
            {
                var errors = new Dictionary<string, string[]>();
                var zone = FindZone(request.TimeZone, errors);
                if (request.Start is null)
                {
                    errors["start"] = ["The start time is required (ISO 8601 with an offset)."];
                }
                if (string.IsNullOrWhiteSpace(request.Name) || request.Name.Length > 200)
                {
                    errors["name"] = ["A name of up to 200 characters is required."];
                }
                if (string.IsNullOrWhiteSpace(request.Email) || !EmailFormat.IsValid(request.Email.Trim()))
                {
                    errors["email"] = ["A valid e-mail address is required."];
                }
                if (request.Phone is { Length: > 50 })
                {
                    errors["phone"] = ["At most 50 characters."];
                }
                if (request.Notes is { Length: > 2000 })
                {
                    errors["notes"] = ["At most 2000 characters."];
                }
                if (errors.Count > 0 || zone is null)
                {
                    return Failure.Invalid("The booking is not valid.", errors).ToProblem();
                }
                if (request.AssessmentId is { } assessmentId && !await db.Assessments.AnyAsync(a => a.Id == assessmentId, ct))
                {
                    return Failure.Invalid("assessmentId", $"There is no assessment {assessmentId}.").ToProblem();
                }
                var owner = new CallOwner(request.Name!.Trim(), request.Email!.Trim(), Clean(request.Phone), Clean(request.Notes), zone.Id);
                var (booked, refusal, reason) = await scheduler.BookAsync(request.Start!.Value.ToUniversalTime(), request.ConsultantId, request.AssessmentId, owner, ct);
                if (booked is null)
                {
                    return Refused(refusal!.Value, reason).ToProblem();
                }
                var document = await DocumentAsync(db, booked.Booking, new BookingLinks(
                    $"{urls.Base}/calls/cancel/{booked.CancelToken}", $"{urls.Base}/calls/reschedule/{booked.RescheduleToken}"), ct);
                return TypedResults.Created($"/api/v1/bookings/{booked.Booking.Id}", document);
            })
            .RequireAuthorization(Scopes.BookingsWrite)
            .WithName("CreateBooking")
            .WithSummary("Book a discovery call. Every availability rule is checked again; a taken slot is a 409 /problems/slot-taken.")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status409Conflict);

        api.MapGet("/bookings", async Task<Results<Ok<Page<BookingDocument>>, ProblemHttpResult>> (
                string? status, Guid? consultantId, DateTimeOffset? from, DateTimeOffset? to, int? limit, string? cursor, AppDbContext db, CancellationToken ct) =>
            {
                if (Cursor.Read(limit, cursor, out var take, out var after) is { } invalid)
                {
                    return invalid.ToProblem();
                }
                var query = db.Bookings.AsNoTracking();
                if (status is not null)
                {
                    if (!Enum.TryParse<BookingStatus>(status.Replace("-", "", StringComparison.Ordinal), ignoreCase: true, out var s))
                    {
                        return Failure.Invalid("status", "status is active, canceled or no-show.").ToProblem();
                    }
                    query = query.Where(b => b.Status == s);
                }
                if (consultantId is { } c)
                {
                    query = query.Where(b => b.ConsultantId == c);
                }
                if (from is { } f)
                {
                    query = query.Where(b => b.Start >= f);
                }
                if (to is { } t)
                {
                    query = query.Where(b => b.Start < t);
                }
                if (after is { } a)
                {
                    query = query.Where(b => b.Start > a.Key || (b.Start == a.Key && b.Id.CompareTo(a.Id) > 0));
                }
                var bookings = await query.OrderBy(b => b.Start).ThenBy(b => b.Id).Take(take + 1).ToListAsync(ct);
                var reminders = await RemindersAsync(db, bookings.Take(take), ct);
                return TypedResults.Ok(Cursor.Page(bookings, take, b => Document(b, null, reminders[b.Id]), b => Cursor.Encode(b.Start, b.Id)));
            })
            .RequireAuthorization(Scopes.BookingsRead)
            .WithName("ListBookings")
            .WithSummary("List discovery calls by start time, filtered by status (active, canceled, no-show), consultant and start; paged with limit and cursor.")
            .ProducesValidationProblem();

        api.MapGet("/bookings/{id:guid}", async Task<Results<Ok<BookingDocument>, ProblemHttpResult>> (Guid id, AppDbContext db, CancellationToken ct) =>
                await db.Bookings.AsNoTracking().SingleOrDefaultAsync(b => b.Id == id, ct) is { } booking
                    ? TypedResults.Ok(await DocumentAsync(db, booking, null, ct))
                    : Failure.NotFound($"Booking {id}").ToProblem())
            .RequireAuthorization(Scopes.BookingsRead)
            .WithName("GetBooking")
            .WithSummary("Get a discovery call with its reminders.")
            .ProducesProblem(StatusCodes.Status404NotFound);

        api.MapPost("/bookings/{id:guid}/cancel", async Task<Results<Ok<BookingDocument>, ProblemHttpResult>> (
                Guid id, CancelBookingRequest? request, AppDbContext db, CallScheduler scheduler, CancellationToken ct) =>
            {
                var booking = await db.Bookings.SingleOrDefaultAsync(b => b.Id == id, ct);
                if (booking is null)
                {
                    return Failure.NotFound($"Booking {id}").ToProblem();
                }
                if (booking.Status != BookingStatus.Active)
                {
                    return NotActive(booking);
                }
                await scheduler.CancelAsync(booking, request?.Reason, ct);
                return TypedResults.Ok(await DocumentAsync(db, booking, null, ct));
            })
            .RequireAuthorization(Scopes.BookingsWrite)
            .WithName("CancelBooking")
            .WithSummary("Cancel a call: invitations are withdrawn (METHOD:CANCEL), reminders dropped, the owner's links die.")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);

        api.MapPost("/bookings/{id:guid}/reschedule", async Task<Results<Ok<BookingDocument>, ProblemHttpResult>> (
                Guid id, RescheduleBookingRequest request, AppDbContext db, CallScheduler scheduler, CancellationToken ct) =>
            {
                var booking = await db.Bookings.SingleOrDefaultAsync(b => b.Id == id, ct);
                if (booking is null)
                {
                    return Failure.NotFound($"Booking {id}").ToProblem();
                }
                if (request.Start is null)
                {
                    return Failure.Invalid("start", "The new start time is required.").ToProblem();
                }
                if (booking.Status != BookingStatus.Active)
                {
                    return NotActive(booking);
                }
                var (moved, refusal, reason) = await scheduler.RescheduleAsync(booking, request.Start.Value.ToUniversalTime(), ct);
                return moved is null ? Refused(refusal!.Value, reason).ToProblem() : TypedResults.Ok(await DocumentAsync(db, moved, null, ct));
            })
            .RequireAuthorization(Scopes.BookingsWrite)
            .WithName("RescheduleBooking")
            .WithSummary("Move a call to another free start time with the same consultant.")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);

        api.MapPost("/bookings/{id:guid}/no-show", async Task<Results<Ok<BookingDocument>, ProblemHttpResult>> (
                Guid id, AppDbContext db, TimeProvider clock, CancellationToken ct) =>
            {
                var booking = await db.Bookings.SingleOrDefaultAsync(b => b.Id == id, ct);
                if (booking is null)
                {
                    return Failure.NotFound($"Booking {id}").ToProblem();
                }
                if (!booking.MarkNoShow(clock.GetUtcNow()))
                {
                    return new Failure(StatusCodes.Status409Conflict, ProblemTypes.BookingNotActive, "The call cannot be marked as missed",
                        "Only an active call that has started can be marked as a no-show.").ToProblem();
                }
                await db.SaveChangesAsync(ct);
                return TypedResults.Ok(await DocumentAsync(db, booking, null, ct));
            })
            .RequireAuthorization(Scopes.BookingsWrite)
            .WithName("MarkNoShow")
            .WithSummary("Mark that the owner did not attend a call that has started.")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
        var links = app.MapGroup("/api/v1/booking-links").WithTags("Discovery calls").AllowAnonymous();

        links.MapPost("/{token}/cancel", async Task<Results<Ok<BookingDocument>, ProblemHttpResult>> (
                string token, CancelBookingRequest? request, OwnerBookingLinks owners, CallScheduler scheduler, AppDbContext db, CancellationToken ct) =>
            {
                var (state, booking) = await owners.OpenAsync(token, BookingLinkPurpose.Cancel, ct);
                if (state != OwnerLinkState.Valid)
                {
                    return DeadLink(state).ToProblem();
                }
                await scheduler.CancelAsync(booking!, request?.Reason, ct);
                return TypedResults.Ok(await DocumentAsync(db, booking!, null, ct));
            })
            .WithName("CancelBookingByLink")
            .WithSummary("The owner cancels their call with the cancel link's token (no sign-in).")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status410Gone);

        links.MapPost("/{token}/reschedule", async Task<Results<Ok<BookingDocument>, ProblemHttpResult>> (
                string token, RescheduleBookingRequest request, OwnerBookingLinks owners, CallScheduler scheduler, AppDbContext db, CancellationToken ct) =>
            {
                var (state, booking) = await owners.OpenAsync(token, BookingLinkPurpose.Reschedule, ct);
                if (state != OwnerLinkState.Valid)
                {
                    return DeadLink(state).ToProblem();
                }
                if (request.Start is null)
                {
                    return Failure.Invalid("start", "The new start time is required.").ToProblem();
                }
                var (moved, refusal, reason) = await scheduler.RescheduleAsync(booking!, request.Start.Value.ToUniversalTime(), ct);
                return moved is null ? Refused(refusal!.Value, reason).ToProblem() : TypedResults.Ok(await DocumentAsync(db, moved, null, ct));
            })
            .WithName("RescheduleBookingByLink")
            .WithSummary("The owner moves their call with the reschedule link's token (no sign-in).")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status410Gone);
        return app;
    }

    internal static Failure DeadLink(OwnerLinkState state) => state switch
    {
        OwnerLinkState.CallCanceled => new(StatusCodes.Status410Gone, ProblemTypes.LinkGone, "The call is canceled", "This call was canceled, so its links no longer work."),
        OwnerLinkState.Expired => new(StatusCodes.Status410Gone, ProblemTypes.LinkGone, "The link has expired", "This link no longer works."),
        _ => Failure.NotFound("This link"),
    };

    private static string? Clean(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    private static TimeZoneInfo? FindZone(string? id, Dictionary<string, string[]> errors)
    {
        if (!string.IsNullOrWhiteSpace(id) && TimeZoneInfo.TryFindSystemTimeZoneById(id, out var zone))
        {
            return zone;
        }
        errors["timeZone"] = [$"'{id}' is not an IANA time zone such as Europe/London."];
        return null;
    }

    private static DateTimeOffset StartOfDay(DateOnly date, TimeZoneInfo zone)
    {
        var local = date.ToDateTime(TimeOnly.MinValue);
        while (zone.IsInvalidTime(local))
        {
            local = local.AddMinutes(30);
        }
        return new DateTimeOffset(local, zone.GetUtcOffset(local)).ToUniversalTime();
    }

    private static async Task<Identity.Member?> MemberAsync(AppDbContext db, WorkspaceScope scope, Guid id, CancellationToken ct) =>
        await db.Users.AsNoTracking().SingleOrDefaultAsync(m => m.Id == id && m.WorkspaceId == scope.Id, ct);

    private static bool MayManage(HttpContext http, Guid consultantId) =>
        http.User.IsInRole(Roles.Admin) || http.User.FindFirst(System.Security.Claims.ClaimTypes.NameIdentifier)?.Value == consultantId.ToString();

    private static ProblemHttpResult Forbidden() => new Failure(StatusCodes.Status403Forbidden, ProblemTypes.Forbidden, "Not yours to change",
        "Only an admin, or the consultant themself, may see and change this availability.").ToProblem();

    private static ProblemHttpResult NotActive(Booking booking) => new Failure(StatusCodes.Status409Conflict, ProblemTypes.BookingNotActive,
        "The call is not active", $"Booking {booking.Id} is {booking.Status.ToString().ToLowerInvariant()}.").ToProblem();

    public static Failure Refused(BookingRefusal refusal, SlotRefusal? reason) => refusal switch
    {
        BookingRefusal.SlotTaken => new(StatusCodes.Status409Conflict, ProblemTypes.SlotTaken, "That time has just been taken",
            "Another call was booked at this time. Choose another slot."),
        BookingRefusal.OwnerHasActiveCall => new(StatusCodes.Status409Conflict, ProblemTypes.BookingExists, "A call is already booked",
            "This e-mail address already has an upcoming discovery call with us. Move or cancel that one instead."),
        BookingRefusal.NoConsultant => new(StatusCodes.Status409Conflict, ProblemTypes.SlotUnavailable, "No consultant takes calls",
            "No consultant of this workspace has set their availability."),
        _ => new(StatusCodes.Status409Conflict, ProblemTypes.SlotUnavailable, "That time cannot be booked", reason switch
        {
            SlotRefusal.TooSoon => "The start is sooner than the minimum notice allows.",
            SlotRefusal.BeyondHorizon => "The start is further ahead than calls can be booked.",
            SlotRefusal.DailyLimit => "The consultant has no more calls free that day.",
            _ => "The start is outside the consultant's hours.",
        }),
    };

    internal static async Task<BookingDocument> DocumentAsync(AppDbContext db, Booking b, BookingLinks? links, CancellationToken ct) =>
        Document(b, links, (await RemindersAsync(db, [b], ct))[b.Id]);

    /// <summary>The reminders of several calls in one query, by exact topic (indexed), oldest first.</summary>
    private static async Task<ILookup<Guid, OutboxMessage>> RemindersAsync(AppDbContext db, IEnumerable<Booking> bookings, CancellationToken ct)
    {
        var byTopic = bookings
            .SelectMany(b => CallScheduler.Reminders.Select(r => (Topic: $"{CallScheduler.ReminderTopic(b.Id)}-{r.Name}", b.Id)))
            .ToDictionary(t => t.Topic, t => t.Id, StringComparer.Ordinal);
        var topics = byTopic.Keys.ToList();
        var reminders = await db.Outbox.AsNoTracking().Where(m => m.Topic != null && topics.Contains(m.Topic))
            .OrderBy(m => m.CreatedAt).ThenBy(m => m.NextAttemptAt).ToListAsync(ct);
        return reminders.ToLookup(m => byTopic[m.Topic!]);
    }

    private static BookingDocument Document(Booking b, BookingLinks? links, IEnumerable<OutboxMessage> reminders)
    {
        var prefix = $"booking:{b.Id:N}:";
        var zone = TimeZoneInfo.TryFindSystemTimeZoneById(b.Owner.TimeZone, out var z) ? z : TimeZoneInfo.Utc;
        return new BookingDocument(b.Id, b.Status == BookingStatus.NoShow ? "no-show" : b.Status.ToString().ToLowerInvariant(), b.ConsultantId, b.AssessmentId,
            TimeZoneInfo.ConvertTime(b.Start, zone), TimeZoneInfo.ConvertTime(b.End, zone), b.Start, zone.Id, b.Owner, b.AssessmentSummary, b.Sequence,
            b.CreatedAt, b.CanceledAt, b.CancelReason,
            [.. reminders.Select(m => new ReminderDocument(m.Topic![prefix.Length..], m.NextAttemptAt, m.Status))], links);
    }
}
