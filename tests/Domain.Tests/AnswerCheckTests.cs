using Assessment.Domain.Instruments;
using Assessment.Domain.Questionnaires;
using static Assessment.Domain.Tests.TestData;

namespace Assessment.Domain.Tests;

/// <summary>Which answers an item accepts, and what is said when it does not.</summary>
public sealed class AnswerCheckTests
{
    private static readonly QuestionnaireDefinition V1 = OwnerTime.Version1;

    private static IReadOnlyList<AnswerProblem> Check(string itemId, AnswerValue value) => V1.Check(Answers((itemId, value)));

    [Fact]
    public void Complete_valid_answers_have_no_problems()
    {
        Assert.Empty(V1.Check(CompleteOwnerTime(locations: 2)));
    }

    [Fact]
    public void Answer_to_an_unknown_item_is_refused_naming_the_questionnaire_version()
    {
        Assert.Equal([new AnswerProblem("golf", "There is no item 'golf' in owner-time version 1.")], Check("golf", Number(3)));
    }

    [Theory]
    [InlineData("practice-type", "Expected one option value as a string.")]
    [InlineData("priorities", "Expected an array of option values.")]
    [InlineData("time-actual", "Expected an object of activity ids to hours.")]
    [InlineData("frustration", "Expected text.")]
    public void Answer_of_the_wrong_type_is_refused_saying_what_was_expected(string itemId, string message)
    {
        Assert.Equal([new AnswerProblem(itemId, message)], Check(itemId, Number(1)));
    }

    [Theory]
    [InlineData("locations", "Expected a number.")]
    [InlineData("pb-1", "Expected a whole number from 1 to 5.")]
    public void Text_for_a_numeric_item_is_refused(string itemId, string message)
    {
        Assert.Equal([new AnswerProblem(itemId, message)], Check(itemId, Text("3")));
    }

    [Fact]
    public void Single_choice_accepts_one_of_its_options()
    {
        Assert.Empty(Check("practice-type", Text("veterinary")));
    }

    [Fact]
    public void Single_choice_refuses_a_value_that_is_not_an_option_and_lists_the_options()
    {
        Assert.Equal(
            [new AnswerProblem("practice-type", "'optician' is not one of the options: medical, dental, veterinary, other.")],
            Check("practice-type", Text("optician")));
    }

    [Fact]
    public void Single_choice_matches_option_values_exactly_not_ignoring_case()
    {
        Assert.Single(Check("practice-type", Text("Dental")));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(3)]
    [InlineData(5)]
    public void Likert_accepts_whole_numbers_on_its_scale(int answer)
    {
        Assert.Empty(Check("pb-1", Number(answer)));
    }

    [Theory]
    [InlineData(0, "0 is outside the scale 1 to 5.")]
    [InlineData(6, "6 is outside the scale 1 to 5.")]
    [InlineData(-2, "-2 is outside the scale 1 to 5.")]
    public void Likert_refuses_an_answer_outside_its_scale(int answer, string message)
    {
        using var culture = new CultureScope("en-US");

        Assert.Equal([new AnswerProblem("pb-1", message)], Check("pb-1", Number(answer)));
    }

    [Theory]
    [InlineData(2.5)]
    [InlineData(4.01)]
    [InlineData(0.5)]
    public void Likert_refuses_a_non_integer_answer(double answer)
    {
        Assert.Equal([new AnswerProblem("pb-1", "Expected a whole number from 1 to 5.")], Check("pb-1", Number((decimal)answer)));
    }

    [Fact]
    public void Likert_accepts_a_whole_number_written_with_decimal_places()
    {
        Assert.Empty(Check("pb-1", Number(4.00m)));
    }

    [Fact]
    public void Likert_on_a_custom_scale_checks_its_own_range()
    {
        var item = new LikertItem("x", "X", "s") { Min = 0, Max = 10 };

        Assert.Empty(item.Check(Number(0)));
        Assert.Empty(item.Check(Number(10)));
        Assert.Equal(["11 is outside the scale 0 to 10."], item.Check(Number(11)));
    }

