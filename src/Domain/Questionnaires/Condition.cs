namespace Assessment.Domain.Questionnaires;

/// <summary>How a condition compares an earlier answer with its operand.</summary>
public enum ConditionOperator
{
    Equals,
    NotEquals,
    GreaterThan,
    GreaterThanOrEqual,
    LessThan,
    LessThanOrEqual,
    AnyOf,
}

/// <summary>
/// Shows an item only when an earlier answer meets a comparison. An unanswered or "not applicable"
/// earlier item never meets a condition.
/// </summary>
public sealed record Condition(string ItemId, ConditionOperator Operator, IReadOnlyList<string> Values)
{
    // Numeric operands, parsed once; null where an operand is not a number.
    private readonly decimal?[] _numbers = [.. Values.Select(v =>
        decimal.TryParse(v, System.Globalization.NumberStyles.Number, System.Globalization.CultureInfo.InvariantCulture, out var n) ? (decimal?)n : null)];

    public static Condition When(string itemId, ConditionOperator op, params string[] values) => new(itemId, op, values);

    public bool IsMetBy(AnswerSet answers)
    {
        ArgumentNullException.ThrowIfNull(answers);
        if (!answers.TryGet(ItemId, out var answer))
        {
            return false;
        }
        return answer switch
        {
            NumberAnswer n => CompareNumber(n.Value),
            TextAnswer t => CompareText(t.Value),
            ChoicesAnswer c => Operator switch
            {
                ConditionOperator.AnyOf or ConditionOperator.Equals => c.Values.Any(Values.Contains),
                ConditionOperator.NotEquals => !c.Values.Any(Values.Contains),
                _ => false,
            },
            _ => false,
        };
    }

    private bool CompareText(string value) => Operator switch
    {
        ConditionOperator.Equals or ConditionOperator.AnyOf => Values.Contains(value),
        ConditionOperator.NotEquals => !Values.Contains(value),
        _ => false,
    };

    private bool CompareNumber(decimal value) => Operator switch
    {
        ConditionOperator.Equals or ConditionOperator.AnyOf => Array.IndexOf(_numbers, value) >= 0,
        ConditionOperator.NotEquals => Array.IndexOf(_numbers, value) < 0,
        ConditionOperator.GreaterThan => value > _numbers[0],
        ConditionOperator.GreaterThanOrEqual => value >= _numbers[0],
        ConditionOperator.LessThan => value < _numbers[0],
        ConditionOperator.LessThanOrEqual => value <= _numbers[0],
        _ => false,
    };
}
