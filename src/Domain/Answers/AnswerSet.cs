using System.Collections;
using System.Collections.Immutable;

namespace Assessment.Domain;

/// <summary>An immutable set of answers keyed by item id. A missing key means unanswered.</summary>
public sealed class AnswerSet : IReadOnlyCollection<KeyValuePair<string, AnswerValue>>
{
    private readonly ImmutableSortedDictionary<string, AnswerValue> _answers;

    private AnswerSet(ImmutableSortedDictionary<string, AnswerValue> answers) => _answers = answers;

    public static AnswerSet Empty { get; } = new(ImmutableSortedDictionary.Create<string, AnswerValue>(StringComparer.Ordinal));

    public static AnswerSet From(IEnumerable<KeyValuePair<string, AnswerValue>> answers) =>
        new(ImmutableSortedDictionary.CreateRange(StringComparer.Ordinal, answers));

    public int Count => _answers.Count;

    public AnswerValue? this[string itemId] => _answers.GetValueOrDefault(itemId);

    public bool Contains(string itemId) => _answers.ContainsKey(itemId);

    public bool TryGet(string itemId, out AnswerValue value) => _answers.TryGetValue(itemId, out value!);

    public AnswerSet With(string itemId, AnswerValue value) => new(_answers.SetItem(itemId, value));

    /// <summary>These answers less those to the given items.</summary>
    public AnswerSet Without(IEnumerable<string> itemIds) => new(_answers.RemoveRange(itemIds));

    /// <summary>These answers overwritten, item by item, by the given ones.</summary>
    public AnswerSet Merge(AnswerSet changes)
    {
        ArgumentNullException.ThrowIfNull(changes);
        return new(_answers.SetItems(changes._answers));
    }

    public IEnumerator<KeyValuePair<string, AnswerValue>> GetEnumerator() => _answers.GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