    [Fact]
    public void Not_applicable_is_refused_where_the_item_does_not_allow_it()
    {
        Assert.Equal([new AnswerProblem("pb-1", "This question has no \"not applicable\" answer.")], Check("pb-1", NotApplicable));
    }

    [Fact]
    public void Not_applicable_is_accepted_where_the_item_allows_it()
    {
        Assert.Empty(Check("os-2", NotApplicable));
        Assert.Empty(Check("ms-1", NotApplicable));
    }

    [Theory]
    [InlineData("practice-type")]
    [InlineData("locations")]
    [InlineData("time-actual")]
    [InlineData("frustration")]
    [InlineData("priorities")]
    public void Not_applicable_is_refused_by_every_item_that_is_not_a_likert_allowing_it(string itemId)
    {
        Assert.Equal([new AnswerProblem(itemId, "This question has no \"not applicable\" answer.")], Check(itemId, NotApplicable));
    }

    [Fact]
    public void Number_refuses_a_value_outside_its_range()
    {
        Assert.Equal([new AnswerProblem("locations", "0 is outside the allowed range 1 to 200.")], Check("locations", Number(0)));
        Assert.Equal([new AnswerProblem("clinical-hours", "100.5 is outside the allowed range 0 to 100.")], Check("clinical-hours", Number(100.5m)));
    }

    [Fact]
    public void Number_accepts_the_ends_of_its_range()
    {
        Assert.Empty(Check("locations", Number(1)));
        Assert.Empty(Check("locations", Number(200)));
        Assert.Empty(Check("clinical-hours", Number(0)));
    }

    [Fact]
    public void Number_with_only_a_minimum_says_any_for_the_missing_maximum()
    {
        var item = new NumberItem("n", "N") { Min = 1 };

        Assert.Equal(["0 is outside the allowed range 1 to any."], item.Check(Number(0)));
        Assert.Empty(item.Check(Number(1_000_000)));
    }

    [Fact]
    public void Whole_number_item_refuses_a_fraction_but_other_numbers_accept_one()
    {
        Assert.Equal([new AnswerProblem("team-size", "Expected a whole number.")], Check("team-size", Number(2.5m)));
        Assert.Empty(Check("clinical-hours", Number(2.5m)));
    }

    [Fact]
    public void Time_allocation_refuses_negative_hours()
    {
        Assert.Equal(
            [new AnswerProblem("time-actual", "Hours for 'rota' cannot be negative.")],
            Check("time-actual", Hours(("rota", -1), ("clinical", 30))));
    }

    [Fact]
    public void Time_allocation_refuses_more_than_168_hours_in_a_week()
    {
        Assert.Equal(
            [new AnswerProblem("time-ideal", "168.5 hours is more than the 168 hours in a week.")],
            Check("time-ideal", Hours(("clinical", 100), ("other", 68.5m))));
    }

    [Fact]
    public void Time_allocation_accepts_exactly_168_hours()
    {
        Assert.Empty(Check("time-actual", Hours(("clinical", 100), ("other", 68))));
    }

    [Fact]
    public void Time_allocation_does_not_let_negative_hours_offset_the_weekly_total()
    {
        Assert.Equal(
            [
                new AnswerProblem("time-actual", "Hours for 'rota' cannot be negative."),
                new AnswerProblem("time-actual", "170 hours is more than the 168 hours in a week."),
            ],
            Check("time-actual", Hours(("rota", -10), ("clinical", 170))));
    }

    [Fact]
    public void Time_allocation_refuses_an_unknown_activity()
    {
        Assert.Equal(
            [new AnswerProblem("time-actual", "'golf' is not an activity of this question.")],
            Check("time-actual", Hours(("golf", 3), ("clinical", 30))));
    }

    [Fact]
    public void Time_allocation_accepts_zero_hours_and_an_empty_week()
    {
        Assert.Empty(Check("time-actual", Hours(("rota", 0))));
        Assert.Empty(Check("time-actual", Hours()));
    }

