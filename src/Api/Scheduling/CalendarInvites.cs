using Assessment.Domain.Scheduling;
using Ical.Net;
using Ical.Net.CalendarComponents;
using Ical.Net.DataTypes;
using Ical.Net.Serialization;

namespace Assessment.Api.Scheduling;

/// <summary>
/// iCalendar invitations for a call. The UID never changes for a booking and SEQUENCE follows the booking's, so
/// calendars update the one event on every change; a cancellation is sent with METHOD:CANCEL.
/// </summary>
public static class CalendarInvites
{
    public static string Uid(Booking booking)
    {
        ArgumentNullException.ThrowIfNull(booking);
        return $"{booking.Id:N}@assessment";
    }

    public static string For(Booking booking, string workspaceName, string consultantEmail, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(booking);
        var canceled = booking.Status == BookingStatus.Canceled;
        var calendar = new Calendar { Method = canceled ? "CANCEL" : "REQUEST" };
        calendar.ProductId = "-//Assessment//Discovery calls//EN";
        var call = new CalendarEvent
        {
            Uid = Uid(booking),
            Sequence = booking.Sequence,
            DtStamp = new CalDateTime(now.UtcDateTime, "UTC"),
            DtStart = new CalDateTime(booking.Start.UtcDateTime, "UTC"),
            DtEnd = new CalDateTime(booking.End.UtcDateTime, "UTC"),
            Summary = $"Discovery call with {workspaceName}",
            Description = $"A {(int)(booking.End - booking.Start).TotalMinutes}-minute conversation about your assessment results and the first steps that fit your practice.",
            Status = canceled ? "CANCELLED" : "CONFIRMED",
            Organizer = new Organizer($"mailto:{consultantEmail}"),
        };
        call.Attendees.Add(new Attendee($"mailto:{booking.Owner.Email}") { CommonName = booking.Owner.Name, Rsvp = false });
        calendar.Events.Add(call);
        return new CalendarSerializer().SerializeToString(calendar) ?? throw new InvalidOperationException("The invitation could not be written.");
    }
}
