using System.Net.Http.Headers;
using System.Text.Json;
using Assessment.ApiClient.Tests.Generated;
using Assessment.Testing;

namespace Assessment.ApiClient.Tests;

/// <summary>
/// The API driven only through the client NSwag generates from <c>openapi/v1.json</c>, with a token the OAuth
/// client library obtains from the discovery document: what a partner integrating from the document gets.
/// </summary>
public abstract class GeneratedClientTests(AssessmentApp app)
{
    private async Task<(AssessmentApiClient Client, HttpClient Http)> ClientAsync(string clientId = "alpha-partner")
    {
        var http = app.CreateClient();
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await app.TokenAsync(clientId, $"{clientId}-secret"));
        return (new AssessmentApiClient(http), http);
    }

    [Fact]
    public async Task Start_answers_submit_and_result_through_the_generated_client()
    {
        var (client, http) = await ClientAsync();

        var questionnaires = await client.ListQuestionnairesAsync(limit: 10);
        var questionnaire = Assert.Single(questionnaires.Data, q => q.Key == "owner-time");

        var started = await client.StartAssessmentAsync(new StartAssessmentRequest
        {
            QuestionnaireKey = questionnaire.Key,
            Respondent = new RespondentDocument { Email = "generated@practice.test", Name = "Dr Generated", PracticeName = "Generated Vets" },
        }, idempotencyKey: Guid.NewGuid().ToString());
        Assert.Equal(questionnaire.Version, started.Questionnaire.Version);
        Assert.NotEmpty(started.StillRequired);

        var saved = await client.SaveAnswersAsync(started.Id, new SaveAnswersRequest { Answers = OwnerTimeAnswers.Complete()! });
        Assert.Empty(saved.StillRequired);

        var submitted = await client.SubmitAssessmentAsync(started.Id, body: new SubmitAssessmentRequest { EmailReport = false });
        var result = await client.GetAssessmentResultAsync(started.Id);
        Assert.Equal(submitted.LeadershipShare, result.LeadershipShare);
        Assert.Equal(started.Id, result.AssessmentId);
        Assert.False(string.IsNullOrEmpty(result.Profile.Key));
        Assert.Contains(result.ActualWeek.Categories, c => c.Category == TimeCategory.Leadership && c.Hours > 0);
        Assert.NotEmpty(result.Subscales);

        // The typed result carries what the API sends, not defaults: compare with the raw JSON.
        using var raw = JsonDocument.Parse(await http.GetStringAsync(new Uri($"/api/v1/assessments/{started.Id}/result", UriKind.Relative)));
        Assert.Equal(raw.RootElement.GetProperty("leadershipShare").GetDouble(), result.LeadershipShare);
        Assert.Equal(raw.RootElement.GetProperty("hoursReclaimable").GetDouble(), result.HoursReclaimable);
        Assert.Equal(raw.RootElement.GetProperty("profile").GetProperty("key").GetString(), result.Profile.Key);

        var report = await client.GetReportAsync(started.Id);
        Assert.NotEmpty(report.Report.Recommendations);
    }

    [Fact]
    public async Task Problems_arrive_as_typed_exceptions_with_the_problem_details()
    {
        var (client, _) = await ClientAsync();

        var missing = await Assert.ThrowsAsync<AssessmentApiException<ProblemDetails>>(() => client.GetAssessmentAsync(Guid.NewGuid()));
        Assert.Equal(404, missing.StatusCode);
        Assert.Equal("/problems/not-found", missing.Result.Type);

        var started = await client.StartAssessmentAsync(new StartAssessmentRequest { QuestionnaireKey = "owner-time" });
        var invalid = await Assert.ThrowsAsync<AssessmentApiException<HttpValidationProblemDetails>>(() =>
            client.SaveAnswersAsync(started.Id, new SaveAnswersRequest { Answers = new() { ["team-size"] = "many" } }));
        Assert.Equal(400, invalid.StatusCode);
        Assert.Contains("answers.team-size", invalid.Result.Errors!.Keys);

        var (reader, _) = await ClientAsync("alpha-reader");
        var refused = await Assert.ThrowsAsync<AssessmentApiException<ProblemDetails>>(() =>
            reader.StartAssessmentAsync(new StartAssessmentRequest { QuestionnaireKey = "owner-time" }));
        Assert.Equal(403, refused.StatusCode);
    }

    [Fact]
    public async Task Pages_follow_the_next_cursor_through_the_generated_client()
    {
        var (client, _) = await ClientAsync();
        for (var i = 0; i < 3; i++)
        {
            await client.StartAssessmentAsync(new StartAssessmentRequest { QuestionnaireKey = "owner-time" });
        }
        var all = await client.ListEventsAsync(type: "assessment.started", limit: 100);
        Assert.True(all.Data.Count >= 3);

        var walked = new List<string>();
        string? cursor = null;
        do
        {
            var page = await client.ListEventsAsync(type: "assessment.started", limit: 2, cursor: cursor);
            walked.AddRange(page.Data.Select(e => e.Id));
            cursor = page.NextCursor;
        }
        while (cursor is not null);
        Assert.Equal(all.Data.Select(e => e.Id), walked);
    }
}

public sealed class GeneratedClientTestsOnSqlite(SqliteApp app) : GeneratedClientTests(app), IClassFixture<SqliteApp>;

public sealed class GeneratedClientTestsOnPostgres(PostgresApp app) : GeneratedClientTests(app), IClassFixture<PostgresApp>;
