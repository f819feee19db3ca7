using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Assessment.Api.Persistence;
using Assessment.Api.Webhooks;
using Assessment.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using WireMock.Server;

namespace Assessment.Api.Tests.Partners;

public abstract class WebhookTests(AssessmentApp app) : IDisposable
{
    private readonly WireMockServer _receiver = WireMockServer.Start();

    public void Dispose()
    {
        _receiver.Stop();
        _receiver.Dispose();
        GC.SuppressFinalize(this);
    }

    private void Answer(string path, int status) =>
        _receiver.Given(Request.Create().WithPath(path).UsingPost()).RespondWith(Response.Create().WithStatusCode(status));

    private async Task<(string Id, string Secret)> SubscribeAsync(HttpClient client, string path, params string[] types)
    {
        var created = await client.PostJsonAsync("/api/v1/webhook-endpoints", new { url = _receiver.Url + path, eventTypes = types });
        Assert.Equal(HttpStatusCode.Created, created.Status);
        return (created.Body.GetProperty("id").GetString()!, created.Body.GetProperty("secret").GetString()!);
    }

    private async Task DeliverDueAsync()
    {
        using var scope = app.Services.CreateScope();
        await scope.ServiceProvider.GetRequiredService<WebhookDeliverer>().ProcessDueAsync(CancellationToken.None);
    }

    /// <summary>Checks a signature exactly as a receiver following the Standard Webhooks specification would.</summary>
    private static bool Verifies(string secret, string id, string timestamp, string body, string header)
    {
        var key = Convert.FromBase64String(secret["whsec_".Length..]);
        var expected = "v1," + Convert.ToBase64String(HMACSHA256.HashData(key, Encoding.UTF8.GetBytes($"{id}.{timestamp}.{body}")));
        return header.Split(' ').Contains(expected);
    }

    [Fact]
    public async Task Events_are_delivered_signed_and_can_be_polled()
    {
        Answer("/signed", 200);
        var client = await app.PartnerAsync("alpha-partner");
        var (_, secret) = await SubscribeAsync(client, "/signed", "assessment.started");
        Assert.StartsWith("whsec_", secret, StringComparison.Ordinal);
        var assessment = (await client.PostJsonAsync("/api/v1/assessments", new { questionnaireKey = "owner-time" })).Body.GetProperty("id").GetString();

        await DeliverDueAsync();
        var received = Assert.Single(_receiver.LogEntries, e => e.RequestMessage.Path == "/signed").RequestMessage;
        var id = received.Headers!["webhook-id"].Single();
        var timestamp = received.Headers["webhook-timestamp"].Single();
        Assert.StartsWith("msg_", id, StringComparison.Ordinal);
        Assert.True(Verifies(secret, id, timestamp, received.Body!, received.Headers["webhook-signature"].Single()), "The signature verifies with the endpoint's secret.");
        var body = JsonDocument.Parse(received.Body!).RootElement;
        Assert.Equal("assessment.started", body.GetProperty("type").GetString());
        Assert.Equal(assessment, body.GetProperty("data").GetProperty("assessmentId").GetString());

        var events = await client.GetJsonAsync("/api/v1/events?type=assessment.started&limit=100");
        Assert.Contains(events.Body.GetProperty("data").EnumerateArray(), e => e.GetProperty("id").GetString() == id
            && e.GetProperty("data").GetProperty("assessmentId").GetString() == assessment);
    }

