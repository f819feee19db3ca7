using System.Net;
using Assessment.Api.Outbox;
using Assessment.Api.Persistence;
using Assessment.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Assessment.Api.Tests.Reports;

public sealed class OutboxBackoffTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 23, 12, 0, 0, TimeSpan.Zero);

    [Theory]
    [InlineData(1, 30)]
    [InlineData(2, 60)]
    [InlineData(3, 120)]
    [InlineData(7, 1920)]
    public void Retries_back_off_exponentially_with_jitter(int attempts, int baseSeconds)
    {
        var message = OutboxMessage.Email(null, new EmailMessage("a@b.test", "s", "t", null), Now);
        for (var i = 0; i < attempts; i++)
        {
            message.Failed("refused", Now, jitter: 0);
        }
        Assert.Equal(Now.AddSeconds(baseSeconds), message.NextAttemptAt);

        var jittered = OutboxMessage.Email(null, new EmailMessage("a@b.test", "s", "t", null), Now);
        for (var i = 0; i < attempts; i++)
        {
            jittered.Failed("refused", Now, jitter: 1);
        }
        Assert.Equal(Now.AddSeconds(baseSeconds * 1.2), jittered.NextAttemptAt);
    }

    [Fact]
    public void A_message_dies_after_the_last_attempt_and_keeps_its_error()
    {
        var message = OutboxMessage.Email(null, new EmailMessage("a@b.test", "s", "t", null), Now);
        for (var i = 0; i < OutboxMessage.MaxAttempts; i++)
        {
            Assert.Null(message.DeadAt);
            message.Failed($"refused {i}", Now, jitter: 0.5);
        }
        Assert.Equal(Now, message.DeadAt);
        Assert.Equal($"refused {OutboxMessage.MaxAttempts - 1}", message.LastError);
    }
}

/// <summary>An app whose SMTP server refuses every connection.</summary>
public sealed class BrokenSmtpApp() : AssessmentApp(DatabaseProvider.Sqlite)
{
    protected override void Configure(Dictionary<string, string?> settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        settings["Email:Smtp:Host"] = "127.0.0.1";
        settings["Email:Smtp:Port"] = "9";
        settings["Email:Smtp:Security"] = "None";
    }
}

public sealed class OutboxDeliveryTests(BrokenSmtpApp app) : IClassFixture<BrokenSmtpApp>
{
    private async Task<Guid> SubmitWithConsentAsync()
    {
        var client = await app.PartnerAsync("alpha-partner");
        var id = (await client.PostJsonAsync("/api/v1/assessments", new { questionnaireKey = "owner-time", respondent = new { email = "owner@practice.test" } }))
            .Body.GetProperty("id").GetString();
        await client.PutJsonAsync($"/api/v1/assessments/{id}/answers", new { answers = OwnerTimeAnswers.Complete() });
        Assert.Equal(HttpStatusCode.OK, (await client.PostJsonAsync($"/api/v1/assessments/{id}/submit", new { emailReport = true })).Status);
        using var scope = app.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<AppDbContext>().Outbox.OrderByDescending(m => m.CreatedAt).Select(m => m.Id).FirstAsync();
    }

    [Fact]
    public async Task A_failed_send_is_retried_later_not_lost()
    {
        var id = await SubmitWithConsentAsync();
        using var scope = app.Services.CreateScope();
        var processor = scope.ServiceProvider.GetRequiredService<OutboxProcessor>();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();

        Assert.Equal(0, await processor.ProcessDueAsync(CancellationToken.None));
        var failed = await db.Outbox.AsNoTracking().SingleAsync(m => m.Id == id);
        Assert.Equal(1, failed.Attempts);
        Assert.Null(failed.SentAt);
        Assert.NotNull(failed.LastError);
        Assert.True(failed.NextAttemptAt >= app.Clock.GetUtcNow().AddSeconds(29), "The next attempt waits.");

        // Not due yet: nothing is tried.
        await processor.ProcessDueAsync(CancellationToken.None);
        Assert.Equal(1, (await db.Outbox.AsNoTracking().SingleAsync(m => m.Id == id)).Attempts);

        app.Clock.Advance(TimeSpan.FromMinutes(1));
        await processor.ProcessDueAsync(CancellationToken.None);
        Assert.Equal(2, (await db.Outbox.AsNoTracking().SingleAsync(m => m.Id == id)).Attempts);
    }

    [Fact]
    public async Task A_restarted_host_delivers_what_was_left_in_the_outbox()
    {
        var id = await SubmitWithConsentAsync();

        // A new host on the same database, with working (file) delivery and its background worker on.
        var mail = Path.Combine(Path.GetTempPath(), $"assessment-mail-{Guid.NewGuid():N}");
        await using var restarted = app.AnotherInstance(new Dictionary<string, string?>
        {
            ["Email:Smtp:Host"] = "",
            ["Email:PickupDirectory"] = mail,
            ["Outbox:Enabled"] = "true",
            ["Outbox:PollSeconds"] = "0.2",
        });
        restarted.StartServer();
        // The earlier failure scheduled a retry; make it due now for this host.
        using (var scope = restarted.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            await db.Outbox.Where(m => m.Id == id).ExecuteUpdateAsync(s => s.SetProperty(m => m.NextAttemptAt, DateTimeOffset.UtcNow.AddMinutes(-1)));
        }
        var file = Path.Combine(mail, $"{id:N}.eml");
        for (var i = 0; i < 100 && !File.Exists(file); i++)
        {
            await Task.Delay(100);
        }
        Assert.True(File.Exists(file), "The restarted host's worker delivered the e-mail.");
    }
}
