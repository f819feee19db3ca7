using Assessment.Domain.Assessments;
using Assessment.Domain.Instruments;
using Assessment.Domain.Questionnaires;
using Assessment.Domain.Scoring;
using static Assessment.Domain.Tests.TestData;

namespace Assessment.Domain.Tests;

/// <summary>A response from the first answer to the submitted result.</summary>
public sealed class AssessmentResponseTests
{
    private static readonly QuestionnaireDefinition V1 = OwnerTime.Version1;
    private static readonly Guid WorkspaceId = Guid.Parse("6f1c2a3b-0000-4000-8000-000000000001");
    private static readonly Respondent Owner = new("owner@example.com", "Sam Owner", "Riverside Dental");

    private static AssessmentResponse Start() => AssessmentResponse.Start(WorkspaceId, V1, Owner, Monday);

    private static T Is<T>(object outcome) => Assert.IsType<T>(outcome);

    [Fact]
    public void Start_pins_the_questionnaire_version_and_opens_an_empty_response()
    {
        var response = Start();

        Assert.Equal(WorkspaceId, response.WorkspaceId);
        Assert.Equal("owner-time", response.QuestionnaireKey);
        Assert.Equal(1, response.QuestionnaireVersion);
        Assert.Equal(AssessmentStatus.InProgress, response.Status);
        Assert.Equal(Owner, response.Respondent);
        Assert.Empty(response.Answers);
        Assert.Null(response.Result);
        Assert.Equal(Monday, response.CreatedAt);
        Assert.Equal(Monday, response.UpdatedAt);
        Assert.Null(response.SubmittedAt);
        Assert.Equal(7, response.Id.Version);
        Assert.True(response.IsPinnedTo(V1));
    }

    [Fact]
    public void Response_is_not_pinned_to_another_version_or_questionnaire()
    {
        var response = Start();

        Assert.False(response.IsPinnedTo(Definition("owner-time", 2, new TextItem("x", "X"))));
        Assert.False(response.IsPinnedTo(Small));
    }

    [Fact]
    public void Saving_against_another_version_throws()
    {
        var response = Start();

        var error = Assert.Throws<InvalidOperationException>(() =>
            response.SaveAnswers(Definition("owner-time", 2, new TextItem("x", "X")), Answers(("x", Text("hi"))), Monday));
        Assert.Equal($"Assessment {response.Id} is pinned to owner-time v1, not owner-time v2.", error.Message);
        Assert.Empty(response.Answers);
    }

    [Fact]
    public void Saving_valid_answers_keeps_them_and_reports_what_is_still_required()
    {
        var response = Start();
        var later = Monday.AddMinutes(5);

        var outcome = response.SaveAnswers(V1, Answers(("practice-type", Text("dental")), ("locations", Number(1))), later);

        var saved = Is<SaveOutcome.Saved>(outcome);
        Assert.Equal(AlwaysRequiredExcept("practice-type", "locations"), saved.StillRequired);
        Assert.Equal(["locations", "practice-type"], response.Answers.Select(a => a.Key));
        Assert.Equal(later, response.UpdatedAt);
        Assert.Equal(Monday, response.CreatedAt);
    }

    [Fact]
    public void Refused_batch_leaves_saved_answers_unchanged()
    {
        var response = Start();
        response.SaveAnswers(V1, Answers(("practice-type", Text("dental")), ("pb-1", Number(2))), Monday);
        var before = response.Answers;

        // One good change and one bad answer: nothing from the batch is kept.
        var outcome = response.SaveAnswers(V1, Answers(("practice-type", Text("medical")), ("pb-2", Number(4)), ("pb-1", Number(7))), Monday.AddHours(1));

        var refused = Is<SaveOutcome.Refused>(outcome);
        Assert.Equal([new AnswerProblem("pb-1", "7 is outside the scale 1 to 5.")], refused.Problems);
        Assert.Same(before, response.Answers);
        Assert.Equal(Text("dental"), response.Answers["practice-type"]);
        Assert.Equal(Number(2), response.Answers["pb-1"]);
        Assert.False(response.Answers.Contains("pb-2"));
        Assert.Equal(Monday, response.UpdatedAt);
    }

