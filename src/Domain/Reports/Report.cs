using Assessment.Domain.Scoring;

namespace Assessment.Domain.Reports;

public enum Priority
{
    High,
    Medium,
    Low,
}

/// <summary>
/// What the owner takes away: the result explained, strengths and gaps, recommendations ordered into a 90-day plan,
/// the structure that fits the practice, administrative work worth buying in, and when to take the assessment again.
/// </summary>
public sealed record Report(
    string RulesVersion,
    AssessmentResult Result,
    IReadOnlyList<FunctionScore> Strengths,
    IReadOnlyList<FunctionScore> Gaps,
    IReadOnlyList<Recommendation> Recommendations,
    IReadOnlyList<PlanPhase> Plan,
    DateOnly ReassessOn,
    StructureAdvice Structure,
    IReadOnlyList<OutsourcingOption> Outsourcing)
{
    public Recommendation? TopRecommendation => Recommendations.Count == 0 ? null : Recommendations[0];
}

public sealed record FunctionScore(string Subscale, string Label, decimal Score);

/// <summary>
/// One recommendation: why it matters in the owner's own numbers, three first steps, the hours a week it is expected
/// to give back, and the rule that produced it.
/// </summary>
public sealed record Recommendation(
    string Id,
    string Title,
    string Why,
    IReadOnlyList<string> FirstSteps,
    decimal HoursPerWeek,
    Priority Priority,
    string Rule);

/// <summary>A stretch of the 90-day plan and the recommendations to work on in it.</summary>
public sealed record PlanPhase(string Title, int FromDay, int ToDay, IReadOnlyList<string> RecommendationIds);

/// <summary>The organisation that fits the practice's size and sites.</summary>
public sealed record StructureAdvice(string Key, string Title, string Description);

/// <summary>Administrative work a small practice can buy in, with the hours the owner spends on it now.</summary>
public sealed record OutsourcingOption(string Key, string Title, string Description, decimal HoursPerWeek);

/// <summary>What only workspace members see: talking points for the discovery call and every answer given.</summary>
public sealed record ConsultantNotes(IReadOnlyList<string> TalkingPoints, string? Frustration, IReadOnlyList<AnsweredItem> Answers);

public sealed record AnsweredItem(string ItemId, string Section, string Prompt, string Answer);
