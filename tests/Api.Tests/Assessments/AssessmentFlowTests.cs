using System.Net;
using System.Text.Json;
using Assessment.Testing;

namespace Assessment.Api.Tests.Assessments;

public abstract class AssessmentFlowTests(AssessmentApp app)
{
    private const string Validation = "/problems/validation";

    private async Task<(HttpClient Client, string Id)> StartAsync(string partner = "alpha-partner")
    {
        var client = await app.PartnerAsync(partner);
        var started = await client.PostJsonAsync("/api/v1/assessments", new
        {
            questionnaireKey = "owner-time",
            respondent = new { email = "owner@practice.test", name = "Dr Owner", practiceName = "Smile Dental" },
        });
        Assert.Equal(HttpStatusCode.Created, started.Status);
        return (client, started.Body.GetProperty("id").GetString()!);
    }

    [Fact]
    public async Task Partner_token_drives_start_answers_submit_and_result()
    {
        var (client, id) = await StartAsync();

        var saved = await client.PutJsonAsync($"/api/v1/assessments/{id}/answers", new { answers = OwnerTimeAnswers.Complete() });
        Assert.Equal(HttpStatusCode.OK, saved.Status);
        Assert.Empty(saved.Body.GetProperty("stillRequired").EnumerateArray());

        var submitted = await client.PostJsonAsync($"/api/v1/assessments/{id}/submit");
        Assert.Equal(HttpStatusCode.OK, submitted.Status);
        Assert.Equal(0.2m, submitted.Body.GetProperty("leadershipShare").GetDecimal());
        Assert.Equal(0.75m, submitted.Body.GetProperty("idealWeek").GetProperty("leadershipShare").GetDecimal());
        Assert.Equal("owner-time", submitted.Body.GetProperty("questionnaire").GetProperty("key").GetString());
        Assert.Equal(1, submitted.Body.GetProperty("questionnaire").GetProperty("version").GetInt32());
        Assert.Equal("1", submitted.Body.GetProperty("scoringVersion").GetString());

        var result = await client.GetJsonAsync($"/api/v1/assessments/{id}/result");
        Assert.Equal(HttpStatusCode.OK, result.Status);
        Assert.Equal(0.2m, result.Body.GetProperty("leadershipShare").GetDecimal());
        Assert.Equal(55m, result.Body.GetProperty("actualWeek").GetProperty("totalHours").GetDecimal());

        var assessment = await client.GetJsonAsync($"/api/v1/assessments/{id}");
        Assert.Equal("submitted", assessment.Body.GetProperty("status").GetString());
        Assert.Equal("dental", assessment.Body.GetProperty("answers").GetProperty("practice-type").GetString());
    }

    [Fact]
    public async Task Start_returns_created_with_the_pinned_questionnaire_version()
    {
        var client = await app.PartnerAsync("alpha-partner");
        var started = await client.PostJsonAsync("/api/v1/assessments", new { questionnaireKey = "owner-time" });
        Assert.Equal(HttpStatusCode.Created, started.Status);
        Assert.Equal("in-progress", started.Body.GetProperty("status").GetString());
        Assert.Equal(1, started.Body.GetProperty("questionnaire").GetProperty("version").GetInt32());
        Assert.Contains("practice-type", started.Body.GetProperty("stillRequired").EnumerateArray().Select(e => e.GetString()));
    }

    [Fact]
    public async Task Start_records_the_consent_version_and_refuses_an_outdated_one()
    {
        var client = await app.PartnerAsync("alpha-partner");
        var current = Assessment.Domain.Privacy.DataUseNotice.Version;
        var started = await client.PostJsonAsync("/api/v1/assessments", new { questionnaireKey = "owner-time", consentVersion = current });
        Assert.Equal(current, started.Body.GetProperty("consentVersion").GetString());
        var old = await client.PostJsonAsync("/api/v1/assessments", new { questionnaireKey = "owner-time", consentVersion = "2020-01" });
        Assert.Contains("consentVersion", old.AssertProblem(HttpStatusCode.BadRequest, Validation).Keys);
    }