    [Fact]
    public async Task A_failing_endpoint_is_retried_later_logged_and_can_be_redelivered()
    {
        Answer("/failing", 500);
        var client = await app.PartnerAsync("alpha-partner");
        var (endpoint, _) = await SubscribeAsync(client, "/failing", "assessment.started");
        await client.PostJsonAsync("/api/v1/assessments", new { questionnaireKey = "owner-time" });
        await DeliverDueAsync();

        var log = await client.GetJsonAsync($"/api/v1/webhook-endpoints/{endpoint}/deliveries");
        var delivery = Assert.Single(log.Body.GetProperty("data").EnumerateArray());
        Assert.Equal("pending", delivery.GetProperty("status").GetString());
        Assert.Equal(1, delivery.GetProperty("attempts").GetInt32());
        Assert.True(delivery.GetProperty("nextAttemptAt").GetDateTimeOffset() >= app.Clock.GetUtcNow().AddSeconds(29));
        var attempt = Assert.Single(delivery.GetProperty("log").EnumerateArray());
        Assert.Equal(500, attempt.GetProperty("statusCode").GetInt32());
        Assert.True(attempt.GetProperty("latencyMs").GetInt32() >= 0);

        await DeliverDueAsync();
        Assert.Single(_receiver.LogEntries, e => e.RequestMessage.Path == "/failing");

        var again = await client.PostJsonAsync($"/api/v1/webhook-deliveries/{delivery.GetProperty("id").GetString()}/redeliver");
        Assert.Equal(2, again.Body.GetProperty("attempts").GetInt32());
        Assert.Equal(2, _receiver.LogEntries.Count(e => e.RequestMessage.Path == "/failing"));
    }

    [Fact]
    public async Task Gone_disables_the_endpoint()
    {
        Answer("/gone", 410);
        var client = await app.PartnerAsync("alpha-partner");
        var (endpoint, _) = await SubscribeAsync(client, "/gone", "assessment.started");
        await client.PostJsonAsync("/api/v1/assessments", new { questionnaireKey = "owner-time" });
        await DeliverDueAsync();

        var listed = (await client.GetJsonAsync("/api/v1/webhook-endpoints")).Body.GetProperty("data").EnumerateArray().Single(e => e.GetProperty("id").GetString() == endpoint);
        Assert.NotEqual(JsonValueKind.Null, listed.GetProperty("disabledAt").ValueKind);
        await client.PostJsonAsync("/api/v1/assessments", new { questionnaireKey = "owner-time" });
        await DeliverDueAsync();
        Assert.Single(_receiver.LogEntries, e => e.RequestMessage.Path == "/gone");
    }

    [Fact]
    public async Task During_a_rotation_messages_carry_signatures_by_both_secrets()
    {
        Answer("/rotating", 200);
        var client = await app.PartnerAsync("alpha-partner");
        var (endpoint, old) = await SubscribeAsync(client, "/rotating", "assessment.started");
        var rotated = await client.PostJsonAsync($"/api/v1/webhook-endpoints/{endpoint}/rotate-secret");
        var fresh = rotated.Body.GetProperty("secret").GetString()!;
        Assert.NotEqual(old, fresh);
        await client.PostJsonAsync("/api/v1/assessments", new { questionnaireKey = "owner-time" });
        await DeliverDueAsync();

        var received = Assert.Single(_receiver.LogEntries, e => e.RequestMessage.Path == "/rotating").RequestMessage;
        var header = received.Headers!["webhook-signature"].Single();
        Assert.Equal(2, header.Split(' ').Length);
        var id = received.Headers["webhook-id"].Single();
        var timestamp = received.Headers["webhook-timestamp"].Single();
        Assert.True(Verifies(fresh, id, timestamp, received.Body!, header));
        Assert.True(Verifies(old, id, timestamp, received.Body!, header));
    }

    [Fact]
    public async Task Endpoints_need_the_scope_a_valid_url_and_known_events_and_stay_in_their_workspace()
    {
        var reader = await app.PartnerAsync("alpha-reader");
        Assert.Equal(HttpStatusCode.Forbidden, (await reader.GetJsonAsync("/api/v1/webhook-endpoints")).Status);
        var client = await app.PartnerAsync("alpha-partner");
        Assert.Contains("url", (await client.PostJsonAsync("/api/v1/webhook-endpoints", new { url = "not a url", eventTypes = new[] { "booking.created" } }))
            .AssertProblem(HttpStatusCode.BadRequest, "/problems/validation").Keys);
        Assert.Contains("eventTypes", (await client.PostJsonAsync("/api/v1/webhook-endpoints", new { url = "https://partner.test/hook", eventTypes = new[] { "booking.exploded" } }))
            .AssertProblem(HttpStatusCode.BadRequest, "/problems/validation").Keys);
        var (endpoint, _) = await SubscribeAsync(client, "/isolated", "booking.created");
        var beta = await app.PartnerAsync("beta-partner");
        (await beta.GetJsonAsync($"/api/v1/webhook-endpoints/{endpoint}/deliveries")).AssertProblem(HttpStatusCode.NotFound, "/problems/not-found");
        (await beta.SendAsync(HttpMethod.Delete, $"/api/v1/webhook-endpoints/{endpoint}")).AssertProblem(HttpStatusCode.NotFound, "/problems/not-found");
        Assert.DoesNotContain((await beta.GetJsonAsync("/api/v1/webhook-endpoints")).Body.GetProperty("data").EnumerateArray(), e => e.GetProperty("id").GetString() == endpoint);
    }
}

