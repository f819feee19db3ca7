using Assessment.Domain.Questionnaires;
using Assessment.Domain.Scoring;
using Assessment.Domain.Workspaces;

namespace Assessment.Domain.Assessments;

public enum AssessmentStatus
{
    InProgress,
    Submitted,
}

/// <summary>Who is answering. Every field is optional: an owner may start anonymously.</summary>
public sealed record Respondent(string? Email, string? Name, string? PracticeName);

/// <summary>
/// One practice owner's response to one questionnaire version, from the first answer to the scored result.
/// </summary>
public sealed class AssessmentResponse : IWorkspaceOwned
{
    private AssessmentResponse()
    {
        QuestionnaireKey = null!;
        Respondent = null!;
        Answers = AnswerSet.Empty;
    }

    public Guid Id { get; private set; }

    public Guid WorkspaceId { get; private set; }

    public string QuestionnaireKey { get; private set; }

    /// <summary>The version the response is pinned to; it never changes after the start.</summary>
    public int QuestionnaireVersion { get; private set; }

    public AssessmentStatus Status { get; private set; }

    public Respondent Respondent { get; private set; }

    public AnswerSet Answers { get; private set; }

    public AssessmentResult? Result { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public DateTimeOffset UpdatedAt { get; private set; }

    public DateTimeOffset? SubmittedAt { get; private set; }

    public static AssessmentResponse Start(Guid workspaceId, QuestionnaireDefinition definition, Respondent respondent, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(definition);
        return new AssessmentResponse
        {
            Id = Guid.CreateVersion7(now),
            WorkspaceId = workspaceId,
            QuestionnaireKey = definition.Key,
            QuestionnaireVersion = definition.Version,
            Status = AssessmentStatus.InProgress,
            Respondent = respondent,
            CreatedAt = now,
            UpdatedAt = now,
        };
    }

    public bool IsPinnedTo(QuestionnaireDefinition definition) =>
        definition is not null && definition.Key == QuestionnaireKey && definition.Version == QuestionnaireVersion;

    /// <summary>
    /// Merges answers into those already saved. All or nothing: when any answer is refused, nothing changes.
    /// Answers to items hidden by the merged answers are dropped.
    /// </summary>
    public SaveOutcome SaveAnswers(QuestionnaireDefinition definition, AnswerSet changes, DateTimeOffset now) =>
        SaveAnswers(definition, changes, [], now);

    /// <summary>As <see cref="SaveAnswers(QuestionnaireDefinition, AnswerSet, DateTimeOffset)"/>, also clearing the answers to the listed items.</summary>
    public SaveOutcome SaveAnswers(QuestionnaireDefinition definition, AnswerSet changes, IReadOnlyCollection<string> clear, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(clear);
        EnsurePinnedTo(definition);
        if (Status == AssessmentStatus.Submitted)
        {
            return SaveOutcome.AlreadySubmitted;
        }
        var problems = definition.Check(changes);
        if (problems.Count > 0)
        {
            return new SaveOutcome.Refused(problems);
        }
        Answers = definition.VisibleAnswers(Answers.Without(clear).Merge(changes));
        UpdatedAt = now;
        return new SaveOutcome.Saved(definition.MissingRequired(Answers));
    }

    /// <summary>Scores the response and closes it to further answers.</summary>
    public SubmitOutcome Submit(QuestionnaireDefinition definition, DateTimeOffset now)
    {
        EnsurePinnedTo(definition);
        if (Status == AssessmentStatus.Submitted)
        {
            return SubmitOutcome.AlreadySubmitted;
        }
        var missing = definition.MissingRequired(Answers);
        if (missing.Count > 0)
        {
            return new SubmitOutcome.Incomplete(missing);
        }
        Result = Scorer.Score(definition, Answers);
        Status = AssessmentStatus.Submitted;
        SubmittedAt = now;
        UpdatedAt = now;
        return new SubmitOutcome.Submitted(Result);
    }

    private void EnsurePinnedTo(QuestionnaireDefinition definition)
    {
        if (!IsPinnedTo(definition))
        {
            throw new InvalidOperationException($"Assessment {Id} is pinned to {QuestionnaireKey} v{QuestionnaireVersion}, not {definition?.Key} v{definition?.Version}.");
        }
    }
}

public abstract record SaveOutcome
{
    public static SaveOutcome AlreadySubmitted { get; } = new Closed();

    public sealed record Saved(IReadOnlyList<string> StillRequired) : SaveOutcome;

    public sealed record Refused(IReadOnlyList<AnswerProblem> Problems) : SaveOutcome;

    public sealed record Closed : SaveOutcome;
}

public abstract record SubmitOutcome
{
    public static SubmitOutcome AlreadySubmitted { get; } = new Closed();

    public sealed record Submitted(AssessmentResult Result) : SubmitOutcome;

    public sealed record Incomplete(IReadOnlyList<string> MissingItems) : SubmitOutcome;

    public sealed record Closed : SubmitOutcome;
}