    [Theory]
    [InlineData("{}", "questionnaireKey")]
    [InlineData("{\"questionnaireKey\":\"no-such-thing\"}", "questionnaireKey")]
    [InlineData("{\"questionnaireKey\":\"owner-time\",\"respondent\":{\"email\":\"not-an-address\"}}", "respondent.email")]
    public async Task Start_with_bad_input_names_the_field(string body, string field)
    {
        var client = await app.PartnerAsync("alpha-partner");
        var errors = (await client.PostJsonAsync("/api/v1/assessments", body)).AssertProblem(HttpStatusCode.BadRequest, Validation);
        Assert.Contains(field, errors.Keys);
    }

    [Theory]
    [InlineData("{\"nope\":1}", "nope")]
    [InlineData("{\"locations\":\"three\"}", "locations")]
    [InlineData("{\"locations\":0}", "locations")]
    [InlineData("{\"team-size\":2.5}", "team-size")]
    [InlineData("{\"practice-type\":\"spa\"}", "practice-type")]
    [InlineData("{\"practice-type\":true}", "practice-type")]
    [InlineData("{\"pb-1\":6}", "pb-1")]
    [InlineData("{\"pb-1\":null}", "pb-1")]
    [InlineData("{\"time-actual\":{\"rota\":-1}}", "time-actual")]
    [InlineData("{\"time-actual\":{\"rota\":100,\"clinical\":80}}", "time-actual")]
    [InlineData("{\"time-actual\":{\"golf\":2}}", "time-actual")]
    [InlineData("{\"time-actual\":{\"rota\":\"lots\"}}", "time-actual")]
    [InlineData("{\"priorities\":[\"less-hours\",\"flying\"]}", "priorities")]
    public async Task Refused_answer_names_the_item_and_changes_nothing(string answers, string itemId)
    {
        var (client, id) = await StartAsync();
        Assert.Equal(HttpStatusCode.OK, (await client.PutJsonAsync($"/api/v1/assessments/{id}/answers", new { answers = new { locations = 2 } })).Status);

        // The bad answer travels with a good one: neither is saved.
        var refused = await client.PutJsonAsync($"/api/v1/assessments/{id}/answers", "{\"answers\":{" + answers[1..^1] + ",\"clinical-hours\":5}}");
        var errors = refused.AssertProblem(HttpStatusCode.BadRequest, Validation);
        Assert.Equal(["answers." + itemId], errors.Keys);

        var stored = await client.GetJsonAsync($"/api/v1/assessments/{id}");
        var saved = stored.Body.GetProperty("answers");
        Assert.Equal(2, saved.GetProperty("locations").GetInt32());
        Assert.False(saved.TryGetProperty("clinical-hours", out _), "A refused batch saves none of its answers.");
    }

    [Fact]
    public async Task Text_over_its_limit_is_refused()
    {
        var (client, id) = await StartAsync();
        var errors = (await client.PutJsonAsync($"/api/v1/assessments/{id}/answers", new { answers = new Dictionary<string, object> { ["frustration"] = new string('x', 2001) } }))
            .AssertProblem(HttpStatusCode.BadRequest, Validation);
        Assert.Contains("answers.frustration", errors.Keys);
    }

    [Fact]
    public async Task Null_means_not_applicable_where_the_item_allows_it()
    {
        var (client, id) = await StartAsync();
        var saved = await client.PutJsonAsync($"/api/v1/assessments/{id}/answers", "{\"answers\":{\"os-2\":null}}");
        Assert.Equal(HttpStatusCode.OK, saved.Status);
        Assert.Equal(JsonValueKind.Null, saved.Body.GetProperty("answers").GetProperty("os-2").ValueKind);
        Assert.DoesNotContain("os-2", saved.Body.GetProperty("stillRequired").EnumerateArray().Select(e => e.GetString()));
    }

