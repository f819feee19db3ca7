using Assessment.Domain.Questionnaires;

namespace Assessment.Domain.Scoring;

/// <summary>What scoring one response produced, and with which versions.</summary>
public sealed record AssessmentResult(
    QuestionnaireRef Questionnaire,
    string ScoringVersion,
    PracticeFacts Practice,
    WeekSplit ActualWeek,
    WeekSplit IdealWeek,
    WeekGap Gap,
    IReadOnlyList<SubscaleScore> Subscales,
    decimal? OwnerDependency,
    decimal HoursReclaimable,
    ProfileResult Profile)
{
    /// <summary>Leadership hours ÷ (leadership + management hours) in the actual week; null when both are zero.</summary>
    public decimal? LeadershipShare => ActualWeek.LeadershipShare;
}

/// <summary>The practice as the owner described it; it places the result in a benchmark cohort.</summary>
public sealed record PracticeFacts(string? PracticeType, int? TeamSize);

/// <summary>How the hours of one week split over the four categories.</summary>
public sealed record WeekSplit(
    decimal TotalHours,
    IReadOnlyList<CategoryHours> Categories,
    decimal? LeadershipShare,
    string? LeadershipShareReason);

public sealed record CategoryHours(TimeCategory Category, decimal Hours, decimal? Percent);

/// <summary>Ideal minus actual: where the owner wants their hours to move.</summary>
public sealed record WeekGap(decimal? LeadershipShare, IReadOnlyList<CategoryHours> Hours);

/// <summary>A 0–100 score for one subscale, or null with the reason it could not be computed.</summary>
public sealed record SubscaleScore(string Subscale, decimal? Score, int Answered, int Items, string? Reason);
