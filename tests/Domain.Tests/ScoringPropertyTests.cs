using Assessment.Domain.Assessments;
using Assessment.Domain.Instruments;
using Assessment.Domain.Questionnaires;
using Assessment.Domain.Scoring;
using CsCheck;
using static Assessment.Domain.Tests.TestData;

namespace Assessment.Domain.Tests;

/// <summary>Rules that hold for every input, checked over generated answers.</summary>
public sealed class ScoringPropertyTests
{
    private static readonly QuestionnaireDefinition V1 = OwnerTime.Version1;

    private static readonly string[] LeadershipActivities = [.. OwnerTime.Activities.Where(a => a.Category == TimeCategory.Leadership).Select(a => a.Id)];

    private static readonly string[] ManagementActivities = [.. OwnerTime.Activities.Where(a => a.Category == TimeCategory.Management).Select(a => a.Id)];

    /// <summary>Half hours from 0 to 8, zero three times out of four so that empty categories come up.</summary>
    private static readonly Gen<decimal> ActivityHours = Gen.Frequency(
        (3, Gen.Const(0m)),
        (1, Gen.Int[1, 16].Select(h => h / 2m)));

    /// <summary>A week over the 18 owner-time activities; at most 144 hours, so always a valid answer.</summary>
    private static readonly Gen<AllocationAnswer> OwnerWeek = ActivityHours.Array[OwnerTime.Activities.Count]
        .Select(hours => new AllocationAnswer(OwnerTime.Activities.Select((a, i) => (a.Id, Hours: hours[i])).ToDictionary(x => x.Id, x => x.Hours, StringComparer.Ordinal)));

    /// <summary>A complete, valid owner-time answer set with one, two or three sites.</summary>
    private static readonly Gen<AnswerSet> CompleteAnswers = Gen.Select(
        Gen.OneOf("medical", "dental", "veterinary", "other"),
        Gen.Int[1, 3],
        Gen.Int[1, 60],
        Gen.OneOf("yes", "no"),
        Gen.Int[0, 200].Select(h => h / 2m),
        OwnerWeek,
        OwnerWeek,
        Gen.Int[1, 5].Array[OwnerTimeLikertIds.Count],
        Gen.Bool,
        Gen.OneOf("all", "some", "none"),
        Gen.Int[0, 5],
        (type, locations, team, manager, clinical, actual, ideal, likert, os2NotApplicable, siteLeads, ms1) =>
        {
            var answers = Answers(
                ("practice-type", Text(type)),
                ("locations", Number(locations)),
                ("team-size", Number(team)),
                ("practice-manager", Text(manager)),
                ("clinical-hours", Number(clinical)),
                ("time-actual", actual),
                ("time-ideal", ideal));
            for (var i = 0; i < likert.Length; i++)
            {
                answers = answers.With(OwnerTimeLikertIds[i], Number(likert[i]));
            }
            if (os2NotApplicable)
            {
                answers = answers.With("os-2", NotApplicable);
            }
            if (locations > 1)
            {
                answers = answers.With("site-leads", Text(siteLeads)).With("ms-1", ms1 == 0 ? NotApplicable : Number(ms1));
            }
            return answers;
        });

    private static decimal CategoryHours(AllocationAnswer week, string[] activities) =>
        activities.Sum(a => week.Hours.GetValueOrDefault(a));

    [Fact]
    public void Leadership_share_stays_between_zero_and_one_and_is_null_only_without_leadership_or_management_hours()
    {
        Gen.Select(OwnerWeek, OwnerWeek).Sample((actual, ideal) =>
        {
            var result = Scorer.Score(V1, CompleteOwnerTime().With("time-actual", actual).With("time-ideal", ideal));

            foreach (var (week, split) in new[] { (actual, result.ActualWeek), (ideal, result.IdealWeek) })
            {
                var leadAndManage = CategoryHours(week, LeadershipActivities) + CategoryHours(week, ManagementActivities);
                if (leadAndManage == 0)
                {
                    Assert.Null(split.LeadershipShare);
                    Assert.NotNull(split.LeadershipShareReason);
                }
                else
                {
                    Assert.InRange(split.LeadershipShare!.Value, 0m, 1m);
                    Assert.Null(split.LeadershipShareReason);
                }
            }
            if (result.Gap.LeadershipShare is { } gap)
            {
                Assert.InRange(gap, -1m, 1m);
            }
        });
    }