    [Fact]
    public async Task Answers_merge_and_answers_to_hidden_items_are_dropped()
    {
        var (client, id) = await StartAsync();
        await client.PutJsonAsync($"/api/v1/assessments/{id}/answers", new { answers = new Dictionary<string, object> { ["locations"] = 3, ["site-leads"] = "some" } });
        var merged = await client.PutJsonAsync($"/api/v1/assessments/{id}/answers", new { answers = new Dictionary<string, object> { ["team-size"] = 40 } });
        Assert.Equal("some", merged.Body.GetProperty("answers").GetProperty("site-leads").GetString());
        Assert.Equal(40, merged.Body.GetProperty("answers").GetProperty("team-size").GetInt32());

        var single = await client.PutJsonAsync($"/api/v1/assessments/{id}/answers", new { answers = new Dictionary<string, object> { ["locations"] = 1 } });
        Assert.False(single.Body.GetProperty("answers").TryGetProperty("site-leads", out _), "The multi-site answer is dropped once there is one site.");
        Assert.DoesNotContain("site-leads", single.Body.GetProperty("stillRequired").EnumerateArray().Select(e => e.GetString()));
    }

    [Fact]
    public async Task Submit_lists_every_missing_required_item()
    {
        var (client, id) = await StartAsync();
        var answers = OwnerTimeAnswers.Complete();
        answers.Remove("team-size");
        answers.Remove("md-3");
        answers.Remove("time-ideal");
        await client.PutJsonAsync($"/api/v1/assessments/{id}/answers", new { answers });

        var errors = (await client.PostJsonAsync($"/api/v1/assessments/{id}/submit")).AssertProblem(HttpStatusCode.BadRequest, Validation);
        Assert.Equal(["answers.md-3", "answers.team-size", "answers.time-ideal"], errors.Keys.Order(StringComparer.Ordinal));
        Assert.Equal("in-progress", (await client.GetJsonAsync($"/api/v1/assessments/{id}")).Body.GetProperty("status").GetString());
    }

    [Fact]
    public async Task A_submitted_assessment_cannot_be_submitted_or_changed_again()
    {
        var (client, id) = await StartAsync();
        await client.PutJsonAsync($"/api/v1/assessments/{id}/answers", new { answers = OwnerTimeAnswers.Complete() });
        Assert.Equal(HttpStatusCode.OK, (await client.PostJsonAsync($"/api/v1/assessments/{id}/submit")).Status);

        (await client.PostJsonAsync($"/api/v1/assessments/{id}/submit")).AssertProblem(HttpStatusCode.Conflict, "/problems/assessment-already-submitted");
        (await client.PutJsonAsync($"/api/v1/assessments/{id}/answers", new { answers = new { locations = 4 } }))
            .AssertProblem(HttpStatusCode.Conflict, "/problems/assessment-already-submitted");
        Assert.Equal(1, (await client.GetJsonAsync($"/api/v1/assessments/{id}")).Body.GetProperty("answers").GetProperty("locations").GetInt32());
    }

    [Fact]
    public async Task Result_of_an_unsubmitted_assessment_is_a_conflict()
    {
        var (client, id) = await StartAsync();
        (await client.GetJsonAsync($"/api/v1/assessments/{id}/result")).AssertProblem(HttpStatusCode.Conflict, "/problems/assessment-incomplete");
    }

    [Fact]
    public async Task Malformed_json_is_a_problem_and_changes_nothing()
    {
        var (client, id) = await StartAsync();
        (await client.PutJsonAsync($"/api/v1/assessments/{id}/answers", "{\"answers\": {\"locations\": 2")).AssertProblem(HttpStatusCode.BadRequest, Validation);
        (await client.PutJsonAsync($"/api/v1/assessments/{id}/answers", "{}")).AssertProblem(HttpStatusCode.BadRequest, Validation);
        Assert.Empty((await client.GetJsonAsync($"/api/v1/assessments/{id}")).Body.GetProperty("answers").EnumerateObject());
    }

