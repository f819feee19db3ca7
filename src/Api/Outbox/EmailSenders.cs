using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using MimeKit;

namespace Assessment.Api.Outbox;

/// <summary>The <c>Email</c> configuration section.</summary>
public sealed class EmailOptions
{
    public const string Section = "Email";

    public string From { get; set; } = "Assessment <no-reply@assessment.local>";

    /// <summary>Where messages are written as .eml files when no SMTP host is set; default <c>data/mail</c> beside the content root.</summary>
    public string? PickupDirectory { get; set; }

    public SmtpOptions Smtp { get; set; } = new();
}

public sealed class SmtpOptions
{
    public string? Host { get; set; }

    public int Port { get; set; } = 587;

    public string? Username { get; set; }

    public string? Password { get; set; }

    /// <summary><c>StartTls</c> (default), <c>SslOnConnect</c> or <c>None</c>.</summary>
    public SecureSocketOptions Security { get; set; } = SecureSocketOptions.StartTls;
}

public interface IEmailSender
{
    Task SendAsync(EmailMessage email, Guid messageId, CancellationToken ct);
}

internal static class Mime
{
    public static MimeMessage Build(EmailOptions options, EmailMessage email, Guid messageId)
    {
        var message = new MimeMessage();
        message.From.Add(MailboxAddress.Parse(options.From));
        message.To.Add(MailboxAddress.Parse(email.To));
        message.Subject = email.Subject;
        // A stable Message-ID: a retry after an unclear failure is recognisable as the same message.
        message.MessageId = $"{messageId:N}@assessment";
        var body = new BodyBuilder { TextBody = email.TextBody, HtmlBody = email.HtmlBody };
        foreach (var attachment in email.Attachments ?? [])
        {
            body.Attachments.Add(attachment.FileName, System.Text.Encoding.UTF8.GetBytes(attachment.Content), ContentType.Parse(attachment.ContentType));
        }
        message.Body = body.ToMessageBody();
        return message;
    }
}

/// <summary>Sends through an SMTP server (<c>Email:Smtp:*</c>).</summary>
public sealed class SmtpEmailSender(IOptions<EmailOptions> options) : IEmailSender
{
    public async Task SendAsync(EmailMessage email, Guid messageId, CancellationToken ct)
    {
        var settings = options.Value;
        using var message = Mime.Build(settings, email, messageId);
        using var client = new SmtpClient();
        await client.ConnectAsync(settings.Smtp.Host ?? throw new InvalidOperationException("Email:Smtp:Host is not set."), settings.Smtp.Port, settings.Smtp.Security, ct);
        if (!string.IsNullOrEmpty(settings.Smtp.Username))
        {
            await client.AuthenticateAsync(settings.Smtp.Username, settings.Smtp.Password ?? "", ct);
        }
        await client.SendAsync(message, ct);
        await client.DisconnectAsync(quit: true, ct);
    }
}

/// <summary>The embedded default: every message becomes an .eml file, readable by any mail program.</summary>
public sealed class FileEmailSender(IOptions<EmailOptions> options, IHostEnvironment environment) : IEmailSender
{
    public string Directory => options.Value.PickupDirectory ?? Path.Combine(environment.ContentRootPath, "data", "mail");

    public async Task SendAsync(EmailMessage email, Guid messageId, CancellationToken ct)
    {
        System.IO.Directory.CreateDirectory(Directory);
        using var message = Mime.Build(options.Value, email, messageId);
        // Same id, same file: a retry overwrites rather than duplicates.
        var path = Path.Combine(Directory, $"{messageId:N}.eml");
        var partial = path + ".partial";
        await message.WriteToAsync(partial, ct);
        File.Move(partial, path, overwrite: true);
    }
}
