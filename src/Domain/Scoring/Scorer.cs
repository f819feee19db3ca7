using System.Globalization;
using Assessment.Domain.Questionnaires;

namespace Assessment.Domain.Scoring;

/// <summary>Turns a definition and the answers given to it into a result. Pure: same input, same output.</summary>
public static class Scorer
{
    /// <summary>Changes whenever a rule below changes, so stored results say which rules produced them.</summary>
    public const string Version = "1";

    /// <summary>A subscale needs at least this fraction of its items answered (not "not applicable").</summary>
    public const decimal MinimumAnsweredFraction = 0.6m;

    private static readonly TimeCategory[] Categories = Enum.GetValues<TimeCategory>();

    public static AssessmentResult Score(QuestionnaireDefinition definition, AnswerSet answers)
    {
        ArgumentNullException.ThrowIfNull(definition);
        var visible = definition.VisibleAnswers(answers);
        var actual = Split(definition, visible, Week.Actual);
        var ideal = Split(definition, visible, Week.Ideal);
        return new AssessmentResult(
            new QuestionnaireRef(definition.Key, definition.Version),
            Version,
            actual,
            ideal,
            Gap(actual, ideal),
            Subscales(definition, visible));
    }

    private static WeekSplit Split(QuestionnaireDefinition definition, AnswerSet answers, Week week)
    {
        Span<decimal> hours = stackalloc decimal[Categories.Length];
        foreach (var item in definition.Items)
        {
            if (item is TimeAllocationItem allocation && allocation.Week == week
                && answers[item.Id] is AllocationAnswer answer)
            {
                foreach (var activity in allocation.Activities)
                {
                    if (answer.Hours.TryGetValue(activity.Id, out var h) && h > 0)
                    {
                        hours[(int)activity.Category] += h;
                    }
                }
            }
        }
        decimal total = 0;
        foreach (var h in hours)
        {
            total += h;
        }
        var categories = new CategoryHours[Categories.Length];
        for (var i = 0; i < categories.Length; i++)
        {
            categories[i] = new CategoryHours(Categories[i], hours[i], total == 0 ? null : Round(hours[i] / total * 100, 1));
        }
        var leadership = hours[(int)TimeCategory.Leadership];
        var management = hours[(int)TimeCategory.Management];
        return leadership + management == 0
            ? new WeekSplit(total, categories, null, $"No leadership or management hours were given for the {week.ToString().ToLowerInvariant()} week.")
            : new WeekSplit(total, categories, Round(leadership / (leadership + management), 4), null);
    }

    /// <summary>Halves round away from zero, as an owner checking the figures by hand would round them.</summary>
    private static decimal Round(decimal value, int decimals) => Math.Round(value, decimals, MidpointRounding.AwayFromZero);

    private static WeekGap Gap(WeekSplit actual, WeekSplit ideal) => new(
        actual.LeadershipShare is { } a && ideal.LeadershipShare is { } i ? i - a : null,
        [.. actual.Categories.Zip(ideal.Categories, (x, y) => new CategoryHours(x.Category, y.Hours - x.Hours, null))]);

    private static List<SubscaleScore> Subscales(QuestionnaireDefinition definition, AnswerSet answers)
    {
        var scores = new List<SubscaleScore>();
        foreach (var group in definition.Items.OfType<LikertItem>().GroupBy(i => i.Subscale))
        {
            var items = 0;
            var answered = 0;
            decimal sum = 0;
            foreach (var item in group)
            {
                if (!QuestionnaireDefinition.IsVisible(item, answers))
                {
                    continue;
                }
                items++;
                if (answers[item.Id] is NumberAnswer n)
                {
                    answered++;
                    sum += item.Normalise(n.Value);
                }
            }
            if (items == 0)
            {
                continue;
            }
            scores.Add((decimal)answered / items < MinimumAnsweredFraction
                ? new SubscaleScore(group.Key, null, answered, items,
                    string.Create(CultureInfo.InvariantCulture, $"Only {answered} of {items} items were answered; at least {MinimumAnsweredFraction * 100:0}% are needed."))
                : new SubscaleScore(group.Key, Round(sum / answered * 100, 1), answered, items, null));
        }
        return scores;
    }
}
