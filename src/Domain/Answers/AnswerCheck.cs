namespace Assessment.Domain.Questionnaires;

/// <summary>A reason an answer was refused, named by the item it was given for.</summary>
public sealed record AnswerProblem(string ItemId, string Message);

public static class AnswerCheck
{
    /// <summary>Every problem with a batch of answers: unknown items and values the item does not accept.</summary>
    public static IReadOnlyList<AnswerProblem> Check(this QuestionnaireDefinition definition, AnswerSet answers)
    {
        ArgumentNullException.ThrowIfNull(definition);
        ArgumentNullException.ThrowIfNull(answers);
        var problems = new List<AnswerProblem>();
        foreach (var (itemId, value) in answers)
        {
            if (definition.FindItem(itemId) is not { } item)
            {
                problems.Add(new AnswerProblem(itemId, $"There is no item '{itemId}' in {definition.Key} version {definition.Version}."));
                continue;
            }
            problems.AddRange(item.Check(value).Select(message => new AnswerProblem(itemId, message)));
        }
        return problems;
    }
}
