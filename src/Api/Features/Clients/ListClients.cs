using System.Globalization;
using System.Text;
using Assessment.Api.Paging;
using Assessment.Api.Persistence;
using Assessment.Api.Problems;
using Assessment.Domain.Assessments;
using Assessment.Domain.Scheduling;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Assessment.Api.Features.Clients;

/// <summary>
/// What narrows the client list. Every member is optional: <c>Status</c> is started, submitted or booked; the share
/// range is in whole percent (0–100); the dates are UTC days, both inclusive; <c>Sort</c> is newest, oldest or share.
/// </summary>
public sealed record ClientFilter(
    string? Search = null,
    string? Profile = null,
    int? ShareMin = null,
    int? ShareMax = null,
    string? PracticeType = null,
    string? Status = null,
    DateOnly? From = null,
    DateOnly? To = null,
    string? Tag = null,
    string? Sort = null)
{
    public static IReadOnlyList<string> Statuses { get; } = ["started", "submitted", "booked"];

    public static IReadOnlyList<string> Sorts { get; } = ["newest", "oldest", "share"];

    public string SortOrDefault => string.IsNullOrEmpty(Sort) ? "newest" : Sort;

    /// <summary>The fields that are not valid, by name.</summary>
    public Dictionary<string, string[]> Check()
    {
        var errors = new Dictionary<string, string[]>();
        if (Status is { Length: > 0 } status && !Statuses.Contains(status))
        {
            errors["status"] = [$"The status must be one of {string.Join(", ", Statuses)}."];
        }
        if (!Sorts.Contains(SortOrDefault))
        {
            errors["sort"] = [$"The sort must be one of {string.Join(", ", Sorts)}."];
        }
        if (ShareMin is < 0 or > 100)
        {
            errors["shareMin"] = ["The lowest leadership share is a percentage from 0 to 100."];
        }
        if (ShareMax is < 0 or > 100)
        {
            errors["shareMax"] = ["The highest leadership share is a percentage from 0 to 100."];
        }
        if (From is { } from && To is { } to && to < from)
        {
            errors["to"] = ["The end date is before the start date."];
        }
        if (Search is { Length: > 200 })
        {
            errors["q"] = ["The search is longer than 200 characters."];
        }
        return errors;
    }
}

/// <summary>One assessment in the client list.</summary>
public sealed record ClientRow(
    Guid Id,
    string Status,
    string? Name,
    string? Email,
    string? PracticeName,
    string? PracticeType,
    string? ProfileKey,
    decimal? LeadershipShare,
    DateTimeOffset CreatedAt,
    DateTimeOffset? SubmittedAt,
    bool Booked,
    IReadOnlyList<string> Tags);

/// <summary>The current workspace's assessments, filtered and sorted, one keyset page at a time (never OFFSET).</summary>
public sealed record ListClients(ClientFilter Filter, int Limit = ListClients.DefaultLimit, string? Cursor = null) : IQuery<Outcome<Page<ClientRow>>>
{
    public const int DefaultLimit = 50;
    public const int MaxLimit = 100;
}

public sealed class ListClientsHandler(AppDbContext db) : IQueryHandler<ListClients, Outcome<Page<ClientRow>>>
{
    public async ValueTask<Outcome<Page<ClientRow>>> Handle(ListClients query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        var errors = query.Filter.Check();
        if (query.Limit is < 1 or > ListClients.MaxLimit)
        {
            errors["limit"] = [$"The limit is from 1 to {ListClients.MaxLimit}."];
        }
        ClientCursor? cursor = null;
        if (query.Cursor is { Length: > 0 } text && !ClientCursor.TryParse(text, query.Filter.SortOrDefault, out cursor))
        {
            errors["cursor"] = ["The cursor is not one this list gave out (or was made for another sort)."];
        }
        if (errors.Count > 0)
        {
            return Failure.Invalid("The client list could not be read.", errors);
        }
        return await ClientQueries.PageAsync(db, query.Filter, query.Limit, cursor, cancellationToken);
    }
}