    [Fact]
    public void Text_refuses_more_than_its_maximum_length()
    {
        Assert.Equal(
            [new AnswerProblem("frustration", "At most 2000 characters (2001 given).")],
            Check("frustration", Text(new string('x', 2001))));
    }

    [Fact]
    public void Text_accepts_exactly_its_maximum_length_and_an_empty_string()
    {
        Assert.Empty(Check("frustration", Text(new string('x', 2000))));
        Assert.Empty(Check("frustration", Text("")));
    }

    [Fact]
    public void Text_item_with_a_small_limit_uses_it()
    {
        var item = new TextItem("t", "T") { MaxLength = 5 };

        Assert.Empty(item.Check(Text("abcde")));
        Assert.Equal(["At most 5 characters (6 given)."], item.Check(Text("abcdef")));
    }

    [Fact]
    public void Multi_choice_accepts_up_to_its_maximum_of_distinct_options()
    {
        Assert.Empty(Check("priorities", Choices("less-hours", "more-strategy", "stronger-team")));
        Assert.Empty(Check("priorities", Choices()));
    }

    [Fact]
    public void Multi_choice_refuses_the_same_option_twice()
    {
        Assert.Equal(
            [new AnswerProblem("priorities", "An option is selected more than once.")],
            Check("priorities", Choices("less-hours", "less-hours")));
    }

    [Fact]
    public void Multi_choice_refuses_more_than_max_selected()
    {
        Assert.Equal(
            [new AnswerProblem("priorities", "Select at most 3.")],
            Check("priorities", Choices("less-hours", "more-strategy", "stronger-team", "clinical-focus")));
    }

    [Fact]
    public void Multi_choice_refuses_an_unknown_option_and_lists_the_options()
    {
        Assert.Equal(
            [new AnswerProblem("priorities", "'golf' is not one of the options: more-strategy, less-firefighting, stronger-team, clinical-focus, less-hours.")],
            Check("priorities", Choices("golf")));
    }

    [Fact]
    public void Multi_choice_reports_every_problem_at_once()
    {
        Assert.Equal(
            [
                new AnswerProblem("priorities", "'golf' is not one of the options: more-strategy, less-firefighting, stronger-team, clinical-focus, less-hours."),
                new AnswerProblem("priorities", "An option is selected more than once."),
                new AnswerProblem("priorities", "Select at most 3."),
            ],
            Check("priorities", Choices("less-hours", "golf", "less-hours", "stronger-team")));
    }

    [Fact]
    public void Multi_choice_without_a_maximum_accepts_every_option()
    {
        var item = new MultiChoiceItem("m", "M", [new("a", "A"), new("b", "B"), new("c", "C")]);

        Assert.Empty(item.Check(Choices("a", "b", "c")));
    }

    [Fact]
    public void Batch_check_reports_every_bad_answer_and_ignores_the_good_ones()
    {
        var answers = Answers(
            ("practice-type", Text("dental")),
            ("locations", Number(0)),
            ("pb-1", Number(9)),
            ("golf", Text("yes")),
            ("os-2", NotApplicable));

        var problems = V1.Check(answers);

        Assert.Equal(
            [
                new AnswerProblem("golf", "There is no item 'golf' in owner-time version 1."),
                new AnswerProblem("locations", "0 is outside the allowed range 1 to 200."),
                new AnswerProblem("pb-1", "9 is outside the scale 1 to 5."),
            ],
            problems.OrderBy(p => p.ItemId, StringComparer.Ordinal));
    }

    [Fact]
    public void Batch_check_accepts_answers_to_items_that_are_currently_hidden()
    {
        // Visibility is applied when answers are kept, not when they are checked.
        Assert.Empty(V1.Check(Answers(("locations", Number(1)), ("site-leads", Text("all")), ("ms-1", Number(2)))));
    }

    [Fact]
    public void Batch_check_of_no_answers_has_no_problems()
    {
        Assert.Empty(V1.Check(AnswerSet.Empty));
    }
}
