namespace Assessment.Domain.Questionnaires;

/// <summary>
/// A published, immutable version of a questionnaire: its sections and items in the order they are asked.
/// </summary>
public sealed record QuestionnaireDefinition
{
    private readonly Dictionary<string, Item> _itemsById;

    public QuestionnaireDefinition(string key, int version, string title, string description, int estimatedMinutes, IReadOnlyList<Section> sections)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(key);
        ArgumentOutOfRangeException.ThrowIfLessThan(version, 1);
        Key = key;
        Version = version;
        Title = title;
        Description = description;
        EstimatedMinutes = estimatedMinutes;
        Sections = sections;
        Items = [.. sections.SelectMany(s => s.Items)];
        _itemsById = new Dictionary<string, Item>(StringComparer.Ordinal);
        foreach (var item in Items)
        {
            if (!_itemsById.TryAdd(item.Id, item))
            {
                throw new ArgumentException($"Item id '{item.Id}' appears more than once in {key} v{version}.", nameof(sections));
            }
        }
        foreach (var item in Items)
        {
            if (item.VisibleIf is { } condition && IndexOf(condition.ItemId) is var at && (at < 0 || at >= IndexOf(item.Id)))
            {
                throw new ArgumentException($"Item '{item.Id}' depends on '{condition.ItemId}', which is not asked before it.", nameof(sections));
            }
        }
    }

    public string Key { get; }

    public int Version { get; }

    public string Title { get; }

    public string Description { get; }

    public int EstimatedMinutes { get; }

    public IReadOnlyList<Section> Sections { get; }

    /// <summary>Every item of every section, in the order asked.</summary>
    public IReadOnlyList<Item> Items { get; }

    public Item? FindItem(string id) => _itemsById.GetValueOrDefault(id);

    private int IndexOf(string itemId)
    {
        for (var i = 0; i < Items.Count; i++)
        {
            if (Items[i].Id == itemId)
            {
                return i;
            }
        }
        return -1;
    }

    /// <summary>
    /// The answers that count: answers to unknown items and to items hidden by their condition are dropped.
    /// Conditions are evaluated in item order over the answers already kept, so an item hidden because
    /// an earlier item is hidden is hidden too.
    /// </summary>
    public AnswerSet VisibleAnswers(AnswerSet answers)
    {
        var kept = AnswerSet.Empty;
        foreach (var item in Items)
        {
            if (IsVisible(item, kept) && answers.TryGet(item.Id, out var value))
            {
                kept = kept.With(item.Id, value);
            }
        }
        return kept;
    }

    /// <summary>Whether an item is shown given the answers to the items before it.</summary>
    public static bool IsVisible(Item item, AnswerSet answers)
    {
        ArgumentNullException.ThrowIfNull(item);
        return item.VisibleIf is not { } condition || condition.IsMetBy(answers);
    }

    /// <summary>Ids of the required, visible items that have no answer, in the order asked.</summary>
    public IReadOnlyList<string> MissingRequired(AnswerSet answers)
    {
        var visible = VisibleAnswers(answers);
        var missing = new List<string>();
        foreach (var item in Items)
        {
            if (item.Required && IsVisible(item, visible) && !visible.Contains(item.Id))
            {
                missing.Add(item.Id);
            }
        }
        return missing;
    }
}

public sealed record Section(string Id, string Title, string? Description, IReadOnlyList<Item> Items);