/// <summary>The position after the last row of a page, for the next page: the sort key and the id.</summary>
public sealed record ClientCursor(string Sort, long? Key, Guid Id)
{
    private static readonly char[] Separator = ['|'];

    public string Encode() => System.Buffers.Text.Base64Url.EncodeToString(Encoding.UTF8.GetBytes(
        string.Create(CultureInfo.InvariantCulture, $"{Sort}|{(Key is { } k ? k.ToString(CultureInfo.InvariantCulture) : "-")}|{Id:N}")));

    public static bool TryParse(string text, string sort, out ClientCursor? cursor)
    {
        cursor = null;
        try
        {
            var parts = Encoding.UTF8.GetString(System.Buffers.Text.Base64Url.DecodeFromChars(text)).Split(Separator);
            if (parts.Length != 3 || parts[0] != sort || !Guid.TryParseExact(parts[2], "N", out var id))
            {
                return false;
            }
            long? key = parts[1] == "-" ? null
                : long.TryParse(parts[1], NumberStyles.Integer, CultureInfo.InvariantCulture, out var k) ? k : throw new FormatException();
            if (key is null && sort != "share")
            {
                return false;
            }
            cursor = new ClientCursor(sort, key, id);
            return true;
        }
        catch (FormatException)
        {
            return false;
        }
    }
}

