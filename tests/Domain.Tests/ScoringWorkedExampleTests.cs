using Assessment.Domain.Instruments;
using Assessment.Domain.Questionnaires;
using Assessment.Domain.Scoring;
using static Assessment.Domain.Questionnaires.TimeCategory;
using static Assessment.Domain.Tests.TestData;

namespace Assessment.Domain.Tests;

/// <summary>Scores worked out by hand.</summary>
public sealed class ScoringWorkedExampleTests
{
    // Actual week (CompleteOwnerTime): leadership 3 + 4 = 7, management 8 + 6 = 14, clinical 18 + 3.5 = 21.5, other 3; 45.5 hours.
    // Ideal week: leadership 10 + 6 = 16, management 5, clinical 20, other 0; 41 hours.
    private static AssessmentResult OwnerTimeExample() => Scorer.Score(OwnerTime.Version1, CompleteOwnerTime());

    [Fact]
    public void Leadership_share_is_leadership_hours_over_leadership_plus_management()
    {
        var result = OwnerTimeExample();

        // 7 / (7 + 14) = 0.33333… → 0.3333
        Assert.Equal(0.3333m, result.ActualWeek.LeadershipShare);
        Assert.Null(result.ActualWeek.LeadershipShareReason);
        Assert.Equal(0.3333m, result.LeadershipShare);
    }

    [Fact]
    public void Ideal_leadership_share_is_ideal_leadership_hours_over_ideal_leadership_plus_management()
    {
        var result = OwnerTimeExample();

        // 16 / (16 + 5) = 0.761904… → 0.7619
        Assert.Equal(0.7619m, result.IdealWeek.LeadershipShare);
        Assert.Null(result.IdealWeek.LeadershipShareReason);
    }

    [Fact]
    public void Actual_week_splits_hours_by_category_with_percent_of_total_to_one_decimal()
    {
        var week = OwnerTimeExample().ActualWeek;

        Assert.Equal(45.5m, week.TotalHours);
        Assert.Equal(
            [
                new CategoryHours(Leadership, 7m, 15.4m),    // 15.384…
                new CategoryHours(Management, 14m, 30.8m),   // 30.769…
                new CategoryHours(Clinical, 21.5m, 47.3m),   // 47.252…
                new CategoryHours(Other, 3m, 6.6m),          // 6.593…
            ],
            week.Categories);
    }

    [Fact]
    public void Ideal_week_splits_hours_by_category_and_an_empty_category_is_zero_percent()
    {
        var week = OwnerTimeExample().IdealWeek;

        Assert.Equal(41m, week.TotalHours);
        Assert.Equal(
            [
                new CategoryHours(Leadership, 16m, 39.0m),   // 39.024…
                new CategoryHours(Management, 5m, 12.2m),    // 12.195…
                new CategoryHours(Clinical, 20m, 48.8m),     // 48.780…
                new CategoryHours(Other, 0m, 0m),
            ],
            week.Categories);
    }

    [Fact]
    public void Gap_is_ideal_minus_actual_for_the_share_and_every_category()
    {
        var gap = OwnerTimeExample().Gap;

        Assert.Equal(0.4286m, gap.LeadershipShare); // 0.7619 − 0.3333
        Assert.Equal(
            [
                new CategoryHours(Leadership, 9m, null),
                new CategoryHours(Management, -9m, null),
                new CategoryHours(Clinical, -1.5m, null),
                new CategoryHours(Other, -3m, null),
            ],
            gap.Hours);
    }

    [Fact]
    public void Result_names_the_questionnaire_version_and_the_scoring_version()
    {
        var result = OwnerTimeExample();

        Assert.Equal(new QuestionnaireRef("owner-time", 1), result.Questionnaire);
        Assert.Equal("1", result.ScoringVersion);
    }

    [Fact]
    public void Hours_of_several_activities_in_one_category_add_up()
    {
        var answers = CompleteOwnerTime().With("time-actual", Hours(("rota", 1), ("suppliers", 2), ("team-questions", 3), ("billing", 4), ("budgets", 5), ("direction", 10)));

        var week = Scorer.Score(OwnerTime.Version1, answers).ActualWeek;

        Assert.Equal(25m, week.TotalHours);
        Assert.Equal(new CategoryHours(Management, 15m, 60.0m), week.Categories[1]);
        Assert.Equal(0.4m, week.LeadershipShare); // 10 / 25
    }