    [Fact]
    public void Category_hours_add_up_to_the_total_and_percentages_stay_between_0_and_100()
    {
        OwnerWeek.Sample(actual =>
        {
            var split = Scorer.Score(V1, CompleteOwnerTime().With("time-actual", actual)).ActualWeek;

            Assert.Equal(actual.Hours.Values.Sum(), split.TotalHours);
            Assert.Equal(split.TotalHours, split.Categories.Sum(c => c.Hours));
            Assert.All(split.Categories, c =>
            {
                if (split.TotalHours == 0)
                {
                    Assert.Null(c.Percent);
                }
                else
                {
                    Assert.InRange(c.Percent!.Value, 0m, 100m);
                }
            });
        });
    }

    [Fact]
    public void Adding_leadership_hours_never_lowers_the_leadership_share()
    {
        Gen.Select(OwnerWeek, Gen.Int[0, LeadershipActivities.Length - 1], Gen.Int[1, 40]).Sample((week, activity, halfHours) =>
        {
            var id = LeadershipActivities[activity];
            var more = new AllocationAnswer(new Dictionary<string, decimal>(week.Hours) { [id] = week.Hours[id] + (halfHours / 2m) });

            var before = Scorer.Score(V1, CompleteOwnerTime().With("time-actual", week)).LeadershipShare;
            var after = Scorer.Score(V1, CompleteOwnerTime().With("time-actual", more)).LeadershipShare;

            Assert.NotNull(after);
            if (before is null)
            {
                Assert.Equal(1m, after); // only leadership hours now
            }
            else
            {
                Assert.True(after >= before, $"share fell from {before} to {after}");
            }
        });
    }

    [Fact]
    public void Adding_management_hours_never_raises_the_leadership_share()
    {
        Gen.Select(OwnerWeek, Gen.Int[0, ManagementActivities.Length - 1], Gen.Int[1, 40]).Sample((week, activity, halfHours) =>
        {
            var id = ManagementActivities[activity];
            var more = new AllocationAnswer(new Dictionary<string, decimal>(week.Hours) { [id] = week.Hours[id] + (halfHours / 2m) });

            var before = Scorer.Score(V1, CompleteOwnerTime().With("time-actual", week)).LeadershipShare;
            var after = Scorer.Score(V1, CompleteOwnerTime().With("time-actual", more)).LeadershipShare;

            Assert.NotNull(after);
            Assert.True(before is null ? after == 0m : after <= before, $"share went from {before} to {after}");
        });
    }

    [Fact]
    public void Order_in_which_answers_are_supplied_does_not_change_the_result()
    {
        Gen.Select(CompleteAnswers, Gen.Int.Array[64]).Sample((answers, keys) =>
        {
            var shuffled = answers.Select((a, i) => (Answer: a, Key: keys[i])).OrderBy(x => x.Key).Select(x => x.Answer).ToList();

            AssertSameResult(Scorer.Score(V1, answers), Scorer.Score(V1, AnswerSet.From(shuffled)));
        });
    }

    [Fact]
    public void Saving_answers_in_any_order_and_any_batches_gives_the_same_answers_and_result()
    {
        Gen.Select(CompleteAnswers, Gen.Int.Array[64], Gen.Int[1, 6].Array[64]).Sample((answers, keys, batchSizes) =>
        {
            // The site count goes first: answers to the multi-site items given before it would rightly be dropped as hidden.
            var rest = answers.Where(a => a.Key != "locations")
                .Select((a, i) => (Answer: a, Key: keys[i])).OrderBy(x => x.Key).Select(x => x.Answer);
            var ordered = answers.Where(a => a.Key == "locations").Concat(rest).ToList();
            var response = AssessmentResponse.Start(Guid.Empty, V1, new Respondent(null, null, null), Monday);

            var taken = 0;
            for (var b = 0; taken < ordered.Count; b++)
            {
                var batch = ordered.Skip(taken).Take(batchSizes[b]).ToList();
                taken += batch.Count;
                Assert.IsType<SaveOutcome.Saved>(response.SaveAnswers(V1, AnswerSet.From(batch), Monday));
            }

            Assert.Equal(answers.Select(a => a.Key), response.Answers.Select(a => a.Key));
            Assert.Equal(answers.Select(a => a.Value), response.Answers.Select(a => a.Value));
            var submitted = Assert.IsType<SubmitOutcome.Submitted>(response.Submit(V1, Monday));
            AssertSameResult(Scorer.Score(V1, answers), submitted.Result);
        });
    }

