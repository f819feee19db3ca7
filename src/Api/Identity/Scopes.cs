namespace Assessment.Api.Identity;

/// <summary>What a partner client may be granted. A workspace member may do all of it in their own workspace.</summary>
public static class Scopes
{
    public const string AssessmentsRead = "assessments:read";
    public const string AssessmentsWrite = "assessments:write";
    public const string ReportsRead = "reports:read";
    public const string BookingsRead = "bookings:read";
    public const string BookingsWrite = "bookings:write";
    public const string WebhooksManage = "webhooks:manage";

    public static IReadOnlyList<string> All { get; } =
        [AssessmentsRead, AssessmentsWrite, ReportsRead, BookingsRead, BookingsWrite, WebhooksManage];

    public static IReadOnlyDictionary<string, string> Descriptions { get; } = new Dictionary<string, string>
    {
        [AssessmentsRead] = "Read assessments, their answers and results.",
        [AssessmentsWrite] = "Start assessments, save answers and submit them.",
        [ReportsRead] = "Read recommendation reports.",
        [BookingsRead] = "Read discovery-call slots and bookings.",
        [BookingsWrite] = "Book, reschedule and cancel discovery calls.",
        [WebhooksManage] = "Manage webhook endpoints.",
    };
}
