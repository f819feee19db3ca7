using System.Globalization;
using Assessment.Domain.Questionnaires;

namespace Assessment.Domain.Reports;

/// <summary>Prepares a consultant for the discovery call: talking points and every answer in readable form.</summary>
public static class ConsultantBriefing
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    public static ConsultantNotes Build(QuestionnaireDefinition definition, AnswerSet answers, Report report)
    {
        ArgumentNullException.ThrowIfNull(definition);
        ArgumentNullException.ThrowIfNull(report);
        var visible = definition.VisibleAnswers(answers);
        var facts = new ReportFacts(definition, visible, report.Result);
        var result = report.Result;
        var points = new List<string>
        {
            $"Profile: {result.Profile.Label} (rule: {result.Profile.Rule}). Leadership share {Share(result.LeadershipShare)} now, {Share(result.IdealWeek.LeadershipShare)} wanted.",
        };
        var wantedMore = facts.Hours(TimeCategory.Leadership, Week.Ideal) - facts.LeadershipHours;
        if (wantedMore > 0)
        {
            points.Add($"They want {wantedMore.ToString("0.#", Invariant)} more hours a week of leading: ask what they would do with them first.");
        }
        var top = facts.DelegableActivities().FirstOrDefault();
        if (top.Activity is not null)
        {
            points.Add($"Largest delegable work: {top.Activity.Label.ToLowerInvariant()}, {top.Hours.ToString("0.#", Invariant)} h a week. Who could own it, and what stops that today?");
        }
        if (facts.Choice("practice-manager") == "no")
        {
            points.Add("There is no practice manager: explore what has held the appointment back (cost, trust, finding the person).");
        }
        foreach (var gap in report.Gaps)
        {
            points.Add($"Gap — {gap.Label} ({gap.Score.ToString("0", Invariant)}): ask for a recent example.");
        }
        if (report.TopRecommendation is { } first)
        {
            points.Add($"Suggested first step to agree on the call: {first.Title.ToLowerInvariant()}.");
        }
        var frustration = facts.Text("frustration");
        if (frustration is not null)
        {
            points.Add($"In their words: “{frustration}”");
        }
        return new ConsultantNotes(points, frustration, Answered(definition, visible));
    }

    private static string Share(decimal? share) => share is { } s ? (s * 100).ToString("0", Invariant) + "%" : "not known";

    private static List<AnsweredItem> Answered(QuestionnaireDefinition definition, AnswerSet answers)
    {
        var items = new List<AnsweredItem>();
        foreach (var section in definition.Sections)
        {
            foreach (var item in section.Items)
            {
                if (answers[item.Id] is { } value)
                {
                    items.Add(new AnsweredItem(item.Id, section.Title, item.Prompt, Describe(item, value)));
                }
            }
        }
        return items;
    }

    /// <summary>An answer as a person would read it.</summary>
    public static string Describe(Item item, AnswerValue value) => (item, value) switch
    {
        (_, NotApplicableAnswer) => "Does not apply",
        (SingleChoiceItem s, TextAnswer t) => s.Options.FirstOrDefault(o => o.Value == t.Value)?.Label ?? t.Value,
        (MultiChoiceItem m, ChoicesAnswer c) => string.Join("; ", c.Values.Select(v => m.Options.FirstOrDefault(o => o.Value == v)?.Label ?? v)),
        (LikertItem l, NumberAnswer n) => l.Anchors.TryGetValue((int)n.Value, out var anchor)
            ? $"{n.Value.ToString("0", Invariant)} — {anchor}"
            : n.Value.ToString("0", Invariant),
        (NumberItem u, NumberAnswer n) => u.Unit is null ? n.Value.ToString("0.##", Invariant) : $"{n.Value.ToString("0.##", Invariant)} {u.Unit}",
        (TimeAllocationItem t, AllocationAnswer a) => string.Join("; ", t.Activities
            .Where(x => a.Hours.TryGetValue(x.Id, out var h) && h > 0)
            .Select(x => $"{x.Label}: {a.Hours[x.Id].ToString("0.#", Invariant)} h")) is { Length: > 0 } listed ? listed : "No hours given",
        (_, TextAnswer t) => t.Value,
        _ => value.ToString() ?? "",
    };
}