    [Fact]
    public void Scoring_is_repeatable()
    {
        CompleteAnswers.Sample(answers => AssertSameResult(Scorer.Score(V1, answers), Scorer.Score(V1, answers)));
    }

    [Fact]
    public void Answers_to_hidden_items_never_change_the_result()
    {
        Gen.Select(CompleteAnswers, Gen.Int[1, 5], Gen.OneOf("all", "some", "none")).Sample((answers, ms1, siteLeads) =>
        {
            var single = answers.With("locations", Number(1)).Without(["ms-1", "site-leads"]);
            var withHidden = single.With("ms-1", Number(ms1)).With("site-leads", Text(siteLeads));

            AssertSameResult(Scorer.Score(V1, single), Scorer.Score(V1, withHidden));
        });
    }

    // Subscale "s": x1, x3 and x4 normal, x2 and x5 reverse-keyed, all allowing "not applicable".
    private static readonly LikertItem[] Scale =
    [
        new("x1", "X1", "s") { AllowNotApplicable = true },
        new("x2", "X2", "s") { AllowNotApplicable = true, ReverseKeyed = true },
        new("x3", "X3", "s") { AllowNotApplicable = true },
        new("x4", "X4", "s") { AllowNotApplicable = true },
        new("x5", "X5", "s") { AllowNotApplicable = true, ReverseKeyed = true },
    ];

    private static readonly QuestionnaireDefinition ScaleDefinition = LikertOnly(Scale);

    /// <summary>An answer 1–5, "not applicable" or none (null), for each item of <see cref="Scale"/>.</summary>
    private static readonly Gen<AnswerValue?[]> ScaleAnswers = Gen.Frequency(
            (4, Gen.Int[1, 5].Select(AnswerValue? (i) => Number(i))),
            (2, Gen.Const<AnswerValue?>(NotApplicable)),
            (1, Gen.Const((AnswerValue?)null)))
        .Array[Scale.Length];

    private static AnswerSet ToAnswers(IReadOnlyList<AnswerValue?> values) =>
        AnswerSet.From(values.Select((v, i) => (Id: Scale[i].Id, Value: v)).Where(x => x.Value is not null).Select(x => KeyValuePair.Create(x.Id, x.Value!)));

    private static SubscaleScore ScoreOf(QuestionnaireDefinition definition, AnswerSet answers) =>
        Assert.Single(Scorer.Score(definition, answers).Subscales);

    [Fact]
    public void Reverse_keyed_item_moves_its_subscale_in_the_opposite_direction_to_a_normal_one()
    {
        Gen.Select(Gen.Int[1, 5].Array[Scale.Length], Gen.Int[0, Scale.Length - 1])
            .Where((values, at) => values[at] < 5)
            .Sample((values, at) =>
            {
                var answers = ToAnswers([.. values.Select(v => (AnswerValue?)Number(v))]);
                var before = ScoreOf(ScaleDefinition, answers).Score!.Value;
                var after = ScoreOf(ScaleDefinition, answers.With(Scale[at].Id, Number(values[at] + 1))).Score!.Value;

                if (Scale[at].ReverseKeyed)
                {
                    Assert.True(after < before, $"raising reverse-keyed {Scale[at].Id} moved {before} to {after}");
                }
                else
                {
                    Assert.True(after > before, $"raising normal {Scale[at].Id} moved {before} to {after}");
                }
            });
    }

    [Fact]
    public void Same_answer_moves_a_normal_and_a_reverse_keyed_item_by_opposite_amounts()
    {
        Gen.Select(Gen.Int[1, 5], Gen.Int[1, 5]).Sample((from, to) =>
        {
            var normal = new LikertItem("n", "N", "s");
            var reverse = normal with { ReverseKeyed = true };

            Assert.Equal(normal.Normalise(to) - normal.Normalise(from), -(reverse.Normalise(to) - reverse.Normalise(from)));
            Assert.Equal(1m, normal.Normalise(from) + reverse.Normalise(from));
        });
    }

