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

    [GeneratedRegex("^[a-z0-9](?:[a-z0-9-]{0,38}[a-z0-9])$")]
    private static partial Regex SlugPattern();
}
