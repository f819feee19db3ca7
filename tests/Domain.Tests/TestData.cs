using System.Globalization;
using Assessment.Domain.Questionnaires;
using static Assessment.Domain.Questionnaires.ConditionOperator;
using static Assessment.Domain.Questionnaires.TimeCategory;

namespace Assessment.Domain.Tests;

/// <summary>Small builders shared by the tests.</summary>
internal static class TestData
{
    public static readonly DateTimeOffset Monday = new(2025, 3, 3, 9, 0, 0, TimeSpan.Zero);

    public static AnswerSet Answers(params (string ItemId, AnswerValue Value)[] answers) =>
        AnswerSet.From(answers.Select(a => KeyValuePair.Create(a.ItemId, a.Value)));

    public static NumberAnswer Number(decimal value) => new(value);

    public static TextAnswer Text(string value) => new(value);

    public static ChoicesAnswer Choices(params string[] values) => new(values);

    public static NotApplicableAnswer NotApplicable => NotApplicableAnswer.Instance;

    public static AllocationAnswer Hours(params (string ActivityId, decimal Hours)[] hours) =>
        new(hours.ToDictionary(h => h.ActivityId, h => h.Hours, StringComparer.Ordinal));

    /// <summary>Ids of the 28 Likert items of owner-time v1 that are always shown, in the order asked.</summary>
    public static readonly IReadOnlyList<string> OwnerTimeLikertIds =
    [
        "pb-1", "pb-2", "pb-3", "pb-4",
        "os-1", "os-2", "os-3", "os-4",
        "cp-1", "cp-2", "cp-3", "cp-4",
        "sd-1", "sd-2", "sd-3", "sd-4",
        "ap-1", "ap-2", "ap-3", "ap-4",
        "md-1", "md-2", "md-3", "md-4",
        "od-1", "od-2", "od-3", "od-4",
    ];

    /// <summary>Every required owner-time v1 item answered, for a single-site practice.</summary>
    public static AnswerSet CompleteOwnerTime(int locations = 1)
    {
        var answers = Answers(
            ("practice-type", Text("dental")),
            ("locations", Number(locations)),
            ("team-size", Number(12)),
            ("practice-manager", Text("no")),
            ("clinical-hours", Number(21.5m)),
            ("time-actual", Hours(("rota", 8), ("team-questions", 6), ("direction", 3), ("processes", 4), ("clinical", 18), ("clinical-admin", 3.5m), ("other", 3))),
            ("time-ideal", Hours(("rota", 5), ("direction", 10), ("developing", 6), ("clinical", 20))));
        foreach (var id in OwnerTimeLikertIds)
        {
            answers = answers.With(id, Number(3));
        }
        if (locations > 1)
        {
            answers = answers.With("site-leads", Text("some")).With("ms-1", Number(4));
        }
        return answers;
    }

    /// <summary>
    /// A small hand-made questionnaire: a site count, an actual and an ideal week over four activities (one per
    /// category), an "alpha" subscale of five items (a2 reverse-keyed, a3 may be "not applicable") and a "beta"
    /// subscale whose two items are shown only for more than one site.
    /// </summary>
    public static QuestionnaireDefinition Small { get; } = new(
        "small",
        1,
        "Small",
        "A hand-made questionnaire for tests.",
        5,
        [
            new Section("facts", "Facts", null,
            [
                new NumberItem("sites", "Sites?") { Required = true, Min = 1, WholeNumber = true },
                new TimeAllocationItem("actual", "Actual week", Week.Actual, SmallActivities) { Required = true },
                new TimeAllocationItem("ideal", "Ideal week", Week.Ideal, SmallActivities),
            ]),
            new Section("scales", "Scales", null,
            [
                new LikertItem("a1", "A1", "alpha"),
                new LikertItem("a2", "A2", "alpha") { ReverseKeyed = true },
                new LikertItem("a3", "A3", "alpha") { AllowNotApplicable = true },
                new LikertItem("a4", "A4", "alpha"),
                new LikertItem("a5", "A5", "alpha"),
                new LikertItem("b1", "B1", "beta") { VisibleIf = Condition.When("sites", GreaterThan, "1") },
                new LikertItem("b2", "B2", "beta") { Min = 0, Max = 10, VisibleIf = Condition.When("sites", GreaterThan, "1") },
            ]),
        ]);

    private static IReadOnlyList<Activity> SmallActivities =>
    [
        new("lead", "Leading", Leadership),
        new("manage", "Managing", Management),
        new("treat", "Treating", Clinical),
        new("misc", "Other", Other),
    ];

    /// <summary>A definition with only the given Likert items, all in one section.</summary>
    public static QuestionnaireDefinition LikertOnly(params LikertItem[] items) =>
        new("likert-only", 1, "Likert only", "Generated for a test.", 1, [new Section("all", "All", null, items)]);

    public static QuestionnaireDefinition Definition(string key, int version, params Item[] items) =>
        new(key, version, $"{key} v{version}", "Generated for a test.", 1, [new Section("all", "All", null, items)]);
}

/// <summary>Sets the current culture for the life of the scope, so culture-formatted messages are predictable.</summary>
internal sealed class CultureScope : IDisposable
{
    private readonly CultureInfo _culture = CultureInfo.CurrentCulture;
    private readonly CultureInfo _uiCulture = CultureInfo.CurrentUICulture;

    public CultureScope(string name)
    {
        CultureInfo.CurrentCulture = CultureInfo.GetCultureInfo(name);
        CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo(name);
    }

    public void Dispose()
    {
        CultureInfo.CurrentCulture = _culture;
        CultureInfo.CurrentUICulture = _uiCulture;
    }
}