    [Fact]
    public void Negative_hours_given_straight_to_the_scorer_count_as_none()
    {
        // Answer checks refuse negative hours; the scorer still never lets them subtract.
        var answers = Answers(("sites", Number(1)), ("actual", Hours(("lead", 6), ("manage", -4), ("treat", 2))));

        var week = Scorer.Score(Small, answers).ActualWeek;

        Assert.Equal(8m, week.TotalHours);
        Assert.Equal(new CategoryHours(Management, 0m, 0m), week.Categories[1]);
        Assert.Equal(1m, week.LeadershipShare);
    }

    [Fact]
    public void Hours_for_activities_the_item_does_not_have_are_ignored_by_the_scorer()
    {
        var answers = Answers(("sites", Number(1)), ("actual", Hours(("lead", 3), ("manage", 1), ("golf", 12))));

        var week = Scorer.Score(Small, answers).ActualWeek;

        Assert.Equal(4m, week.TotalHours);
        Assert.Equal(0.75m, week.LeadershipShare);
    }

    [Fact]
    public void Share_is_null_with_a_reason_when_there_are_no_leadership_or_management_hours()
    {
        var answers = Answers(
            ("sites", Number(1)),
            ("actual", Hours(("treat", 30), ("misc", 10))),
            ("ideal", Hours(("lead", 4), ("manage", 4))));

        var result = Scorer.Score(Small, answers);

        Assert.Null(result.ActualWeek.LeadershipShare);
        Assert.Equal("No leadership or management hours were given for the actual week.", result.ActualWeek.LeadershipShareReason);
        Assert.Equal(
            [
                new CategoryHours(Leadership, 0m, 0m),
                new CategoryHours(Management, 0m, 0m),
                new CategoryHours(Clinical, 30m, 75.0m),
                new CategoryHours(Other, 10m, 25.0m),
            ],
            result.ActualWeek.Categories);
        Assert.Null(result.LeadershipShare);
        Assert.Equal(0.5m, result.IdealWeek.LeadershipShare);
        Assert.Null(result.Gap.LeadershipShare);
    }

    [Fact]
    public void Unanswered_week_has_zero_hours_no_percentages_and_a_reason_naming_the_week()
    {
        var answers = Answers(("sites", Number(1)), ("actual", Hours(("lead", 1), ("manage", 3))));

        var ideal = Scorer.Score(Small, answers).IdealWeek;

        Assert.Equal(0m, ideal.TotalHours);
        Assert.All(ideal.Categories, c => Assert.Equal(0m, c.Hours));
        Assert.All(ideal.Categories, c => Assert.Null(c.Percent));
        Assert.Null(ideal.LeadershipShare);
        Assert.Equal("No leadership or management hours were given for the ideal week.", ideal.LeadershipShareReason);
    }

    [Fact]
    public void Only_leadership_hours_give_a_share_of_one_and_only_management_hours_a_share_of_zero()
    {
        var answers = Answers(("sites", Number(1)), ("actual", Hours(("lead", 5), ("treat", 20))), ("ideal", Hours(("manage", 5))));

        var result = Scorer.Score(Small, answers);

        Assert.Equal(1m, result.ActualWeek.LeadershipShare);
        Assert.Equal(0m, result.IdealWeek.LeadershipShare);
        Assert.Equal(-1m, result.Gap.LeadershipShare);
    }

    [Fact]
    public void Subscale_is_mean_of_normalised_answers_times_100_with_reverse_key_applied()
    {
        // od-1 = 5 → 1, od-2 = 4 → 0.75, od-3 = 3 → 0.5, od-4 = 2 reverse-keyed → 1 − 0.25 = 0.75; mean 0.75.
        var answers = CompleteOwnerTime()
            .With("od-1", Number(5)).With("od-2", Number(4)).With("od-3", Number(3)).With("od-4", Number(2));

        var score = Scorer.Score(OwnerTime.Version1, answers).Subscales.Single(s => s.Subscale == OwnerTime.Subscales.OwnerDependency);

        Assert.Equal(new SubscaleScore("owner-dependency", 75.0m, 4, 4, null), score);
    }

