using Assessment.Domain.Instruments;
using Assessment.Domain.Reports;
using Assessment.Domain.Scoring;
using static Assessment.Domain.Tests.TestData;

namespace Assessment.Domain.Tests;

public sealed class ReportTests
{
    private static readonly DateOnly SubmittedOn = new(2026, 11, 23);

    private static Report Build(AnswerSet answers) =>
        OwnerTimeReport.Build(OwnerTime.Version1, answers, Scorer.Score(OwnerTime.Version1, answers), SubmittedOn);

    /// <summary>No practice manager; 25 h of management (rota 12, team questions 8, billing 5), 2 h leading; the team depends on the owner.</summary>
    private static AnswerSet Buried() => CompleteOwnerTime()
        .With("time-actual", Hours(("rota", 12), ("team-questions", 8), ("billing", 5), ("direction", 2), ("clinical", 25)))
        .With("od-1", Number(5)).With("od-2", Number(5)).With("od-3", Number(5)).With("od-4", Number(1))
        .With("frustration", Text("I answer every question."));

    [Fact]
    public void Recommendations_explain_themselves_with_the_owners_numbers()
    {
        var report = Build(Buried());

        var handOver = report.Recommendations.Single(r => r.Id == "hand-over-operations");
        // Rota 12 × 0.8 = 9.6, team questions 8 × 0.6 = 4.8, billing 5 × 0.9 = 4.5 → 18.9 → 19 h.
        Assert.Equal(19m, handOver.HoursPerWeek);
        Assert.Contains("You spend 25 hours a week on management", handOver.Why, StringComparison.Ordinal);
        Assert.Contains("About 19 hours", handOver.Why, StringComparison.Ordinal);
        Assert.Contains("sorting out rotas, cover and scheduling clashes (12 hours)", handOver.Why, StringComparison.Ordinal);
        Assert.Equal(3, handOver.FirstSteps.Count);
        Assert.Equal("hoursReclaimable >= 4", handOver.Rule);

        var dependency = report.Recommendations.Single(r => r.Id == "reduce-owner-dependency");
        Assert.Contains("100 of 100", dependency.Why, StringComparison.Ordinal);
        Assert.Equal(4m, dependency.HoursPerWeek);
    }

    [Fact]
    public void Recommendations_are_ordered_by_priority_then_hours_into_a_90_day_plan()
    {
        var report = Build(Buried());

        Assert.Equal(["hand-over-operations", "appoint-practice-manager", "reduce-owner-dependency", "protect-leadership-time", "buy-in-administration"],
            report.Recommendations.Select(r => r.Id));
        Assert.Equal(report.Recommendations[0], report.TopRecommendation);
        Assert.Equal(3, report.Plan.Count);
        Assert.Equal(["hand-over-operations", "appoint-practice-manager"], report.Plan[0].RecommendationIds);
        Assert.Equal((1, 30), (report.Plan[0].FromDay, report.Plan[0].ToDay));
        Assert.Equal(["buy-in-administration"], report.Plan[2].RecommendationIds);
        Assert.Equal(new DateOnly(2027, 2, 21), report.ReassessOn);
        Assert.Equal(OwnerTimeReport.RulesVersion, report.RulesVersion);
    }

    [Fact]
    public void An_owner_led_practice_is_told_to_hold_its_ground()
    {
        var answers = CompleteOwnerTime()
            .With("practice-manager", Text("yes"))
            .With("time-actual", Hours(("rota", 1), ("direction", 6), ("developing", 4), ("culture", 2), ("clinical", 25)));
        foreach (var id in OwnerTimeLikertIds)
        {
            answers = answers.With(id, Number(id is "pb-3" or "os-3" or "cp-2" or "sd-4" or "ap-3" or "md-3" or "od-1" or "od-2" or "od-3" ? 1 : 5));
        }
        var report = Build(answers);

        Assert.Equal("owner-led", report.Result.Profile.Key);
        Assert.Equal(["keep-leading"], report.Recommendations.Select(r => r.Id));
        Assert.Equal(2, report.Strengths.Count);
        Assert.All(report.Strengths, s => Assert.Equal(100m, s.Score));
        Assert.Empty(report.Gaps);
    }

    [Fact]
    public void Gaps_are_the_weakest_functions_and_high_owner_dependency()
    {
        var answers = Buried().With("pb-1", Number(1)).With("pb-2", Number(1)).With("pb-4", Number(1)).With("pb-3", Number(5));
        var report = Build(answers);

        Assert.Equal(["planning-budgeting", "owner-dependency"], report.Gaps.Select(g => g.Subscale));
        Assert.Equal(0m, report.Gaps[0].Score);
        Assert.Equal("Planning and budgeting", report.Gaps[0].Label);
        Assert.Contains(report.Recommendations, r => r.Id == "plan-and-budget");
    }

    [Theory]
    [InlineData(1, 12, "owner-with-practice-manager")]
    [InlineData(1, 30, "executive-committee")]
    [InlineData(3, 12, "site-supervisors")]
    [InlineData(3, 60, "site-supervisors")]
    public void The_structure_follows_sites_and_size(int locations, int teamSize, string expected)
    {
        var answers = CompleteOwnerTime(locations).With("team-size", Number(teamSize));
        Assert.Equal(expected, Build(answers).Structure.Key);
    }

    [Fact]
    public void Small_practices_get_administration_to_buy_in_and_large_ones_do_not()
    {
        var small = Build(Buried());
        Assert.Equal(["billing", "credentialing", "payroll", "bookkeeping"], small.Outsourcing.Select(o => o.Key));
        Assert.Equal(4.5m, small.Outsourcing[0].HoursPerWeek);

        var large = Build(Buried().With("team-size", Number(40)));
        Assert.Empty(large.Outsourcing);
        Assert.DoesNotContain(large.Recommendations, r => r.Id == "buy-in-administration");
    }

    [Fact]
    public void Consultant_briefing_has_talking_points_and_every_answer_in_words()
    {
        var answers = Buried();
        var report = Build(answers);
        var notes = ConsultantBriefing.Build(OwnerTime.Version1, answers, report);

        Assert.Equal("I answer every question.", notes.Frustration);
        Assert.Contains(notes.TalkingPoints, p => p.Contains("“I answer every question.”", StringComparison.Ordinal));
        Assert.Contains(notes.TalkingPoints, p => p.Contains("no practice manager", StringComparison.Ordinal));
        Assert.Contains(notes.TalkingPoints, p => p.StartsWith("Profile: Buried in management", StringComparison.Ordinal));
        var type = Assert.Single(notes.Answers, a => a.ItemId == "practice-type");
        Assert.Equal("Dental", type.Answer);
        Assert.Equal("5 — Almost always", notes.Answers.Single(a => a.ItemId == "od-1").Answer);
        Assert.Equal("12 people", notes.Answers.Single(a => a.ItemId == "team-size").Answer);
        Assert.StartsWith("Sorting out rotas, cover and scheduling clashes: 12 h", notes.Answers.Single(a => a.ItemId == "time-actual").Answer, StringComparison.Ordinal);
    }
}
