using Assessment.Domain.Assessments;
using Assessment.Domain.Instruments;
using Assessment.Domain.Scoring;
using static Assessment.Domain.Tests.TestData;

namespace Assessment.Domain.Tests;

public sealed class ProfileAndFiguresTests
{
    private static ProfileFigures Figures(decimal? share, decimal? dependency, decimal? management = 60, decimal? leadership = 60) =>
        new(share, dependency, management, leadership, 20);

    [Theory]
    [InlineData(null, 80, "unclassified")]
    [InlineData(0.50, 40, "owner-led")]
    [InlineData(0.80, 10, "owner-led")]
    [InlineData(0.80, 41, "emerging-leader")]
    [InlineData(0.29, 30, "buried-in-management")]
    [InlineData(0.30, 30, "emerging-leader")]
    [InlineData(0.10, 59, "buried-in-management")]
    public void Profile_rules_choose_on_share_and_dependency(double? share, double dependency, string expected)
    {
        var profile = Profiles.Classify(Figures((decimal?)share, (decimal)dependency));
        Assert.Equal(expected, profile.Key);
    }

    [Fact]
    public void Firefighting_needs_high_dependency_and_weak_management_functions()
    {
        Assert.Equal("firefighting", Profiles.Classify(Figures(0.2m, 60, management: 49.9m)).Key);
        Assert.Equal("buried-in-management", Profiles.Classify(Figures(0.2m, 60, management: 50)).Key);
        Assert.Equal("firefighting", Profiles.Classify(Figures(0.4m, 75, management: 30)).Key);
    }

    [Fact]
    public void Owner_led_wins_over_every_later_rule()
    {
        // Also weak management functions, but the owner leads and the practice does not depend on them.
        Assert.Equal("owner-led", Profiles.Classify(Figures(0.6m, 20, management: 10)).Key);
    }

    [Fact]
    public void Profile_says_which_rule_fired_and_on_which_figures()
    {
        var figures = Figures(0.2m, 30);
        var profile = Profiles.Classify(figures);
        Assert.Equal("leadershipShare < 0.30", profile.Rule);
        Assert.Equal(figures, profile.Figures);
        Assert.Equal("Buried in management", profile.Label);
    }

    [Fact]
    public void Owner_time_result_carries_dependency_reclaimable_hours_profile_and_practice()
    {
        // Actual week: rota 8 h (80% delegable) + team questions 6 h (60%) = 6.4 + 3.6 = 10 h reclaimable.
        // Dependency items all 3 except od-4 (reverse) 3 → (0.5+0.5+0.5+0.5)/4 = 50. Share 7/21 = 0.3333.
        var result = Scorer.Score(OwnerTime.Version1, CompleteOwnerTime());

        Assert.Equal(10m, result.HoursReclaimable);
        Assert.Equal(50m, result.OwnerDependency);
        Assert.Equal(new PracticeFacts("dental", 12), result.Practice);
        Assert.Equal("emerging-leader", result.Profile.Key);
        Assert.Equal(new ProfileFigures(0.3333m, 50m, 50m, 50m, 14m), result.Profile.Figures);
    }

    [Fact]
    public void Reclaimable_hours_round_to_the_nearest_half_hour()
    {
        // Billing 3 h × 0.9 = 2.7 h → 2.5 h; plus budgets 1 h × 0.3 = 0.3 h → 3.0 h in all.
        var answers = CompleteOwnerTime().With("time-actual", Hours(("billing", 3), ("budgets", 1), ("direction", 2)));
        Assert.Equal(3m, Scorer.Score(OwnerTime.Version1, answers).HoursReclaimable);

        var less = CompleteOwnerTime().With("time-actual", Hours(("billing", 3), ("direction", 2)));
        Assert.Equal(2.5m, Scorer.Score(OwnerTime.Version1, less).HoursReclaimable);
    }

    [Fact]
    public void Only_management_hours_can_be_reclaimed()
    {
        var answers = CompleteOwnerTime().With("time-actual", Hours(("direction", 10), ("clinical", 30), ("other", 5)));
        Assert.Equal(0m, Scorer.Score(OwnerTime.Version1, answers).HoursReclaimable);
    }

    [Fact]
    public void A_buried_owner_and_an_owner_led_practice_get_different_profiles()
    {
        var buried = CompleteOwnerTime().With("time-actual", Hours(("rota", 15), ("team-questions", 10), ("direction", 2), ("clinical", 25)));
        var led = CompleteOwnerTime()
            .With("time-actual", Hours(("rota", 2), ("direction", 8), ("developing", 5), ("clinical", 25)))
            .With("od-1", Number(1)).With("od-2", Number(1)).With("od-3", Number(2)).With("od-4", Number(5));

        Assert.Equal("buried-in-management", Scorer.Score(OwnerTime.Version1, buried).Profile.Key);
        var ledResult = Scorer.Score(OwnerTime.Version1, led);
        Assert.Equal("owner-led", ledResult.Profile.Key);
        Assert.Equal(6.3m, ledResult.OwnerDependency);
    }

    [Fact]
    public void Rescoring_with_the_same_scoring_version_keeps_the_single_result()
    {
        var assessment = AssessmentResponse.Start(Guid.NewGuid(), OwnerTime.Version1, new Respondent(null, null, null), Monday);
        Assert.IsType<RescoreOutcome.Open>(assessment.Rescore(OwnerTime.Version1, Monday));

        assessment.SaveAnswers(OwnerTime.Version1, CompleteOwnerTime(), Monday);
        assessment.Submit(OwnerTime.Version1, Monday);
        var outcome = assessment.Rescore(OwnerTime.Version1, Monday.AddDays(1));

        var unchanged = Assert.IsType<RescoreOutcome.Unchanged>(outcome);
        Assert.Same(assessment.Result, unchanged.Current);
        Assert.Single(assessment.Results);
        Assert.Equal(assessment.Result!.LeadershipShare, assessment.LeadershipShare);
    }
}
