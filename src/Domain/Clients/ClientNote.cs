using Assessment.Domain.Workspaces;

namespace Assessment.Domain.Clients;

/// <summary>A consultant's note on one assessment: who wrote it and when. Notes are only added, never edited.</summary>
public sealed class ClientNote : IWorkspaceOwned
{
    public const int MaxLength = 4000;

    private ClientNote()
    {
        AuthorEmail = "";
        Text = "";
    }

    public Guid Id { get; private set; }

    public Guid WorkspaceId { get; private set; }

    public Guid AssessmentId { get; private set; }

    public Guid AuthorId { get; private set; }

    /// <summary>The author's address when they wrote the note, so the note still reads well if they leave.</summary>
    public string AuthorEmail { get; private set; }

    public string Text { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    /// <summary>A note, or null when the text is empty or longer than <see cref="MaxLength"/>.</summary>
    public static ClientNote? Write(Guid workspaceId, Guid assessmentId, Guid authorId, string authorEmail, string? text, DateTimeOffset now)
    {
        var trimmed = text?.Trim();
        if (string.IsNullOrEmpty(trimmed) || trimmed.Length > MaxLength)
        {
            return null;
        }
        return new ClientNote
        {
            Id = Guid.CreateVersion7(now),
            WorkspaceId = workspaceId,
            AssessmentId = assessmentId,
            AuthorId = authorId,
            AuthorEmail = authorEmail,
            Text = trimmed,
            CreatedAt = now,
        };
    }
}

/// <summary>A label a consultant puts on an assessment (e.g. "follow-up"), shown in the client list and filterable.</summary>
public sealed class ClientTag : IWorkspaceOwned
{
    public const int MaxLength = 40;

    private ClientTag()
    {
        Name = "";
    }

    public Guid WorkspaceId { get; private set; }

    public Guid AssessmentId { get; private set; }

    /// <summary>Trimmed and lower-cased, 1–40 characters.</summary>
    public string Name { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    /// <summary>The tag's canonical name, or null when it is empty, too long or has characters other than letters, digits, spaces, '-' and '_'.</summary>
    public static string? Normalise(string? name)
    {
        var trimmed = name?.Trim().ToLowerInvariant();
        return string.IsNullOrEmpty(trimmed) || trimmed.Length > MaxLength
            || !trimmed.All(c => char.IsLetterOrDigit(c) || c is ' ' or '-' or '_')
            ? null
            : trimmed;
    }

    public static ClientTag? Create(Guid workspaceId, Guid assessmentId, string? name, DateTimeOffset now) =>
        Normalise(name) is { } tag
            ? new ClientTag { WorkspaceId = workspaceId, AssessmentId = assessmentId, Name = tag, CreatedAt = now }
            : null;
}