    [Fact]
    public void Replacing_not_applicable_with_no_answer_never_changes_the_score()
    {
        ScaleAnswers.Sample(values =>
        {
            var withNotApplicable = ToAnswers(values);
            var withGaps = ToAnswers([.. values.Select(v => v is NotApplicableAnswer ? null : v)]);

            Assert.Equal(ScoreOf(ScaleDefinition, withNotApplicable), ScoreOf(ScaleDefinition, withGaps));
        });
    }

    [Fact]
    public void Not_applicable_never_counts_as_an_answer_score_equals_the_score_over_the_other_items()
    {
        ScaleAnswers.Where(values => values.Any(v => v is NumberAnswer)).Sample(values =>
        {
            var full = ScoreOf(ScaleDefinition, ToAnswers(values));
            var others = LikertOnly([.. Scale.Where((_, i) => values[i] is not NotApplicableAnswer)]);
            var othersAnswers = ToAnswers([.. values.Select(v => v is NotApplicableAnswer ? null : v)]);
            var overOthers = ScoreOf(others, othersAnswers);

            Assert.Equal(values.Count(v => v is NumberAnswer), full.Answered);
            Assert.Equal(full.Answered, overOthers.Answered);
            Assert.Equal(Scale.Length, full.Items);
            if (full.Score is not null)
            {
                Assert.Equal(overOthers.Score, full.Score);
            }
        });
    }

    [Fact]
    public void Not_applicable_never_scores_lower_than_the_least_favourable_answer_in_its_place()
    {
        Gen.Select(ScaleAnswers, Gen.Int[0, Scale.Length - 1])
            .Where((values, at) => values[at] is NotApplicableAnswer)
            .Sample((values, at) =>
            {
                var worst = Scale[at].ReverseKeyed ? Scale[at].Max : Scale[at].Min;
                var asNotApplicable = ScoreOf(ScaleDefinition, ToAnswers(values));
                var asWorst = ScoreOf(ScaleDefinition, ToAnswers(values).With(Scale[at].Id, Number(worst)));

                Assert.Equal(asNotApplicable.Answered + 1, asWorst.Answered);
                if (asNotApplicable.Score is { } score)
                {
                    Assert.True(score >= asWorst.Score, $"N/A scored {score}, the least favourable answer {asWorst.Score}");
                }
            });
    }

    [Fact]
    public void Subscale_score_is_between_0_and_100_and_null_exactly_when_fewer_than_60_percent_are_answered()
    {
        ScaleAnswers.Sample(values =>
        {
            var score = ScoreOf(ScaleDefinition, ToAnswers(values));
            var answered = values.Count(v => v is NumberAnswer);

            Assert.Equal(answered, score.Answered);
            if (answered < 3)
            {
                Assert.Null(score.Score);
                Assert.NotNull(score.Reason);
            }
            else
            {
                Assert.InRange(score.Score!.Value, 0m, 100m);
                Assert.Null(score.Reason);
            }
        });
    }

    private static void AssertSameResult(AssessmentResult expected, AssessmentResult actual)
    {
        Assert.Equal(expected.Questionnaire, actual.Questionnaire);
        Assert.Equal(expected.ScoringVersion, actual.ScoringVersion);
        AssertSameWeek(expected.ActualWeek, actual.ActualWeek);
        AssertSameWeek(expected.IdealWeek, actual.IdealWeek);
        Assert.Equal(expected.Gap.LeadershipShare, actual.Gap.LeadershipShare);
        Assert.Equal(expected.Gap.Hours, actual.Gap.Hours);
        Assert.Equal(expected.Subscales, actual.Subscales);
    }

    private static void AssertSameWeek(WeekSplit expected, WeekSplit actual)
    {
        Assert.Equal(expected.TotalHours, actual.TotalHours);
        Assert.Equal(expected.Categories, actual.Categories);
        Assert.Equal(expected.LeadershipShare, actual.LeadershipShare);
        Assert.Equal(expected.LeadershipShareReason, actual.LeadershipShareReason);
    }
}
