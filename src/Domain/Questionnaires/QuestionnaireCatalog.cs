using Assessment.Domain.Instruments;

namespace Assessment.Domain.Questionnaires;

/// <summary>The published questionnaires. A published version never changes; a change is a new version.</summary>
public sealed class QuestionnaireCatalog(IEnumerable<QuestionnaireDefinition> definitions)
{
    private readonly Dictionary<string, SortedList<int, QuestionnaireDefinition>> _byKey = definitions
        .GroupBy(d => d.Key, StringComparer.Ordinal)
        .ToDictionary(g => g.Key, g => new SortedList<int, QuestionnaireDefinition>(g.ToDictionary(d => d.Version)), StringComparer.Ordinal);

    public static QuestionnaireCatalog BuiltIn { get; } = new([OwnerTime.Version1]);

    /// <summary>The latest version of every questionnaire.</summary>
    public IReadOnlyList<QuestionnaireDefinition> Latest() => [.. _byKey.Values.Select(v => v.Values[^1]).OrderBy(d => d.Key, StringComparer.Ordinal)];

    public QuestionnaireDefinition? Latest(string key) => _byKey.TryGetValue(key, out var versions) ? versions.Values[^1] : null;

    public QuestionnaireDefinition? Find(string key, int version) =>
        _byKey.TryGetValue(key, out var versions) ? versions.GetValueOrDefault(version) : null;

    /// <summary>The version an assessment is pinned to. Published versions are never withdrawn, so it always exists.</summary>
    public QuestionnaireDefinition DefinitionOf(Assessments.AssessmentResponse assessment)
    {
        ArgumentNullException.ThrowIfNull(assessment);
        return Find(assessment.QuestionnaireKey, assessment.QuestionnaireVersion)
            ?? throw new InvalidOperationException($"Questionnaire {assessment.QuestionnaireKey} v{assessment.QuestionnaireVersion} is not published.");
    }

    public IReadOnlyList<int> Versions(string key) => _byKey.TryGetValue(key, out var versions) ? [.. versions.Keys] : [];
}