/// <summary>The client list's query, shared by the page, the API and the CSV export.</summary>
public static class ClientQueries
{
    /// <summary>The assessments that pass the filter (not yet sorted or paged).</summary>
    public static IQueryable<AssessmentResponse> Filtered(AppDbContext db, ClientFilter filter)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(filter);
        var q = db.Assessments.AsNoTracking();
        if (filter.Search?.Trim().ToLowerInvariant() is { Length: > 0 } term)
        {
            q = q.Where(a => a.OwnerEmailKey!.Contains(term)
                || a.Respondent.Name!.ToLower().Contains(term)
                || a.Respondent.PracticeName!.ToLower().Contains(term));
        }
        if (filter.Profile is { Length: > 0 } profile)
        {
            q = q.Where(a => a.ProfileKey == profile);
        }
        if (filter.PracticeType is { Length: > 0 } practiceType)
        {
            q = q.Where(a => a.PracticeType == practiceType);
        }
        if (filter.ShareMin is { } min)
        {
            var bp = min * 100;
            q = q.Where(a => a.LeadershipShareBasisPoints >= bp);
        }
        if (filter.ShareMax is { } max)
        {
            var bp = max * 100;
            q = q.Where(a => a.LeadershipShareBasisPoints <= bp);
        }
        if (filter.From is { } from)
        {
            var start = new DateTimeOffset(from.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
            q = q.Where(a => a.CreatedAt >= start);
        }
        if (filter.To is { } to)
        {
            var end = new DateTimeOffset(to.AddDays(1).ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
            q = q.Where(a => a.CreatedAt < end);
        }
        if (filter.Tag is { Length: > 0 } tag)
        {
            var name = tag.Trim().ToLowerInvariant();
            q = q.Where(a => db.ClientTags.Any(t => t.AssessmentId == a.Id && t.Name == name));
        }
        q = filter.Status switch
        {
            "started" => q.Where(a => a.Status == AssessmentStatus.InProgress),
            "submitted" => q.Where(a => a.Status == AssessmentStatus.Submitted),
            "booked" => q.Where(a => db.Bookings.Any(b => b.AssessmentId == a.Id && b.Status != BookingStatus.Canceled)),
            _ => q,
        };
        return q;
    }

    /// <summary>One page after <paramref name="cursor"/>, in a total order (the id breaks ties), with the tags of its rows.</summary>
    public static async Task<Page<ClientRow>> PageAsync(AppDbContext db, ClientFilter filter, int limit, ClientCursor? cursor, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(filter);
        var q = Filtered(db, filter);
        var sort = filter.SortOrDefault;
        switch (sort)
        {
            case "oldest":
                if (cursor is { Key: { } after })
                {
                    var at = new DateTimeOffset(after, TimeSpan.Zero);
                    // The first condition alone bounds the index range; the second is the exact keyset condition.
                    q = q.Where(a => a.CreatedAt >= at && (a.CreatedAt > at || a.Id.CompareTo(cursor.Id) > 0));
                }
                q = q.OrderBy(a => a.CreatedAt).ThenBy(a => a.Id);
                break;
            case "share":
                // Highest share first; assessments without a share (not submitted) come last.
                if (cursor is { Key: { } share })
                {
                    var bp = (int)share;
                    q = q.Where(a => a.LeadershipShareBasisPoints == null || a.LeadershipShareBasisPoints < bp
                        || (a.LeadershipShareBasisPoints == bp && a.Id.CompareTo(cursor.Id) < 0));
                }
                else if (cursor is not null)
                {
                    q = q.Where(a => a.LeadershipShareBasisPoints == null && a.Id.CompareTo(cursor.Id) < 0);
                }
                q = q.OrderBy(a => a.LeadershipShareBasisPoints == null).ThenByDescending(a => a.LeadershipShareBasisPoints).ThenByDescending(a => a.Id);
                break;
            default:
                if (cursor is { Key: { } before })
                {
                    var at = new DateTimeOffset(before, TimeSpan.Zero);
                    q = q.Where(a => a.CreatedAt <= at && (a.CreatedAt < at || a.Id.CompareTo(cursor.Id) < 0));
                }
                q = q.OrderByDescending(a => a.CreatedAt).ThenByDescending(a => a.Id);
                break;
        }
        var rows = await Project(db, q).Take(limit + 1).ToListAsync(ct);
        var more = rows.Count > limit;
        if (more)
        {
            rows.RemoveAt(rows.Count - 1);
        }
        var ids = rows.Select(r => r.Id).ToList();
        var tags = (await db.ClientTags.AsNoTracking().Where(t => ids.Contains(t.AssessmentId))
                .Select(t => new { t.AssessmentId, t.Name }).ToListAsync(ct))
            .ToLookup(t => t.AssessmentId, t => t.Name);
        var data = rows.Select(r => new ClientRow(r.Id, StatusNames.ToName(r.Status), r.Name, r.Email, r.PracticeName, r.PracticeType, r.ProfileKey,
            r.LeadershipShare, r.CreatedAt, r.SubmittedAt, r.Booked, [.. tags[r.Id].Order(StringComparer.Ordinal)])).ToList();
        string? next = null;
        if (more)
        {
            var last = rows[^1];
            next = new ClientCursor(sort, sort == "share" ? last.ShareBasisPoints : last.CreatedAt.UtcTicks, last.Id).Encode();
        }
        return new Page<ClientRow>(data, next);
    }

    private static IQueryable<Projected> Project(AppDbContext db, IQueryable<AssessmentResponse> q) =>
        q.Select(a => new Projected(a.Id, a.Status, a.Respondent.Name, a.Respondent.Email, a.Respondent.PracticeName, a.PracticeType, a.ProfileKey,
            a.LeadershipShare, a.LeadershipShareBasisPoints, a.CreatedAt, a.SubmittedAt,
            db.Bookings.Any(b => b.AssessmentId == a.Id && b.Status != BookingStatus.Canceled)));

    private sealed record Projected(Guid Id, AssessmentStatus Status, string? Name, string? Email, string? PracticeName, string? PracticeType,
        string? ProfileKey, decimal? LeadershipShare, int? ShareBasisPoints, DateTimeOffset CreatedAt, DateTimeOffset? SubmittedAt, bool Booked);
}