    [Fact]
    public async Task Unknown_assessment_is_not_found()
    {
        var client = await app.PartnerAsync("alpha-partner");
        var unknown = Guid.NewGuid();
        (await client.GetJsonAsync($"/api/v1/assessments/{unknown}")).AssertProblem(HttpStatusCode.NotFound, "/problems/not-found");
        (await client.GetJsonAsync($"/api/v1/assessments/{unknown}/result")).AssertProblem(HttpStatusCode.NotFound, "/problems/not-found");
        (await client.PostJsonAsync($"/api/v1/assessments/{unknown}/submit")).AssertProblem(HttpStatusCode.NotFound, "/problems/not-found");
        (await client.PutJsonAsync($"/api/v1/assessments/{unknown}/answers", new { answers = new { locations = 1 } })).AssertProblem(HttpStatusCode.NotFound, "/problems/not-found");
    }

    [Fact]
    public async Task Another_workspace_sees_nothing_and_changes_nothing()
    {
        var (alpha, id) = await StartAsync("alpha-partner");
        await alpha.PutJsonAsync($"/api/v1/assessments/{id}/answers", new { answers = OwnerTimeAnswers.Complete() });
        var beta = await app.PartnerAsync("beta-partner");

        (await beta.GetJsonAsync($"/api/v1/assessments/{id}")).AssertProblem(HttpStatusCode.NotFound, "/problems/not-found");
        (await beta.GetJsonAsync($"/api/v1/assessments/{id}/result")).AssertProblem(HttpStatusCode.NotFound, "/problems/not-found");
        (await beta.PutJsonAsync($"/api/v1/assessments/{id}/answers", new { answers = new { locations = 9 } })).AssertProblem(HttpStatusCode.NotFound, "/problems/not-found");
        (await beta.PostJsonAsync($"/api/v1/assessments/{id}/submit")).AssertProblem(HttpStatusCode.NotFound, "/problems/not-found");

        var own = await alpha.GetJsonAsync($"/api/v1/assessments/{id}");
        Assert.Equal("in-progress", own.Body.GetProperty("status").GetString());
        Assert.Equal(1, own.Body.GetProperty("answers").GetProperty("locations").GetInt32());
    }

    [Fact]
    public async Task Questionnaires_are_listed_and_served_by_version()
    {
        var client = await app.PartnerAsync("alpha-reader");
        var list = await client.GetJsonAsync("/api/v1/questionnaires");
        Assert.Equal(HttpStatusCode.OK, list.Status);
        Assert.Contains(list.Body.GetProperty("data").EnumerateArray(), q => q.GetProperty("key").GetString() == "owner-time");

        var latest = await client.GetJsonAsync("/api/v1/questionnaires/owner-time");
        Assert.Equal(1, latest.Body.GetProperty("version").GetInt32());
        var items = latest.Body.GetProperty("sections").EnumerateArray().SelectMany(s => s.GetProperty("items").EnumerateArray()).ToList();
        var actual = items.Single(i => i.GetProperty("id").GetString() == "time-actual");
        Assert.Equal("time-allocation", actual.GetProperty("type").GetString());
        Assert.Equal("actual", actual.GetProperty("week").GetString());
        Assert.True(actual.GetProperty("activities").GetArrayLength() >= 16);
        var siteLeads = items.Single(i => i.GetProperty("id").GetString() == "site-leads");
        Assert.Equal("locations", siteLeads.GetProperty("visibleIf").GetProperty("itemId").GetString());

        Assert.Equal(HttpStatusCode.OK, (await client.GetJsonAsync("/api/v1/questionnaires/owner-time/versions/1")).Status);
        (await client.GetJsonAsync("/api/v1/questionnaires/owner-time/versions/99")).AssertProblem(HttpStatusCode.NotFound, "/problems/not-found");
        (await client.GetJsonAsync("/api/v1/questionnaires/nothing")).AssertProblem(HttpStatusCode.NotFound, "/problems/not-found");
    }
}

public sealed class AssessmentFlowTestsOnSqlite(SqliteApp app) : AssessmentFlowTests(app), IClassFixture<SqliteApp>;

public sealed class AssessmentFlowTestsOnPostgres(PostgresApp app) : AssessmentFlowTests(app), IClassFixture<PostgresApp>;