    [Fact]
    public void Refused_batch_with_a_clear_list_clears_nothing()
    {
        var response = Start();
        response.SaveAnswers(V1, Answers(("pb-1", Number(2))), Monday);

        var outcome = response.SaveAnswers(V1, Answers(("golf", Number(1))), ["pb-1"], Monday);

        Assert.IsType<SaveOutcome.Refused>(outcome);
        Assert.Equal(Number(2), response.Answers["pb-1"]);
    }

    [Fact]
    public void Saving_merges_new_answers_with_saved_ones_and_overwrites_changed_ones()
    {
        var response = Start();
        response.SaveAnswers(V1, Answers(("practice-type", Text("dental")), ("pb-1", Number(2))), Monday);

        response.SaveAnswers(V1, Answers(("pb-1", Number(5)), ("pb-2", Number(1))), Monday);

        Assert.Equal(["pb-1", "pb-2", "practice-type"], response.Answers.Select(a => a.Key));
        Assert.Equal(Number(5), response.Answers["pb-1"]);
        Assert.Equal(Number(1), response.Answers["pb-2"]);
        Assert.Equal(Text("dental"), response.Answers["practice-type"]);
    }

    [Fact]
    public void Saving_with_clear_removes_the_listed_answers_and_keeps_the_rest()
    {
        var response = Start();
        response.SaveAnswers(V1, Answers(("practice-type", Text("dental")), ("pb-1", Number(2)), ("frustration", Text("rotas"))), Monday);

        var outcome = response.SaveAnswers(V1, Answers(("pb-2", Number(3))), ["pb-1", "frustration"], Monday);

        var saved = Is<SaveOutcome.Saved>(outcome);
        Assert.Equal(["pb-2", "practice-type"], response.Answers.Select(a => a.Key));
        Assert.Contains("pb-1", saved.StillRequired);
        Assert.DoesNotContain("frustration", saved.StillRequired); // optional
    }

    [Fact]
    public void Saving_with_clear_and_a_new_answer_for_the_same_item_keeps_the_new_answer()
    {
        var response = Start();
        response.SaveAnswers(V1, Answers(("pb-1", Number(2))), Monday);

        response.SaveAnswers(V1, Answers(("pb-1", Number(4))), ["pb-1"], Monday);

        Assert.Equal(Number(4), response.Answers["pb-1"]);
    }

    [Fact]
    public void Saving_drops_answers_to_items_that_are_hidden()
    {
        var response = Start();

        response.SaveAnswers(V1, Answers(("locations", Number(1)), ("site-leads", Text("all")), ("ms-1", Number(3))), Monday);

        Assert.Equal(["locations"], response.Answers.Select(a => a.Key));
    }

    [Fact]
    public void Changing_an_answer_so_that_items_become_hidden_drops_their_saved_answers()
    {
        var response = Start();
        response.SaveAnswers(V1, Answers(("locations", Number(3)), ("site-leads", Text("all")), ("ms-1", Number(3))), Monday);
        Assert.Equal(["locations", "ms-1", "site-leads"], response.Answers.Select(a => a.Key));

        response.SaveAnswers(V1, Answers(("locations", Number(1))), Monday);

        Assert.Equal(["locations"], response.Answers.Select(a => a.Key));
    }

    [Fact]
    public void Clearing_the_answer_an_item_depends_on_drops_the_dependent_answers()
    {
        var response = Start();
        response.SaveAnswers(V1, Answers(("locations", Number(3)), ("site-leads", Text("all"))), Monday);

        response.SaveAnswers(V1, AnswerSet.Empty, ["locations"], Monday);

        Assert.Empty(response.Answers);
    }

    [Fact]
    public void Submit_with_missing_required_items_is_incomplete_and_lists_them_in_order()
    {
        var response = Start();
        response.SaveAnswers(V1, CompleteOwnerTime(locations: 2).Without(["od-3", "site-leads", "team-size"]), Monday);

        var outcome = response.Submit(V1, Monday.AddHours(1));

        var incomplete = Is<SubmitOutcome.Incomplete>(outcome);
        Assert.Equal(["team-size", "od-3", "site-leads"], incomplete.MissingItems);
        Assert.Equal(AssessmentStatus.InProgress, response.Status);
        Assert.Null(response.Result);
        Assert.Null(response.SubmittedAt);
        Assert.Equal(Monday, response.UpdatedAt);
    }

