namespace Assessment.Domain.Questionnaires;

/// <summary>
/// A published, immutable version of a questionnaire: its sections and items in the order they are asked.
/// </summary>
public sealed record QuestionnaireDefinition
{
    private readonly Dictionary<string, Item> _itemsById;

    // For each item, the index of the item its condition reads (or -1), so visibility needs no lookups.
    private readonly int[] _conditionSource;

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
        Ref = new QuestionnaireRef(key, version);
        Items = [.. sections.SelectMany(s => s.Items)];
        _itemsById = new Dictionary<string, Item>(StringComparer.Ordinal);
        foreach (var item in Items)
        {
            if (!_itemsById.TryAdd(item.Id, item))
            {
                throw new ArgumentException($"Item id '{item.Id}' appears more than once in {key} v{version}.", nameof(sections));
            }
        }
        _conditionSource = new int[Items.Count];
        for (var i = 0; i < Items.Count; i++)
        {
            var item = Items[i];
            _conditionSource[i] = -1;
            if (item.VisibleIf is { } condition)
            {
                var at = IndexOf(condition.ItemId);
                if (at < 0 || at >= i)
                {
                    throw new ArgumentException($"Item '{item.Id}' depends on '{condition.ItemId}', which is not asked before it.", nameof(sections));
                }
                _conditionSource[i] = at;
            }
        }
        Subscales = [.. Items.Select((item, index) => (item, index))
            .Where(x => x.item is LikertItem)
            .GroupBy(x => ((LikertItem)x.item).Subscale, StringComparer.Ordinal)
            .Select(g => new SubscaleDefinition(g.Key, [.. g.Select(x => x.index)]))];
    }

    public string Key { get; }

    public int Version { get; }

    public string Title { get; }

    public string Description { get; }

    public int EstimatedMinutes { get; }

    public IReadOnlyList<Section> Sections { get; }

    /// <summary>Every item of every section, in the order asked.</summary>
    public IReadOnlyList<Item> Items { get; }

    /// <summary>The Likert subscales in the order their first item is asked, with the indexes of their items.</summary>
    public IReadOnlyList<SubscaleDefinition> Subscales { get; }

    /// <summary>Which items and subscales the scorer reads for the figures beyond the time split.</summary>
    public ScoringModel Scoring { get; init; } = ScoringModel.None;

    public QuestionnaireRef Ref { get; }

    public Item? FindItem(string id) => _itemsById.GetValueOrDefault(id);

    /// <summary>
    /// Marks which items are shown for these answers: an item is shown when it has no condition, or when the item
    /// its condition reads is shown and the condition is met.
    /// </summary>
    public void MarkVisible(AnswerSet answers, Span<bool> visible)
    {
        ArgumentNullException.ThrowIfNull(answers);
        for (var i = 0; i < Items.Count; i++)
        {
            var source = _conditionSource[i];
            visible[i] = source < 0 || (visible[source] && Items[i].VisibleIf!.IsMetBy(answers));
        }
    }

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
        Span<bool> visible = Items.Count <= 256 ? stackalloc bool[Items.Count] : new bool[Items.Count];
        MarkVisible(answers, visible);
        var kept = new List<KeyValuePair<string, AnswerValue>>(answers.Count);
        for (var i = 0; i < Items.Count; i++)
        {
            if (visible[i] && answers.TryGet(Items[i].Id, out var value))
            {
                kept.Add(new(Items[i].Id, value));
            }
        }
        return kept.Count == answers.Count ? answers : AnswerSet.From(kept);
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

public sealed record QuestionnaireRef(string Key, int Version);

/// <summary>A Likert subscale: its name and the positions of its items in <see cref="QuestionnaireDefinition.Items"/>.</summary>
public sealed record SubscaleDefinition(string Name, IReadOnlyList<int> ItemIndexes);

/// <summary>
/// Names the parts of a definition the scorer gives a meaning to: the practice type and team size (for the
/// benchmark cohort), the owner-dependency subscale, and which subscales are management and which leadership functions.
/// </summary>
public sealed record ScoringModel
{
    public static ScoringModel None { get; } = new();

    public string? PracticeTypeItem { get; init; }

    public string? TeamSizeItem { get; init; }

    public string? DependencySubscale { get; init; }

    public IReadOnlyList<string> ManagementSubscales { get; init; } = [];

    public IReadOnlyList<string> LeadershipSubscales { get; init; } = [];

    /// <summary>How each subscale is named to people.</summary>
    public IReadOnlyDictionary<string, string> SubscaleLabels { get; init; } = new Dictionary<string, string>();

    public string Label(string subscale) => SubscaleLabels.GetValueOrDefault(subscale, subscale);
}
