using System.Net;
using System.Text.Json;
using Assessment.Api.Persistence;
using Assessment.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Assessment.Api.Tests.Assessments;

public abstract class ScoringApiTests(AssessmentApp app)
{
    private static readonly string[] ReverseKeyed = ["pb-3", "os-3", "cp-2", "sd-4", "ap-3", "md-3", "od-4"];

    private async Task<string> SubmitAsync(HttpClient client, Dictionary<string, object?> answers)
    {
        var id = (await client.PostJsonAsync("/api/v1/assessments", new { questionnaireKey = "owner-time" })).Body.GetProperty("id").GetString()!;
        var saved = await client.PutJsonAsync($"/api/v1/assessments/{id}/answers", new { answers });
        Assert.Equal(HttpStatusCode.OK, saved.Status);
        Assert.Equal(HttpStatusCode.OK, (await client.PostJsonAsync($"/api/v1/assessments/{id}/submit")).Status);
        return id;
    }

    [Fact]
    public async Task Result_carries_profile_dependency_and_reclaimable_hours()
    {
        var client = await app.PartnerAsync("alpha-partner");
        var id = await SubmitAsync(client, OwnerTimeAnswers.Complete());
        var result = (await client.GetJsonAsync($"/api/v1/assessments/{id}/result")).Body;

        // Rota 10 h × 0.8 + suppliers 6 h × 0.7 + billing 4 h × 0.9 = 15.8 h → 16 h to the nearest half hour.
        Assert.Equal(16m, result.GetProperty("hoursReclaimable").GetDecimal());
        Assert.Equal(50m, result.GetProperty("ownerDependency").GetDecimal());
        var profile = result.GetProperty("profile");
        Assert.Equal("buried-in-management", profile.GetProperty("key").GetString());
        Assert.Equal("leadershipShare < 0.30", profile.GetProperty("rule").GetString());
        Assert.Equal(0.2m, profile.GetProperty("figures").GetProperty("leadershipShare").GetDecimal());
        Assert.Equal("dental", result.GetProperty("practice").GetProperty("practiceType").GetString());
        Assert.Equal(7, result.GetProperty("subscales").GetArrayLength());
        Assert.False(result.GetProperty("benchmark").GetProperty("available").GetBoolean());
    }

    [Fact]
    public async Task Rescoring_keeps_the_earlier_result_and_moves_the_benchmark_count()
    {
        var client = await app.PartnerAsync("alpha-partner");
        var id = await SubmitAsync(client, OwnerTimeAnswers.Complete());
        var countsBefore = await BenchmarkTotalAsync();

        // Make the stored result look as if an earlier scoring version had produced it.
        using (var scope = app.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            var changed = await db.Database.ExecuteSqlAsync(
                $"UPDATE assessments SET results = replace(results, '\"scoringVersion\":\"1\"', '\"scoringVersion\":\"0\"') WHERE id = {Guid.Parse(id)}");
            Assert.Equal(1, changed);
        }

        var rescored = await client.PostJsonAsync($"/api/v1/assessments/{id}/rescore");
        Assert.Equal(HttpStatusCode.OK, rescored.Status);
        Assert.Equal("1", rescored.Body.GetProperty("scoringVersion").GetString());

        var results = await client.GetJsonAsync($"/api/v1/assessments/{id}/results");
        Assert.Equal(["0", "1"], results.Body.GetProperty("data").EnumerateArray().Select(r => r.GetProperty("scoringVersion").GetString()));

        Assert.Equal(HttpStatusCode.OK, (await client.PostJsonAsync($"/api/v1/assessments/{id}/rescore")).Status);
        Assert.Equal(2, (await client.GetJsonAsync($"/api/v1/assessments/{id}/results")).Body.GetProperty("data").GetArrayLength());
        Assert.Equal(countsBefore, await BenchmarkTotalAsync());
    }

    [Fact]
    public async Task Rescoring_an_open_assessment_is_a_conflict()
    {
        var client = await app.PartnerAsync("alpha-partner");
        var id = (await client.PostJsonAsync("/api/v1/assessments", new { questionnaireKey = "owner-time" })).Body.GetProperty("id").GetString();
        (await client.PostJsonAsync($"/api/v1/assessments/{id}/rescore")).AssertProblem(HttpStatusCode.Conflict, "/problems/assessment-incomplete");
        var beta = await app.PartnerAsync("beta-partner");
        (await beta.PostJsonAsync($"/api/v1/assessments/{id}/rescore")).AssertProblem(HttpStatusCode.NotFound, "/problems/not-found");
    }

