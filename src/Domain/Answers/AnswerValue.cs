namespace Assessment.Domain;

/// <summary>
/// An answer as given, before it is matched with its item: a number, a piece of text, a list of
/// option values, hours per activity, or "not applicable". Each item decides which of these it accepts.
/// </summary>
public abstract record AnswerValue;

public sealed record NumberAnswer(decimal Value) : AnswerValue;

public sealed record TextAnswer(string Value) : AnswerValue;

public sealed record ChoicesAnswer(IReadOnlyList<string> Values) : AnswerValue
{
    public bool Equals(ChoicesAnswer? other) => other is not null && Values.SequenceEqual(other.Values);

    public override int GetHashCode() => Values.Count;
}

public sealed record AllocationAnswer(IReadOnlyDictionary<string, decimal> Hours) : AnswerValue
{
    public bool Equals(AllocationAnswer? other) =>
        other is not null && Hours.Count == other.Hours.Count
        && Hours.All(kv => other.Hours.TryGetValue(kv.Key, out var h) && h == kv.Value);

    public override int GetHashCode() => Hours.Count;
}

public sealed record NotApplicableAnswer : AnswerValue
{
    public static NotApplicableAnswer Instance { get; } = new();
}