    [Fact]
    public void Reverse_keyed_strongest_agreement_counts_as_zero_and_strongest_disagreement_as_one()
    {
        // pb-1 = 5 → 1, pb-2 = 1 → 0, pb-3 = 5 reverse-keyed → 0, pb-4 = 5 → 1: mean 0.5.
        var low = CompleteOwnerTime().With("pb-1", Number(5)).With("pb-2", Number(1)).With("pb-3", Number(5)).With("pb-4", Number(5));
        // pb-3 = 1 reverse-keyed → 1: mean 0.75.
        var high = low.With("pb-3", Number(1));

        Assert.Equal(50.0m, Scorer.Score(OwnerTime.Version1, low).Subscales[0].Score);
        Assert.Equal(75.0m, Scorer.Score(OwnerTime.Version1, high).Subscales[0].Score);
    }

    [Fact]
    public void Subscale_excludes_not_applicable_and_rounds_to_one_decimal()
    {
        // a1 = 4 → 0.75, a2 = 2 reverse-keyed → 0.75, a3 N/A, a4 = 3 → 0.5, a5 unanswered: 3 of 5 answered (exactly 60 %),
        // mean 2 / 3 = 0.6666… → 66.7.
        var answers = Answers(("sites", Number(1)), ("a1", Number(4)), ("a2", Number(2)), ("a3", NotApplicable), ("a4", Number(3)));

        var subscales = Scorer.Score(Small, answers).Subscales;

        Assert.Equal([new SubscaleScore("alpha", 66.7m, 3, 5, null)], subscales);
    }

    [Fact]
    public void Subscale_is_null_with_a_reason_when_fewer_than_60_percent_of_items_are_answered()
    {
        using var culture = new CultureScope("en-US");
        var answers = Answers(("sites", Number(1)), ("a1", Number(4)), ("a2", Number(2)), ("a3", NotApplicable));

        var subscales = Scorer.Score(Small, answers).Subscales;

        Assert.Equal([new SubscaleScore("alpha", null, 2, 5, "Only 2 of 5 items were answered; at least 60% are needed.")], subscales);
    }

    [Theory]
    [InlineData("de-DE")]
    [InlineData("fr-FR")]
    [InlineData("")]
    public void Subscale_reason_is_the_same_in_every_culture(string culture)
    {
        using var scope = new CultureScope(culture);

        var subscales = Scorer.Score(Small, Answers(("sites", Number(1)))).Subscales;

        Assert.Equal("Only 0 of 5 items were answered; at least 60% are needed.", subscales[0].Reason);
    }

    [Fact]
    public void Halves_round_away_from_zero_as_by_hand()
    {
        // One hour of sixteen is 6.25%, shown as 6.3% (banker's rounding would show 6.2%).
        var week = Answers(("sites", Number(1)), ("actual", new AllocationAnswer(new Dictionary<string, decimal> { ["lead"] = 1, ["treat"] = 15 })));

        var split = Scorer.Score(Small, week).ActualWeek;

        Assert.Equal(6.3m, split.Categories.Single(c => c.Category == TimeCategory.Leadership).Percent);
    }

    [Fact]
    public void Subscale_with_no_answers_is_null_with_a_reason()
    {
        using var culture = new CultureScope("en-US");

        var subscales = Scorer.Score(Small, Answers(("sites", Number(1)))).Subscales;

        Assert.Equal([new SubscaleScore("alpha", null, 0, 5, "Only 0 of 5 items were answered; at least 60% are needed.")], subscales);
    }

    [Fact]
    public void Hidden_multi_site_item_does_not_count_in_its_subscale_for_a_single_site()
    {
        // ms-1 is answered 1 (→ 0) but hidden because locations = 1, so owner-dependency stays at 3 / 4 = 75.
        var answers = CompleteOwnerTime(locations: 1)
            .With("od-1", Number(5)).With("od-2", Number(4)).With("od-3", Number(3)).With("od-4", Number(2))
            .With("ms-1", Number(1));

        var score = Scorer.Score(OwnerTime.Version1, answers).Subscales.Single(s => s.Subscale == OwnerTime.Subscales.OwnerDependency);

        Assert.Equal(new SubscaleScore("owner-dependency", 75.0m, 4, 4, null), score);
    }