public sealed class WebhookTestsOnSqlite(SqliteApp app) : WebhookTests(app), IClassFixture<SqliteApp>;

public sealed class WebhookTestsOnPostgres(PostgresApp app) : WebhookTests(app), IClassFixture<PostgresApp>;

public abstract class IdempotencyTests(AssessmentApp app)
{
    private static async Task<(HttpStatusCode Status, JsonElement Body, HttpResponseMessage Raw)> PostAsync(HttpClient client, string key, object body)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, Http.Url("/api/v1/assessments")) { Content = System.Net.Http.Json.JsonContent.Create(body) };
        request.Headers.Add("Idempotency-Key", key);
        var response = await client.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        return (response.StatusCode, JsonDocument.Parse(text).RootElement.Clone(), response);
    }

    [Fact]
    public async Task The_same_key_and_body_replay_the_first_response_and_create_nothing_more()
    {
        var client = await app.PartnerAsync("alpha-partner");
        var key = Guid.NewGuid().ToString();
        var body = new { questionnaireKey = "owner-time", respondent = new { email = $"{key}@practice.test" } };
        var first = await PostAsync(client, key, body);
        var second = await PostAsync(client, key, body);

        Assert.Equal(HttpStatusCode.Created, first.Status);
        Assert.Equal(HttpStatusCode.Created, second.Status);
        Assert.Equal(first.Body.GetProperty("id").GetString(), second.Body.GetProperty("id").GetString());
        Assert.Equal(first.Raw.Headers.Location, second.Raw.Headers.Location);
        Assert.Equal("true", second.Raw.Headers.GetValues("Idempotent-Replayed").Single());
        using var scope = app.Services.CreateScope();
        Assert.Equal(1, await scope.ServiceProvider.GetRequiredService<AppDbContext>().Assessments.IgnoreQueryFilters()
            .CountAsync(a => a.Respondent.Email == $"{key}@practice.test"));

        var other = await PostAsync(await app.PartnerAsync("beta-partner"), key, body);
        Assert.NotEqual(first.Body.GetProperty("id").GetString(), other.Body.GetProperty("id").GetString());
    }

    [Fact]
    public async Task The_same_key_with_another_body_is_refused_and_a_running_one_is_a_conflict()
    {
        var client = await app.PartnerAsync("alpha-partner");
        var key = Guid.NewGuid().ToString();
        await PostAsync(client, key, new { questionnaireKey = "owner-time" });
        var reused = await PostAsync(client, key, new { questionnaireKey = "owner-time", respondent = new { name = "Someone else" } });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, reused.Status);
        Assert.Equal("/problems/idempotency-key-reused", reused.Body.GetProperty("type").GetString());

        // A first request still running: its record has no response yet.
        using (var scope = app.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            db.IdempotencyRecords.Add(new IdempotencyRecord { Id = Guid.NewGuid(), Caller = "alpha-partner", Key = "running", RequestHash = "x", CreatedAt = DateTimeOffset.UtcNow });
            await db.SaveChangesAsync();
        }
        var running = await PostAsync(client, "running", new { questionnaireKey = "owner-time" });
        Assert.Equal(HttpStatusCode.Conflict, running.Status);
        Assert.Equal("/problems/idempotency-key-in-progress", running.Body.GetProperty("type").GetString());
    }
}

public sealed class IdempotencyTestsOnSqlite(SqliteApp app) : IdempotencyTests(app), IClassFixture<SqliteApp>;

public sealed class IdempotencyTestsOnPostgres(PostgresApp app) : IdempotencyTests(app), IClassFixture<PostgresApp>;
