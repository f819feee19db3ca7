using Assessment.Domain.Instruments;
using Assessment.Domain.Questionnaires;
using static Assessment.Domain.Questionnaires.ConditionOperator;
using static Assessment.Domain.Tests.TestData;

namespace Assessment.Domain.Tests;

/// <summary>Which items are shown, which answers count and which required items are still missing.</summary>
public sealed class VisibilityTests
{
    private static readonly QuestionnaireDefinition V1 = OwnerTime.Version1;

    private static readonly IReadOnlyList<string> AlwaysRequired =
    [
        "practice-type", "locations", "team-size", "practice-manager", "clinical-hours", "time-actual", "time-ideal",
        .. OwnerTimeLikertIds,
    ];

    [Fact]
    public void Visible_answers_drop_answers_to_the_multi_site_items_for_a_single_site()
    {
        var answers = Answers(("locations", Number(1)), ("site-leads", Text("all")), ("ms-1", Number(4)), ("pb-1", Number(2)));

        var visible = V1.VisibleAnswers(answers);

        Assert.Equal(["locations", "pb-1"], visible.Select(a => a.Key));
        Assert.Equal(Number(2), visible["pb-1"]);
    }

    [Fact]
    public void Visible_answers_keep_answers_to_the_multi_site_items_for_several_sites()
    {
        var answers = Answers(("locations", Number(2)), ("site-leads", Text("all")), ("ms-1", Number(4)));

        var visible = V1.VisibleAnswers(answers);

        Assert.Equal(["locations", "ms-1", "site-leads"], visible.Select(a => a.Key));
        Assert.Equal(Text("all"), visible["site-leads"]);
    }

    [Fact]
    public void Visible_answers_drop_conditional_answers_when_the_condition_item_is_unanswered()
    {
        var visible = V1.VisibleAnswers(Answers(("site-leads", Text("all")), ("ms-1", Number(4))));

        Assert.Empty(visible);
    }

    [Fact]
    public void Visible_answers_drop_answers_to_unknown_items()
    {
        var visible = V1.VisibleAnswers(Answers(("golf", Text("yes")), ("pb-1", Number(2))));

        Assert.Equal(["pb-1"], visible.Select(a => a.Key));
    }

    [Fact]
    public void Item_hidden_because_the_item_it_depends_on_is_hidden_is_hidden_too()
    {
        var definition = Definition("chain", 1,
            new NumberItem("sites", "Sites"),
            new SingleChoiceItem("leads", "Leads?", [new("yes", "Yes"), new("no", "No")]) { VisibleIf = Condition.When("sites", GreaterThan, "1") },
            new TextItem("why", "Why not?") { VisibleIf = Condition.When("leads", ConditionOperator.Equals, "no") });
        var answers = Answers(("sites", Number(1)), ("leads", Text("no")), ("why", Text("no time")));

        Assert.Equal(["sites"], definition.VisibleAnswers(answers).Select(a => a.Key));
        Assert.Equal(["leads", "sites", "why"], definition.VisibleAnswers(answers.With("sites", Number(2))).Select(a => a.Key));
    }

    [Fact]
    public void Missing_required_lists_every_unanswered_required_item_in_the_order_asked()
    {
        Assert.Equal(AlwaysRequired, V1.MissingRequired(AnswerSet.Empty));
    }

    [Fact]
    public void Missing_required_does_not_require_hidden_required_items()
    {
        var answers = CompleteOwnerTime(locations: 1);

        Assert.Empty(V1.MissingRequired(answers));
    }

    [Fact]
    public void Missing_required_requires_the_multi_site_items_once_they_are_shown()
    {
        var answers = CompleteOwnerTime(locations: 1).With("locations", Number(4));

        Assert.Equal(["site-leads", "ms-1"], V1.MissingRequired(answers));
    }

    [Fact]
    public void Missing_required_ignores_optional_items()
    {
        var answers = CompleteOwnerTime();

        Assert.False(answers.Contains("frustration"));
        Assert.False(answers.Contains("priorities"));
        Assert.Empty(V1.MissingRequired(answers));
    }

