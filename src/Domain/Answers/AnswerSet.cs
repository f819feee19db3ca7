using System.Collections;

namespace Assessment.Domain;

/// <summary>
/// An immutable set of answers keyed by item id, enumerated in ordinal order of the ids. A missing key means
/// unanswered. Lookups are hash-based, since scoring reads every answer.
/// </summary>
public sealed class AnswerSet : IReadOnlyCollection<KeyValuePair<string, AnswerValue>>
{
    private readonly Dictionary<string, AnswerValue> _answers;
    private readonly string[] _orderedIds;

    private AnswerSet(Dictionary<string, AnswerValue> answers)
    {
        _answers = answers;
        _orderedIds = [.. answers.Keys];
        Array.Sort(_orderedIds, StringComparer.Ordinal);
    }

    public static AnswerSet Empty { get; } = new(new Dictionary<string, AnswerValue>(StringComparer.Ordinal));

    /// <summary>The answers given; a later answer to the same item replaces an earlier one.</summary>
    public static AnswerSet From(IEnumerable<KeyValuePair<string, AnswerValue>> answers)
    {
        ArgumentNullException.ThrowIfNull(answers);
        var copy = new Dictionary<string, AnswerValue>(StringComparer.Ordinal);
        foreach (var (itemId, value) in answers)
        {
            copy[itemId] = value;
        }
        return new(copy);
    }

    public int Count => _answers.Count;

    public AnswerValue? this[string itemId] => _answers.GetValueOrDefault(itemId);

    public bool Contains(string itemId) => _answers.ContainsKey(itemId);

    public bool TryGet(string itemId, out AnswerValue value) => _answers.TryGetValue(itemId, out value!);

    public AnswerSet With(string itemId, AnswerValue value)
    {
        var copy = new Dictionary<string, AnswerValue>(_answers, StringComparer.Ordinal) { [itemId] = value };
        return new(copy);
    }

    /// <summary>These answers less those to the given items.</summary>
    public AnswerSet Without(IEnumerable<string> itemIds)
    {
        ArgumentNullException.ThrowIfNull(itemIds);
        var copy = new Dictionary<string, AnswerValue>(_answers, StringComparer.Ordinal);
        foreach (var itemId in itemIds)
        {
            copy.Remove(itemId);
        }
        return new(copy);
    }

    /// <summary>These answers overwritten, item by item, by the given ones.</summary>
    public AnswerSet Merge(AnswerSet changes)
    {
        ArgumentNullException.ThrowIfNull(changes);
        var copy = new Dictionary<string, AnswerValue>(_answers, StringComparer.Ordinal);
        foreach (var (itemId, value) in changes._answers)
        {
            copy[itemId] = value;
        }
        return new(copy);
    }

    public IEnumerator<KeyValuePair<string, AnswerValue>> GetEnumerator()
    {
        foreach (var itemId in _orderedIds)
        {
            yield return new(itemId, _answers[itemId]);
        }
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
