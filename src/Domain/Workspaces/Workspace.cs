using System.Text.RegularExpressions;

namespace Assessment.Domain.Workspaces;

/// <summary>A consulting firm: the tenant that owns members, partner clients and assessments.</summary>
public sealed partial class Workspace
{
    private Workspace(Guid id, string slug, string name, DateTimeOffset createdAt)
    {
        Id = id;
        Slug = slug;
        Name = name;
        CreatedAt = createdAt;
    }

    public Guid Id { get; private set; }

    /// <summary>The workspace's name in addresses: lower-case letters, digits and dashes.</summary>
    public string Slug { get; private set; }

    public string Name { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    /// <summary>How long a discovery call lasts, in minutes.</summary>
    public int CallMinutes { get; private set; } = 30;

    /// <summary>The firm's logo (an https address) on the owner's pages and the report; null for none.</summary>
    public string? LogoUrl { get; private set; }

    /// <summary>The main brand colour, <c>#rrggbb</c>; null for the default.</summary>
    public string? PrimaryColor { get; private set; }

    /// <summary>The accent colour, <c>#rrggbb</c>; null for the default.</summary>
    public string? AccentColor { get; private set; }

    public static Workspace Create(string slug, string name, DateTimeOffset now)
    {
        if (!IsValidSlug(slug))
        {
            throw new ArgumentException($"'{slug}' is not a valid workspace slug: use 2–40 lower-case letters, digits and dashes.", nameof(slug));
        }
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        return new Workspace(Guid.CreateVersion7(now), slug, name.Trim(), now);
    }

    public static bool IsValidSlug(string? slug) => slug is not null && SlugPattern().IsMatch(slug);

    public void Rename(string name)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        Name = name.Trim();
    }

    /// <summary>Sets the branding; each value must be empty (the default) or valid. Returns the fields that are not.</summary>
    public IReadOnlyDictionary<string, string> Brand(string? logoUrl, string? primaryColor, string? accentColor)
    {
        var errors = new Dictionary<string, string>();
        var logo = string.IsNullOrWhiteSpace(logoUrl) ? null : logoUrl.Trim();
        if (logo is not null && !IsHttpsUrl(logo))
        {
            errors["logoUrl"] = "The logo must be an https:// address.";
        }
        var primary = string.IsNullOrWhiteSpace(primaryColor) ? null : primaryColor.Trim().ToLowerInvariant();
        if (primary is not null && !ColorPattern().IsMatch(primary))
        {
            errors["primaryColor"] = "The main colour must be a hex colour like #1a4d8f.";
        }
        var accent = string.IsNullOrWhiteSpace(accentColor) ? null : accentColor.Trim().ToLowerInvariant();
        if (accent is not null && !ColorPattern().IsMatch(accent))
        {
            errors["accentColor"] = "The accent colour must be a hex colour like #e07a1f.";
        }
        if (errors.Count == 0)
        {
            (LogoUrl, PrimaryColor, AccentColor) = (logo, primary, accent);
        }
        return errors;
    }

    public const int MinCallMinutes = 15;
    public const int MaxCallMinutes = 120;

    /// <summary>
    /// Sets how long discovery calls last from now on: 15 to 120 minutes in steps of 5. Calls already booked keep their
    /// times. Returns the problem with the value, or null when it was set.
    /// </summary>
    public string? SetCallLength(string? minutes)
    {
        if (!int.TryParse(minutes?.Trim(), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var value)
            || value is < MinCallMinutes or > MaxCallMinutes || value % 5 != 0)
        {
            return $"A discovery call lasts {MinCallMinutes} to {MaxCallMinutes} minutes, in steps of 5.";
        }
        CallMinutes = value;
        return null;
    }

    public static bool IsHttpsUrl(string? value) =>
        value is { Length: <= 500 } && Uri.TryCreate(value, UriKind.Absolute, out var uri) && uri.Scheme == Uri.UriSchemeHttps
        && !string.IsNullOrEmpty(uri.Host) && value.IndexOfAny(['"', '\'', '<', '>', ' ']) < 0;

    [GeneratedRegex("^#[0-9a-f]{6}$")]
    private static partial Regex ColorPattern();

    [GeneratedRegex("^[a-z0-9](?:[a-z0-9-]{0,38}[a-z0-9])$")]
    private static partial Regex SlugPattern();
}
