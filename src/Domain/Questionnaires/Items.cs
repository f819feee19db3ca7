using System.Globalization;

namespace Assessment.Domain.Questionnaires;

/// <summary>One question. Each kind knows which answers it accepts.</summary>
public abstract record Item(string Id, string Prompt)
{
    /// <summary>The item kind as it appears in definitions and in the API.</summary>
    public abstract string Type { get; }

    public string? Help { get; init; }

    public bool Required { get; init; }

    public Condition? VisibleIf { get; init; }

    /// <summary>Why a value is not an acceptable answer to this item; empty when it is.</summary>
    public IReadOnlyList<string> Check(AnswerValue value)
    {
        ArgumentNullException.ThrowIfNull(value);
        return value is NotApplicableAnswer
            ? AllowsNotApplicable ? [] : ["This question has no \"not applicable\" answer."]
            : CheckValue(value);
    }

    protected virtual bool AllowsNotApplicable => false;

    protected abstract IReadOnlyList<string> CheckValue(AnswerValue value);

    protected static IReadOnlyList<string> Wrong(string expected) => [$"Expected {expected}."];
}

public sealed record ChoiceOption(string Value, string Label);

public sealed record SingleChoiceItem(string Id, string Prompt, IReadOnlyList<ChoiceOption> Options) : Item(Id, Prompt)
{
    public override string Type => "single-choice";

    protected override IReadOnlyList<string> CheckValue(AnswerValue value) => value switch
    {
        TextAnswer t when Options.Any(o => o.Value == t.Value) => [],
        TextAnswer t => [$"'{t.Value}' is not one of the options: {string.Join(", ", Options.Select(o => o.Value))}."],
        _ => Wrong("one option value as a string"),
    };
}

public sealed record MultiChoiceItem(string Id, string Prompt, IReadOnlyList<ChoiceOption> Options) : Item(Id, Prompt)
{
    public override string Type => "multi-choice";

    public int? MaxSelected { get; init; }

    protected override IReadOnlyList<string> CheckValue(AnswerValue value)
    {
        if (value is not ChoicesAnswer choices)
        {
            return Wrong("an array of option values");
        }
        var problems = new List<string>();
        foreach (var unknown in choices.Values.Where(v => Options.All(o => o.Value != v)))
        {
            problems.Add($"'{unknown}' is not one of the options: {string.Join(", ", Options.Select(o => o.Value))}.");
        }
        if (choices.Values.Distinct(StringComparer.Ordinal).Count() != choices.Values.Count)
        {
            problems.Add("An option is selected more than once.");
        }
        if (MaxSelected is { } max && choices.Values.Count > max)
        {
            problems.Add($"Select at most {max}.");
        }
        return problems;
    }
}

/// <summary>Which function a Likert item measures; also the name of its subscale score.</summary>
public sealed record LikertItem(string Id, string Prompt, string Subscale) : Item(Id, Prompt)
{
    public override string Type => "likert";

    public int Min { get; init; } = 1;

    public int Max { get; init; } = 5;

    /// <summary>Labels for points of the scale, by value (at least the two ends).</summary>
    public IReadOnlyDictionary<int, string> Anchors { get; init; } = new Dictionary<int, string>();

    /// <summary>Agreement with the statement means less of what the subscale measures.</summary>
    public bool ReverseKeyed { get; init; }

    public bool AllowNotApplicable { get; init; }

    protected override bool AllowsNotApplicable => AllowNotApplicable;

    protected override IReadOnlyList<string> CheckValue(AnswerValue value) => value switch
    {
        NumberAnswer n when n.Value != decimal.Truncate(n.Value) => Wrong($"a whole number from {Min} to {Max}"),
        NumberAnswer n when n.Value < Min || n.Value > Max => [string.Create(CultureInfo.InvariantCulture, $"{n.Value} is outside the scale {Min} to {Max}.")],
        NumberAnswer => [],
        _ => Wrong($"a whole number from {Min} to {Max}"),
    };

    /// <summary>The answer on a 0..1 scale with the reverse key applied.</summary>
    public decimal Normalise(decimal answer)
    {
        var position = (answer - Min) / (Max - Min);
        return ReverseKeyed ? 1 - position : position;
    }
}

public sealed record NumberItem(string Id, string Prompt) : Item(Id, Prompt)
{
    public override string Type => "number";

    public decimal? Min { get; init; }

    public decimal? Max { get; init; }

    public string? Unit { get; init; }

    public bool WholeNumber { get; init; }

    protected override IReadOnlyList<string> CheckValue(AnswerValue value)
    {
        if (value is not NumberAnswer n)
        {
            return Wrong("a number");
        }
        if (WholeNumber && n.Value != decimal.Truncate(n.Value))
        {
            return Wrong("a whole number");
        }
        if (n.Value < Min || n.Value > Max)
        {
            return [$"{Format(n.Value)} is outside the allowed range {Format(Min)} to {Format(Max)}."];
        }
        return [];
    }

    private static string Format(decimal? value) => value?.ToString(CultureInfo.InvariantCulture) ?? "any";
}

/// <summary>Where an hour of the owner's week goes.</summary>
public enum TimeCategory
{
    Leadership,
    Management,
    Clinical,
    Other,
}

/// <summary>Which week a time audit describes.</summary>
public enum Week
{
    Actual,
    Ideal,
}

/// <summary>
/// One line of a time audit. <c>Delegable</c>, for management work, is the fraction of its hours (0 to 1) that
/// someone other than the owner could normally do; it drives <c>hoursReclaimable</c>.
/// </summary>
public sealed record Activity(string Id, string Label, TimeCategory Category, decimal Delegable = 0);

/// <summary>Hours in a week spread over activities; the answer maps activity ids to hours.</summary>
public sealed record TimeAllocationItem(string Id, string Prompt, Week Week, IReadOnlyList<Activity> Activities) : Item(Id, Prompt)
{
    public const decimal HoursInWeek = 168;

    public override string Type => "time-allocation";

    protected override IReadOnlyList<string> CheckValue(AnswerValue value)
    {
        if (value is not AllocationAnswer allocation)
        {
            return Wrong("an object of activity ids to hours");
        }
        var problems = new List<string>();
        foreach (var (activityId, hours) in allocation.Hours)
        {
            if (Activities.All(a => a.Id != activityId))
            {
                problems.Add($"'{activityId}' is not an activity of this question.");
            }
            else if (hours < 0)
            {
                problems.Add($"Hours for '{activityId}' cannot be negative.");
            }
        }
        var total = allocation.Hours.Values.Where(h => h > 0).Sum();
        if (total > HoursInWeek)
        {
            problems.Add($"{total.ToString(CultureInfo.InvariantCulture)} hours is more than the {HoursInWeek} hours in a week.");
        }
        return problems;
    }
}

public sealed record TextItem(string Id, string Prompt) : Item(Id, Prompt)
{
    public override string Type => "text";

    public int MaxLength { get; init; } = 2000;

    protected override IReadOnlyList<string> CheckValue(AnswerValue value) => value switch
    {
        TextAnswer t when t.Value.Length > MaxLength => [$"At most {MaxLength} characters ({t.Value.Length} given)."],
        TextAnswer => [],
        _ => Wrong("text"),
    };
}
