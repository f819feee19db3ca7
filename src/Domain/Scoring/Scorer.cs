using System.Globalization;
using Assessment.Domain.Questionnaires;

namespace Assessment.Domain.Scoring;

/// <summary>
/// Turns a definition and the answers given to it into a result. Pure: same input, same output.
/// Scoring version 1:
/// <list type="bullet">
/// <item>Leadership share = leadership hours ÷ (leadership + management hours), per week, to 4 decimals; null when both are 0.</item>
/// <item>Category percentages are of all hours in the week, to 1 decimal. Halves round away from zero.</item>
/// <item>A subscale is the mean of its answered items on 0–100 (reverse keys applied, "not applicable" left out),
/// over the items shown; null when fewer than 60% of them are answered.</item>
/// <item>Owner dependency is the score of the model's dependency subscale.</item>
/// <item>Hours reclaimable = Σ over management activities of actual hours × the activity's delegable fraction,
/// rounded to the nearest half hour.</item>
/// <item>The profile is chosen by <see cref="Profiles"/>.</item>
/// </list>
/// </summary>
public static class Scorer
{
    /// <summary>Changes whenever a rule above changes, so stored results say which rules produced them.</summary>
    public const string Version = "1";

    /// <summary>A subscale needs at least this fraction of its shown items answered (not "not applicable").</summary>
    public const decimal MinimumAnsweredFraction = 0.6m;

    private const int CategoryCount = 4;

    public static AssessmentResult Score(QuestionnaireDefinition definition, AnswerSet answers)
    {
        ArgumentNullException.ThrowIfNull(definition);
        ArgumentNullException.ThrowIfNull(answers);
        var items = definition.Items;
        Span<bool> visible = items.Count <= 256 ? stackalloc bool[items.Count] : new bool[items.Count];
        definition.MarkVisible(answers, visible);

        Span<decimal> actualHours = stackalloc decimal[CategoryCount];
        Span<decimal> idealHours = stackalloc decimal[CategoryCount];
        decimal reclaimable = 0;
        for (var i = 0; i < items.Count; i++)
        {
            if (visible[i] && items[i] is TimeAllocationItem allocation && answers[allocation.Id] is AllocationAnswer answer)
            {
                var actual = allocation.Week == Week.Actual;
                var hours = actual ? actualHours : idealHours;
                foreach (var activity in allocation.Activities)
                {
                    if (answer.Hours.TryGetValue(activity.Id, out var h) && h > 0)
                    {
                        hours[(int)activity.Category] += h;
                        if (actual && activity.Category == TimeCategory.Management)
                        {
                            reclaimable += h * activity.Delegable;
                        }
                    }
                }
            }
        }
        var actualWeek = Split(actualHours, Week.Actual);
        var idealWeek = Split(idealHours, Week.Ideal);

        var subscales = Subscales(definition, answers, visible);
        var model = definition.Scoring;
        var dependency = Find(subscales, model.DependencySubscale);
        var figures = new ProfileFigures(
            actualWeek.LeadershipShare,
            dependency,
            Mean(subscales, model.ManagementSubscales),
            Mean(subscales, model.LeadershipSubscales),
            actualHours[(int)TimeCategory.Management]);

        return new AssessmentResult(
            definition.Ref,
            Version,
            Practice(definition, answers, visible),
            actualWeek,
            idealWeek,
            Gap(actualWeek, idealWeek),
            subscales,
            dependency,
            Math.Round(reclaimable * 2, MidpointRounding.AwayFromZero) / 2,
            Profiles.Classify(figures));
    }

    /// <summary>Halves round away from zero, as an owner checking the figures by hand would round them.</summary>
    private static decimal Round(decimal value, int decimals) => Math.Round(value, decimals, MidpointRounding.AwayFromZero);

    private static WeekSplit Split(ReadOnlySpan<decimal> hours, Week week)
    {
        decimal total = 0;
        foreach (var h in hours)
        {
            total += h;
        }
        var categories = new CategoryHours[CategoryCount];
        for (var i = 0; i < CategoryCount; i++)
        {
            categories[i] = new CategoryHours((TimeCategory)i, hours[i], total == 0 ? null : Round(hours[i] * 100 / total, 1));
        }
        var leadership = hours[(int)TimeCategory.Leadership];
        var management = hours[(int)TimeCategory.Management];
        return leadership + management == 0
            ? new WeekSplit(total, categories, null, week == Week.Actual ? NoActualHours : NoIdealHours)
            : new WeekSplit(total, categories, Round(leadership / (leadership + management), 4), null);
    }