    [Fact]
    public void Shown_multi_site_item_counts_in_its_subscale_for_several_sites()
    {
        // ms-1 = 1 → 0 joins the four: 3 / 5 = 0.6 → 60.
        var answers = CompleteOwnerTime(locations: 3)
            .With("od-1", Number(5)).With("od-2", Number(4)).With("od-3", Number(3)).With("od-4", Number(2))
            .With("ms-1", Number(1));

        var score = Scorer.Score(OwnerTime.Version1, answers).Subscales.Single(s => s.Subscale == OwnerTime.Subscales.OwnerDependency);

        Assert.Equal(new SubscaleScore("owner-dependency", 60.0m, 5, 5, null), score);
    }

    [Fact]
    public void Not_applicable_multi_site_item_is_shown_but_left_out_of_the_mean()
    {
        var answers = CompleteOwnerTime(locations: 3)
            .With("od-1", Number(5)).With("od-2", Number(4)).With("od-3", Number(3)).With("od-4", Number(2))
            .With("ms-1", NotApplicable);

        var score = Scorer.Score(OwnerTime.Version1, answers).Subscales.Single(s => s.Subscale == OwnerTime.Subscales.OwnerDependency);

        Assert.Equal(new SubscaleScore("owner-dependency", 75.0m, 4, 5, null), score);
    }

    [Fact]
    public void Subscale_whose_items_are_all_hidden_is_left_out_of_the_result()
    {
        var answers = Answers(("sites", Number(1)), ("a1", Number(5)), ("a2", Number(5)), ("a3", Number(5)), ("b1", Number(5)), ("b2", Number(10)));

        var subscales = Scorer.Score(Small, answers).Subscales;

        Assert.Equal(["alpha"], subscales.Select(s => s.Subscale));
    }

    [Fact]
    public void Subscale_with_its_own_scale_range_normalises_over_that_range()
    {
        // b1 = 5 on 1..5 → 1, b2 = 4 on 0..10 → 0.4: mean 0.7.
        var answers = Answers(("sites", Number(2)), ("b1", Number(5)), ("b2", Number(4)));

        var beta = Scorer.Score(Small, answers).Subscales.Single(s => s.Subscale == "beta");

        Assert.Equal(new SubscaleScore("beta", 70.0m, 2, 2, null), beta);
    }

    [Fact]
    public void Owner_time_subscales_come_in_the_order_their_first_item_is_asked()
    {
        var subscales = Scorer.Score(OwnerTime.Version1, CompleteOwnerTime()).Subscales;

        Assert.Equal(
            [
                "planning-budgeting", "organising-staffing", "controlling-problem-solving",
                "setting-direction", "aligning-people", "motivating-developing", "owner-dependency",
            ],
            subscales.Select(s => s.Subscale));
        Assert.All(subscales, s => Assert.Equal(50.0m, s.Score)); // every answer is the midpoint 3
    }

    [Theory]
    [InlineData(1, 0.0)]
    [InlineData(2, 25.0)]
    [InlineData(3, 50.0)]
    [InlineData(4, 75.0)]
    [InlineData(5, 100.0)]
    public void Same_answer_to_every_normal_item_and_its_mirror_to_the_reverse_item_scores_the_answer_position(int answer, double expected)
    {
        var answers = Answers(("sites", Number(1)), ("a1", Number(answer)), ("a2", Number(6 - answer)), ("a3", Number(answer)), ("a4", Number(answer)), ("a5", Number(answer)));

        var alpha = Scorer.Score(Small, answers).Subscales.Single();

        Assert.Equal((decimal)expected, alpha.Score);
    }

    [Theory]
    [InlineData(1, false, 0.0)]
    [InlineData(3, false, 0.5)]
    [InlineData(4, false, 0.75)]
    [InlineData(5, false, 1.0)]
    [InlineData(1, true, 1.0)]
    [InlineData(4, true, 0.25)]
    [InlineData(5, true, 0.0)]
    public void Normalise_maps_the_scale_onto_zero_to_one_and_flips_reverse_keyed_items(int answer, bool reverse, double expected)
    {
        var item = new LikertItem("x", "X", "s") { ReverseKeyed = reverse };

        Assert.Equal((decimal)expected, item.Normalise(answer));
    }

    [Fact]
    public void Normalise_uses_the_item_own_minimum_and_maximum()
    {
        var item = new LikertItem("x", "X", "s") { Min = 0, Max = 10 };

        Assert.Equal(0.4m, item.Normalise(4));
        Assert.Equal(0.6m, (item with { ReverseKeyed = true }).Normalise(4));
    }
}
