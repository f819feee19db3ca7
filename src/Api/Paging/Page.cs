using System.Buffers.Text;
using System.Globalization;
using System.Text;
using Assessment.Api.Problems;

namespace Assessment.Api.Paging;

/// <summary>One page of a list; <c>nextCursor</c> fetches the next page and is null on the last one.</summary>
public sealed record Page<T>(IReadOnlyList<T> Data, string? NextCursor);

/// <summary>
/// Opaque keyset cursors: the sort key and id of the last item of a page, so the next page is a range query from there
/// (no OFFSET: page 1,000 costs what page 1 does).
/// </summary>
public static class Cursor
{
    public const int DefaultLimit = 25;
    public const int MaxLimit = 100;

    public static string Encode(DateTimeOffset key, Guid id) => Encode(key.UtcTicks.ToString(CultureInfo.InvariantCulture), id);

    /// <summary>A cursor after a text sort key (an e-mail, a client id, a questionnaire key) and an id.</summary>
    public static string Encode(string key, Guid id) => Base64Url.EncodeToString(Encoding.UTF8.GetBytes($"{key}.{id:N}"));

    public static bool TryDecode(string? cursor, out DateTimeOffset key, out Guid id)
    {
        key = default;
        if (TryDecode(cursor, out string text, out id) && long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var ticks)
            && ticks <= DateTimeOffset.MaxValue.UtcTicks)
        {
            key = new DateTimeOffset(ticks, TimeSpan.Zero);
            return true;
        }
        return false;
    }

    public static bool TryDecode(string? cursor, out string key, out Guid id)
    {
        key = "";
        id = default;
        if (string.IsNullOrEmpty(cursor))
        {
            return false;
        }
        try
        {
            var payload = Encoding.UTF8.GetString(Base64Url.DecodeFromChars(cursor));
            var dot = payload.LastIndexOf('.');
            if (dot >= 0 && Guid.TryParseExact(payload.AsSpan(dot + 1), "N", out id))
            {
                key = payload[..dot];
                return true;
            }
        }
        catch (FormatException)
        {
        }
        return false;
    }

    /// <summary>
    /// The page from rows fetched in order with one more than <paramref name="take"/>: the extra row only says that a
    /// next page exists, and the cursor points after the last row shown.
    /// </summary>
    public static Page<TDocument> Page<TRow, TDocument>(IReadOnlyList<TRow> fetched, int take, Func<TRow, TDocument> document, Func<TRow, string> cursorAfter)
    {
        ArgumentNullException.ThrowIfNull(fetched);
        ArgumentNullException.ThrowIfNull(document);
        ArgumentNullException.ThrowIfNull(cursorAfter);
        var shown = fetched.Take(take).Select(document).ToList();
        return new Page<TDocument>(shown, fetched.Count > take ? cursorAfter(fetched[take - 1]) : null);
    }

    /// <summary>The limit and decoded cursor of a list request, or the problem with them.</summary>
    public static Failure? Read(int? limit, string? cursor, out int take, out (DateTimeOffset Key, Guid Id)? after) =>
        Read<DateTimeOffset>(limit, cursor, TryDecode, out take, out after);

    /// <summary>The limit and decoded cursor of a list sorted by a text key, or the problem with them.</summary>
    public static Failure? ReadText(int? limit, string? cursor, out int take, out (string Key, Guid Id)? after) =>
        Read<string>(limit, cursor, TryDecode, out take, out after);

    private delegate bool Decoder<TKey>(string? cursor, out TKey key, out Guid id);

    private static Failure? Read<TKey>(int? limit, string? cursor, Decoder<TKey> decode, out int take, out (TKey Key, Guid Id)? after)
    {
        after = null;
        take = limit ?? DefaultLimit;
        if (take is < 1 or > MaxLimit)
        {
            return Failure.Invalid("limit", $"limit is from 1 to {MaxLimit}.");
        }
        if (cursor is not null)
        {
            if (!decode(cursor, out var key, out var id))
            {
                return Failure.Invalid("cursor", "The cursor is not one this API returned.");
            }
            after = (key, id);
        }
        return null;
    }
}
