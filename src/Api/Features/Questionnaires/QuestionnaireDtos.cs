using System.Text.Json.Serialization;
using Assessment.Domain.Questionnaires;

namespace Assessment.Api.Features.Questionnaires;

/// <summary>A questionnaire in a list: its latest version and every published version.</summary>
public sealed record QuestionnaireSummary(string Key, int Version, string Title, string Description, int EstimatedMinutes, IReadOnlyList<int> Versions);

/// <summary>A published questionnaire version, complete: everything needed to render and validate it.</summary>
public sealed record QuestionnaireDocument(string Key, int Version, string Title, string Description, int EstimatedMinutes, IReadOnlyList<SectionDocument> Sections)
{
    public static QuestionnaireDocument From(QuestionnaireDefinition d) => new(
        d.Key, d.Version, d.Title, d.Description, d.EstimatedMinutes,
        [.. d.Sections.Select(s => new SectionDocument(s.Id, s.Title, s.Description, [.. s.Items.Select(ItemDocument.From)]))]);
}

public sealed record SectionDocument(string Id, string Title, string? Description, IReadOnlyList<ItemDocument> Items);

/// <summary>
/// One item. <c>type</c> is one of <c>single-choice</c>, <c>multi-choice</c>, <c>likert</c>, <c>number</c>,
/// <c>time-allocation</c>, <c>text</c>; the members that apply to that type are present, the others omitted.
/// Answers: single-choice and text take a string; multi-choice an array of option values; likert and number a number;
/// time-allocation an object of activity id to hours; <c>null</c> means "not applicable" where allowed.
/// </summary>
public sealed record ItemDocument(string Id, string Type, string Prompt, bool Required)
{
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Help { get; init; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public ConditionDocument? VisibleIf { get; init; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public IReadOnlyList<ChoiceOption>? Options { get; init; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public int? MaxSelected { get; init; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public decimal? Min { get; init; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public decimal? Max { get; init; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Unit { get; init; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public bool? WholeNumber { get; init; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public IReadOnlyDictionary<string, string>? Anchors { get; init; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Subscale { get; init; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public bool? ReverseKeyed { get; init; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public bool? AllowNotApplicable { get; init; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public Week? Week { get; init; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public IReadOnlyList<Activity>? Activities { get; init; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public int? MaxLength { get; init; }

    public static ItemDocument From(Item item)
    {
        ArgumentNullException.ThrowIfNull(item);
        var doc = new ItemDocument(item.Id, item.Type, item.Prompt, item.Required)
        {
            Help = item.Help,
            VisibleIf = item.VisibleIf is { } c ? new ConditionDocument(c.ItemId, c.Operator, c.Values) : null,
        };
        return item switch
        {
            SingleChoiceItem s => doc with { Options = s.Options },
            MultiChoiceItem m => doc with { Options = m.Options, MaxSelected = m.MaxSelected },
            LikertItem l => doc with
            {
                Min = l.Min,
                Max = l.Max,
                Anchors = l.Anchors.ToDictionary(a => a.Key.ToString(System.Globalization.CultureInfo.InvariantCulture), a => a.Value),
                Subscale = l.Subscale,
                ReverseKeyed = l.ReverseKeyed,
                AllowNotApplicable = l.AllowNotApplicable,
            },
            NumberItem n => doc with { Min = n.Min, Max = n.Max, Unit = n.Unit, WholeNumber = n.WholeNumber },
            TimeAllocationItem t => doc with { Week = t.Week, Activities = t.Activities, Max = TimeAllocationItem.HoursInWeek, Unit = "hours" },
            TextItem t => doc with { MaxLength = t.MaxLength },
            _ => doc,
        };
    }
}

/// <summary>Show the item only when the earlier item's answer meets the comparison.</summary>
public sealed record ConditionDocument(string ItemId, ConditionOperator Operator, IReadOnlyList<string> Values);
