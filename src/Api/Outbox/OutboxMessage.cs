using System.Text.Json;
using Assessment.Api.Persistence;

namespace Assessment.Api.Outbox;

/// <summary>
/// Work to do after a state change commits (today: e-mails), written in the same transaction as the change and
/// carried out by <see cref="OutboxProcessor"/> with retries. Lives in the database, so a restart loses nothing.
/// </summary>
public sealed class OutboxMessage
{
    public const int MaxAttempts = 8;

    public Guid Id { get; private set; }

    public Guid? WorkspaceId { get; private set; }

    public string Kind { get; private set; } = "";

    public string Payload { get; private set; } = "";

    /// <summary>What the message is about (e.g. <c>booking:{id}:reminder-24h</c>), so later changes can find and cancel it.</summary>
    public string? Topic { get; private set; }

    /// <summary>Set when the message is no longer wanted (a reminder of a moved or canceled call); it is never sent.</summary>
    public DateTimeOffset? CanceledAt { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public int Attempts { get; private set; }

    public DateTimeOffset NextAttemptAt { get; private set; }

    /// <summary>While set in the future, one worker is handling the message and the others leave it alone.</summary>
    public DateTimeOffset? LockedUntil { get; private set; }

    public DateTimeOffset? SentAt { get; private set; }

    /// <summary>Set when every attempt failed; the message stays for inspection.</summary>
    public DateTimeOffset? DeadAt { get; private set; }

    public string? LastError { get; private set; }

    /// <summary>An e-mail to send now, or at <paramref name="sendAt"/> (a reminder).</summary>
    public static OutboxMessage Email(Guid? workspaceId, EmailMessage email, DateTimeOffset now, string? topic = null, DateTimeOffset? sendAt = null) => new()
    {
        Id = Guid.CreateVersion7(now),
        WorkspaceId = workspaceId,
        Kind = EmailMessage.Kind,
        Payload = JsonSerializer.Serialize(email, ApiJson.Options),
        Topic = topic,
        CreatedAt = now,
        NextAttemptAt = sendAt ?? now,
    };

    /// <summary>scheduled, sent, canceled or failed (every attempt used).</summary>
    public string Status => CanceledAt is not null ? "canceled" : SentAt is not null ? "sent" : DeadAt is not null ? "failed" : "scheduled";

    public void Cancel(DateTimeOffset now) => CanceledAt ??= SentAt is null ? now : null;

    public EmailMessage ReadEmail() => JsonSerializer.Deserialize<EmailMessage>(Payload, ApiJson.Options)
        ?? throw new InvalidOperationException($"Outbox message {Id} has no e-mail.");

    public void Sent(DateTimeOffset now)
    {
        SentAt = now;
        LockedUntil = null;
        Attempts++;
    }

    /// <summary>
    /// Records a failed attempt and schedules the next one: 30 s, 1, 2, 4… minutes, capped at one hour, with up to 20%
    /// jitter so a batch of failures does not retry in lockstep. After <see cref="MaxAttempts"/> the message is dead.
    /// </summary>
    public void Failed(string error, DateTimeOffset now, double jitter)
    {
        Attempts++;
        LockedUntil = null;
        LastError = error.Length > 2000 ? error[..2000] : error;
        if (Attempts >= MaxAttempts)
        {
            DeadAt = now;
            return;
        }
        NextAttemptAt = now + RetryBackoff.After(Attempts, jitter);
    }
}

/// <summary>How long to wait after the n-th failed attempt: 30 s, 1, 2, 4… minutes, capped at one hour, plus up to 20% jitter.</summary>
public static class RetryBackoff
{
    public static TimeSpan After(int attempts, double jitter) =>
        TimeSpan.FromSeconds(Math.Min(3600, 30 * Math.Pow(2, attempts - 1)) * (1 + 0.2 * Math.Clamp(jitter, 0, 1)));
}

/// <summary>An e-mail to send: plain text and HTML bodies, and attachments (a calendar invitation).</summary>
public sealed record EmailMessage(string To, string Subject, string TextBody, string? HtmlBody, IReadOnlyList<EmailAttachment>? Attachments = null)
{
    public const string Kind = "email";
}

public sealed record EmailAttachment(string FileName, string ContentType, string Content);
