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

    public static string Encode(DateTimeOffset key, Guid id) =>
        Base64Url.EncodeToString(Encoding.UTF8.GetBytes(string.Create(CultureInfo.InvariantCulture, $"{key.UtcTicks}.{id:N}")));

    public static bool TryDecode(string? cursor, out DateTimeOffset key, out Guid id)
    {
        key = default;
        id = default;
        if (string.IsNullOrEmpty(cursor))
        {
            return false;
        }
        try
        {
            var parts = Encoding.UTF8.GetString(Base64Url.DecodeFromChars(cursor)).Split('.');
            if (parts.Length == 2 && long.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var ticks)
                && Guid.TryParseExact(parts[1], "N", out id))
            {
                key = new DateTimeOffset(ticks, TimeSpan.Zero);
                return true;
            }
        }
        catch (FormatException)
        {
        }
        return false;
    }

    /// <summary>The limit and decoded cursor of a list request, or the problem with them.</summary>
    public static Failure? Read(int? limit, string? cursor, out int take, out (DateTimeOffset Key, Guid Id)? after)
    {
        take = limit ?? DefaultLimit;
        after = null;
        if (take is < 1 or > MaxLimit)
        {
            return Failure.Invalid("limit", $"limit is from 1 to {MaxLimit}.");
        }
        if (cursor is not null)
        {
            if (!TryDecode(cursor, out var key, out var id))
            {
                return Failure.Invalid("cursor", "The cursor is not one this API returned.");
            }
            after = (key, id);
        }
        return null;
    }
}