    [Fact]
    public void Submit_when_complete_scores_the_answers_and_closes_the_response()
    {
        var response = Start();
        response.SaveAnswers(V1, CompleteOwnerTime(), Monday);
        var at = Monday.AddHours(2);

        var outcome = response.Submit(V1, at);

        var submitted = Is<SubmitOutcome.Submitted>(outcome);
        Assert.Same(response.Result, submitted.Result);
        Assert.Equal(0.3333m, submitted.Result.LeadershipShare);
        Assert.Equal(0.7619m, submitted.Result.IdealWeek.LeadershipShare);
        Assert.Equal(7, submitted.Result.Subscales.Count);
        Assert.Equal(AssessmentStatus.Submitted, response.Status);
        Assert.Equal(at, response.SubmittedAt);
        Assert.Equal(at, response.UpdatedAt);
    }

    [Fact]
    public void Second_submit_is_closed_and_keeps_the_first_result()
    {
        var response = Start();
        response.SaveAnswers(V1, CompleteOwnerTime(), Monday);
        response.Submit(V1, Monday.AddHours(1));
        var result = response.Result;

        var outcome = response.Submit(V1, Monday.AddHours(2));

        Assert.IsType<SubmitOutcome.Closed>(outcome);
        Assert.Same(SubmitOutcome.AlreadySubmitted, outcome);
        Assert.Same(result, response.Result);
        Assert.Equal(Monday.AddHours(1), response.SubmittedAt);
    }

    [Fact]
    public void Saving_after_submit_is_closed_and_changes_nothing()
    {
        var response = Start();
        response.SaveAnswers(V1, CompleteOwnerTime(), Monday);
        response.Submit(V1, Monday.AddHours(1));
        var answers = response.Answers;

        var outcome = response.SaveAnswers(V1, Answers(("pb-1", Number(5))), Monday.AddHours(2));
        var clearing = response.SaveAnswers(V1, AnswerSet.Empty, ["pb-1"], Monday.AddHours(2));

        Assert.IsType<SaveOutcome.Closed>(outcome);
        Assert.Same(SaveOutcome.AlreadySubmitted, outcome);
        Assert.IsType<SaveOutcome.Closed>(clearing);
        Assert.Same(answers, response.Answers);
        Assert.Equal(Monday.AddHours(1), response.UpdatedAt);
    }

    [Fact]
    public void Saving_invalid_answers_after_submit_is_closed_rather_than_refused()
    {
        var response = Start();
        response.SaveAnswers(V1, CompleteOwnerTime(), Monday);
        response.Submit(V1, Monday);

        Assert.IsType<SaveOutcome.Closed>(response.SaveAnswers(V1, Answers(("golf", Number(1))), Monday));
    }

    [Fact]
    public void Submitted_result_is_the_score_of_the_saved_visible_answers()
    {
        var response = Start();
        // ms-1 = 1 would pull owner-dependency down if it counted; with one site it is dropped on save.
        response.SaveAnswers(V1, CompleteOwnerTime(locations: 1).With("ms-1", Number(1)), Monday);

        var submitted = Is<SubmitOutcome.Submitted>(response.Submit(V1, Monday));

        var expected = Scorer.Score(V1, CompleteOwnerTime(locations: 1));
        Assert.Equal(expected.Subscales, submitted.Result.Subscales);
        Assert.Equal(expected.ActualWeek.Categories, submitted.Result.ActualWeek.Categories);
        Assert.Equal(new SubscaleScore("owner-dependency", 50.0m, 4, 4, null), submitted.Result.Subscales[^1]);
    }

    private static IReadOnlyList<string> AlwaysRequiredExcept(params string[] answered) =>
    [
        .. new[] { "practice-type", "locations", "team-size", "practice-manager", "clinical-hours", "time-actual", "time-ideal" }
            .Concat(OwnerTimeLikertIds)
            .Except(answered),
    ];
}