    private const string NoActualHours = "No leadership or management hours were given for the actual week.";
    private const string NoIdealHours = "No leadership or management hours were given for the ideal week.";

    private static WeekGap Gap(WeekSplit actual, WeekSplit ideal)
    {
        var hours = new CategoryHours[CategoryCount];
        for (var i = 0; i < CategoryCount; i++)
        {
            hours[i] = new CategoryHours((TimeCategory)i, ideal.Categories[i].Hours - actual.Categories[i].Hours, null);
        }
        return new WeekGap(actual.LeadershipShare is { } a && ideal.LeadershipShare is { } s ? s - a : null, hours);
    }

    private static SubscaleScore[] Subscales(QuestionnaireDefinition definition, AnswerSet answers, ReadOnlySpan<bool> visible)
    {
        var definitions = definition.Subscales;
        var scores = new List<SubscaleScore>(definitions.Count);
        foreach (var subscale in definitions)
        {
            var shown = 0;
            var answered = 0;
            // Positions on each item's scale, reverse keys applied, summed as whole numbers while every answered
            // item shares one scale; decimals only for a subscale that mixes scales.
            var positions = 0;
            var range = 0;
            var mixed = false;
            decimal sum = 0;
            foreach (var index in subscale.ItemIndexes)
            {
                if (!visible[index])
                {
                    continue;
                }
                shown++;
                var item = (LikertItem)definition.Items[index];
                if (answers[item.Id] is not NumberAnswer n)
                {
                    continue;
                }
                answered++;
                var position = (int)n.Value - item.Min;
                positions += item.ReverseKeyed ? item.Max - item.Min - position : position;
                mixed |= range != 0 && range != item.Max - item.Min;
                range = item.Max - item.Min;
            }
            if (mixed)
            {
                foreach (var index in subscale.ItemIndexes)
                {
                    if (visible[index] && definition.Items[index] is LikertItem item && answers[item.Id] is NumberAnswer n)
                    {
                        sum += item.Normalise(n.Value);
                    }
                }
            }
            if (shown == 0)
            {
                continue;
            }
            scores.Add((decimal)answered / shown < MinimumAnsweredFraction
                ? new SubscaleScore(subscale.Name, null, answered, shown, string.Create(CultureInfo.InvariantCulture,
                    $"Only {answered} of {shown} items were answered; at least {MinimumAnsweredFraction * 100:0}% are needed."))
                : new SubscaleScore(subscale.Name, Round(mixed ? sum * 100 / answered : (decimal)positions * 100 / (range * answered), 1), answered, shown, null));
        }
        return [.. scores];
    }

    private static decimal? Find(SubscaleScore[] scores, string? name)
    {
        foreach (var score in scores)
        {
            if (score.Subscale == name)
            {
                return score.Score;
            }
        }
        return null;
    }

    /// <summary>The mean of the named subscales that have a score; null when none has.</summary>
    private static decimal? Mean(SubscaleScore[] scores, IReadOnlyList<string> names)
    {
        decimal sum = 0;
        var count = 0;
        foreach (var name in names)
        {
            if (Find(scores, name) is { } score)
            {
                sum += score;
                count++;
            }
        }
        return count == 0 ? null : Round(sum / count, 1);
    }

    private static PracticeFacts Practice(QuestionnaireDefinition definition, AnswerSet answers, ReadOnlySpan<bool> visible)
    {
        var model = definition.Scoring;
        string? type = null;
        int? teamSize = null;
        for (var i = 0; i < definition.Items.Count; i++)
        {
            var id = definition.Items[i].Id;
            if (!visible[i])
            {
                continue;
            }
            if (id == model.PracticeTypeItem && answers[id] is TextAnswer t)
            {
                type = t.Value;
            }
            else if (id == model.TeamSizeItem && answers[id] is NumberAnswer n)
            {
                teamSize = (int)n.Value;
            }
        }
        return new PracticeFacts(type, teamSize);
    }
}
