using Assessment.Api.Persistence;
using Assessment.Domain;
using Assessment.Domain.Assessments;
using Assessment.Domain.Questionnaires;
using Assessment.Domain.Benchmarks;
using Assessment.Domain.Scoring;

namespace Assessment.Api.Features.Assessments;

/// <summary>An assessment: who answers, on which questionnaire version, what is saved and what is still required.</summary>
public sealed record AssessmentDocument(
    Guid Id,
    string Status,
    QuestionnaireRef Questionnaire,
    RespondentDocument Respondent,
    AnswerSet Answers,
    IReadOnlyList<string> StillRequired,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt,
    DateTimeOffset? SubmittedAt,
    string? ConsentVersion)
{
    public static AssessmentDocument From(AssessmentResponse a, QuestionnaireDefinition definition)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(definition);
        return new(
            a.Id,
            StatusNames.ToName(a.Status),
            new QuestionnaireRef(a.QuestionnaireKey, a.QuestionnaireVersion),
            new RespondentDocument(a.Respondent.Email, a.Respondent.Name, a.Respondent.PracticeName),
            a.Answers,
            a.Status == AssessmentStatus.Submitted ? [] : definition.MissingRequired(a.Answers),
            a.CreatedAt,
            a.UpdatedAt,
            a.SubmittedAt,
            a.ConsentVersion);
    }
}

public sealed record RespondentDocument(string? Email = null, string? Name = null, string? PracticeName = null);

/// <summary>
/// A scored result. <c>leadershipShare</c> is leadership hours ÷ (leadership + management hours) in the actual week,
/// from 0 to 1; null (with <c>actualWeek.leadershipShareReason</c>) when no such hours were given. Subscales and
/// <c>ownerDependency</c> run from 0 to 100. <c>profile.rule</c> and <c>profile.figures</c> say why the profile was
/// chosen. <c>benchmark</c> compares the leadership share with submitted assessments of similar practices across the
/// service (only cohorts of 30 or more are shown).
/// </summary>
public sealed record ResultDocument(
    Guid AssessmentId,
    DateTimeOffset SubmittedAt,
    QuestionnaireRef Questionnaire,
    string ScoringVersion,
    decimal? LeadershipShare,
    PracticeFacts Practice,
    WeekSplit ActualWeek,
    WeekSplit IdealWeek,
    WeekGap Gap,
    IReadOnlyList<SubscaleScore> Subscales,
    decimal? OwnerDependency,
    decimal HoursReclaimable,
    ProfileResult Profile,
    BenchmarkResult? Benchmark)
{
    public static ResultDocument From(AssessmentResponse a, AssessmentResult r, BenchmarkResult? benchmark)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(r);
        return new(a.Id, a.SubmittedAt!.Value, r.Questionnaire, r.ScoringVersion, r.LeadershipShare, r.Practice, r.ActualWeek,
            r.IdealWeek, r.Gap, r.Subscales, r.OwnerDependency, r.HoursReclaimable, r.Profile, benchmark);
    }
}