    [Fact]
    public async Task Statistics_are_for_members_and_measure_this_workspace_only()
    {
        var partner = await app.PartnerAsync("beta-partner");
        Assert.Equal(HttpStatusCode.Forbidden, (await partner.GetJsonAsync("/api/v1/questionnaires/owner-time/versions/1/statistics")).Status);

        // Three beta owners whose keyed answers agree on every item (2, 3 and 4): every subscale has α = 1.
        foreach (var keyed in new[] { 2, 3, 4 })
        {
            var answers = OwnerTimeAnswers.Complete();
            foreach (var item in OwnerTimeAnswers.LikertItems)
            {
                answers[item] = ReverseKeyed.Contains(item) ? 6 - keyed : keyed;
            }
            await SubmitAsync(partner, answers);
        }
        // An alpha submission with opposite answers must not count.
        var alphaAnswers = OwnerTimeAnswers.Complete();
        alphaAnswers["pb-1"] = 5;
        alphaAnswers["pb-2"] = 1;
        await SubmitAsync(await app.PartnerAsync("alpha-partner"), alphaAnswers);

        var member = await app.MemberAsync("consultant@beta.test");
        var statistics = await member.GetJsonAsync("/api/v1/questionnaires/owner-time/versions/1/statistics");
        Assert.Equal(HttpStatusCode.OK, statistics.Status);
        Assert.Equal(3, statistics.Body.GetProperty("submittedResponses").GetInt32());
        var subscales = statistics.Body.GetProperty("subscales").EnumerateArray().ToList();
        Assert.Equal(7, subscales.Count);
        foreach (var subscale in subscales)
        {
            Assert.Equal(3, subscale.GetProperty("responses").GetInt32());
            Assert.Equal(1.0, subscale.GetProperty("alpha").GetDouble());
            Assert.All(subscale.GetProperty("itemTotals").EnumerateArray(), t => Assert.Equal(1.0, t.GetProperty("correlation").GetDouble()));
        }
        var dependency = subscales.Single(s => s.GetProperty("subscale").GetString() == "owner-dependency");
        Assert.Equal(["od-1", "od-2", "od-3", "od-4"], dependency.GetProperty("items").EnumerateArray().Select(i => i.GetString()));

        (await member.GetJsonAsync("/api/v1/questionnaires/owner-time/versions/7/statistics")).AssertProblem(HttpStatusCode.NotFound, "/problems/not-found");
    }

    private async Task<long> BenchmarkTotalAsync()
    {
        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        return await db.BenchmarkBuckets.Where(b => b.Cohort == "all").SumAsync(b => b.Responses);
    }
}

public sealed class ScoringApiTestsOnSqlite(SqliteApp app) : ScoringApiTests(app), IClassFixture<SqliteApp>;

public sealed class ScoringApiTestsOnPostgres(PostgresApp app) : ScoringApiTests(app), IClassFixture<PostgresApp>;

/// <summary>The peer benchmark across workspaces: one scenario per database, on a database of its own.</summary>
public abstract class BenchmarkApiTests(AssessmentApp app)
{
    [Fact]
    public async Task Percentile_appears_once_the_cohort_reaches_30_and_counts_every_workspace()
    {
        var alpha = await app.PartnerAsync("alpha-partner");
        var beta = await app.PartnerAsync("beta-partner");

        // 29 dental practices of 12 people in alpha with leadership shares i/30 (i = 1..29).
        string? last = null;
        for (var i = 1; i <= 29; i++)
        {
            last = await SubmitAsync(alpha, "dental", leadership: i, management: 30 - i);
        }
        var early = (await alpha.GetJsonAsync($"/api/v1/assessments/{last}/result")).Body.GetProperty("benchmark");
        Assert.False(early.GetProperty("available").GetBoolean());
        Assert.Equal(JsonValueKind.Null, early.GetProperty("cohortSize").ValueKind);

        // The 30th, from beta, at 0.5: 14 below, itself and i = 15 equal → (14 + 1) / 30 = 50th percentile.
        var id = await SubmitAsync(beta, "dental", leadership: 15, management: 15);
        var benchmark = (await beta.GetJsonAsync($"/api/v1/assessments/{id}/result")).Body.GetProperty("benchmark");
        Assert.True(benchmark.GetProperty("available").GetBoolean());
        Assert.Equal("practice-type-and-size", benchmark.GetProperty("level").GetString());
        Assert.Equal("10-19", benchmark.GetProperty("teamSizeBand").GetString());
        Assert.Equal(30, benchmark.GetProperty("cohortSize").GetInt64());
        Assert.Equal(50m, benchmark.GetProperty("percentile").GetDecimal());

        // A veterinary practice has no cohort of its own yet and is compared with everyone (31 now).
        var vet = await SubmitAsync(beta, "veterinary", leadership: 30, management: 0);
        var broad = (await beta.GetJsonAsync($"/api/v1/assessments/{vet}/result")).Body.GetProperty("benchmark");
        Assert.Equal("all", broad.GetProperty("level").GetString());
        Assert.Equal(31, broad.GetProperty("cohortSize").GetInt64());
        Assert.Equal(98m, broad.GetProperty("percentile").GetDecimal());
    }

    private static async Task<string> SubmitAsync(HttpClient client, string type, int leadership, int management)
    {
        var answers = OwnerTimeAnswers.Complete();
        answers["practice-type"] = type;
        answers["time-actual"] = new Dictionary<string, object?> { ["direction"] = leadership, ["rota"] = management, ["clinical"] = 20 };
        var id = (await client.PostJsonAsync("/api/v1/assessments", new { questionnaireKey = "owner-time" })).Body.GetProperty("id").GetString()!;
        Assert.Equal(HttpStatusCode.OK, (await client.PutJsonAsync($"/api/v1/assessments/{id}/answers", new { answers })).Status);
        Assert.Equal(HttpStatusCode.OK, (await client.PostJsonAsync($"/api/v1/assessments/{id}/submit")).Status);
        return id;
    }
}

public sealed class BenchmarkApiTestsOnSqlite(SqliteApp app) : BenchmarkApiTests(app), IClassFixture<SqliteApp>;

public sealed class BenchmarkApiTestsOnPostgres(PostgresApp app) : BenchmarkApiTests(app), IClassFixture<PostgresApp>;