    [Fact]
    public void Missing_required_lists_only_the_gaps_in_order_whatever_order_they_were_removed()
    {
        var answers = CompleteOwnerTime(locations: 2).Without(["od-4", "practice-type", "ms-1", "time-ideal", "sd-2"]);

        Assert.Equal(["practice-type", "time-ideal", "sd-2", "od-4", "ms-1"], V1.MissingRequired(answers));
    }

    [Fact]
    public void Not_applicable_answers_a_required_item()
    {
        var answers = CompleteOwnerTime().With("os-2", NotApplicable);

        Assert.Empty(V1.MissingRequired(answers));
    }

    [Fact]
    public void Is_visible_is_true_for_an_unconditional_item_whatever_the_answers()
    {
        Assert.True(QuestionnaireDefinition.IsVisible(V1.FindItem("pb-1")!, AnswerSet.Empty));
    }

    [Fact]
    public void Find_item_returns_the_item_by_id_or_null()
    {
        Assert.Equal("site-leads", V1.FindItem("site-leads")?.Id);
        Assert.IsType<SingleChoiceItem>(V1.FindItem("site-leads"));
        Assert.Null(V1.FindItem("golf"));
    }
}

/// <summary>How conditions compare an earlier answer.</summary>
public sealed class ConditionTests
{
    private static bool Met(Condition condition, AnswerValue? answer) =>
        condition.IsMetBy(answer is null ? AnswerSet.Empty : Answers(("q", answer)));

    [Theory]
    [InlineData(GreaterThan, "1", 2, true)]
    [InlineData(GreaterThan, "1", 1, false)]
    [InlineData(GreaterThanOrEqual, "2", 2, true)]
    [InlineData(GreaterThanOrEqual, "2", 1.5, false)]
    [InlineData(LessThan, "2", 1.5, true)]
    [InlineData(LessThan, "2", 2, false)]
    [InlineData(LessThanOrEqual, "2", 2, true)]
    [InlineData(LessThanOrEqual, "2", 3, false)]
    [InlineData(ConditionOperator.Equals, "2.0", 2, true)]
    [InlineData(ConditionOperator.Equals, "2", 3, false)]
    [InlineData(NotEquals, "2", 3, true)]
    [InlineData(NotEquals, "2", 2, false)]
    public void Number_condition_compares_the_answer_with_the_operand(ConditionOperator op, string operand, double answer, bool expected)
    {
        Assert.Equal(expected, Met(Condition.When("q", op, operand), Number((decimal)answer)));
    }

    [Theory]
    [InlineData(3, true)]
    [InlineData(5, true)]
    [InlineData(4, false)]
    public void Number_any_of_is_met_by_any_listed_value(int answer, bool expected)
    {
        Assert.Equal(expected, Met(Condition.When("q", AnyOf, "3", "5"), Number(answer)));
    }

    [Theory]
    [InlineData(ConditionOperator.Equals, "no", true)]
    [InlineData(ConditionOperator.Equals, "yes", false)]
    [InlineData(NotEquals, "no", false)]
    [InlineData(NotEquals, "yes", true)]
    [InlineData(GreaterThan, "no", false)]
    public void Text_condition_compares_exact_values(ConditionOperator op, string operand, bool expected)
    {
        Assert.Equal(expected, Met(Condition.When("q", op, operand), Text("no")));
    }

    [Fact]
    public void Choices_condition_is_met_when_any_selected_option_is_listed()
    {
        var answer = Choices("less-hours", "stronger-team");

        Assert.True(Met(Condition.When("q", AnyOf, "stronger-team", "more-strategy"), answer));
        Assert.False(Met(Condition.When("q", AnyOf, "more-strategy"), answer));
        Assert.True(Met(Condition.When("q", NotEquals, "more-strategy"), answer));
        Assert.False(Met(Condition.When("q", NotEquals, "less-hours"), answer));
    }

    [Theory]
    [InlineData(ConditionOperator.Equals)]
    [InlineData(NotEquals)]
    [InlineData(GreaterThan)]
    [InlineData(LessThanOrEqual)]
    public void Unanswered_or_not_applicable_earlier_item_never_meets_a_condition(ConditionOperator op)
    {
        var condition = Condition.When("q", op, "1");

        Assert.False(Met(condition, null));
        Assert.False(Met(condition, NotApplicable));
    }
}
