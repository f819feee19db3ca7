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
    private List<AssessmentResult> _results = [];

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

    /// <summary>Every result the response was scored to, oldest scoring version first; re-scoring keeps the earlier ones.</summary>
    public IReadOnlyList<AssessmentResult> Results => _results;

    /// <summary>The result of the newest scoring version, once submitted.</summary>
    public AssessmentResult? Result => _results.Count == 0 ? null : _results[^1];

    /// <summary>The current result's leadership share, kept beside it for lists and filters.</summary>
    public decimal? LeadershipShare { get; private set; }

    /// <summary>The current result's leadership share in basis points (0–10000), for indexed filters and sorting.</summary>
    public int? LeadershipShareBasisPoints { get; private set; }

    /// <summary>The current result's profile key, kept beside it for lists and filters.</summary>
    public string? ProfileKey { get; private set; }

    /// <summary>The practice type the owner gave, kept beside the result for lists and filters.</summary>
    public string? PracticeType { get; private set; }

    /// <summary>The owner's e-mail, trimmed and lower-cased: their assessments over time are found by it.</summary>
    public string? OwnerEmailKey { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public DateTimeOffset UpdatedAt { get; private set; }

    public DateTimeOffset? SubmittedAt { get; private set; }

    /// <summary>The version of the data-use wording the owner agreed to when starting; null when started through the API without it.</summary>
    public string? ConsentVersion { get; private set; }

    public DateTimeOffset? ConsentedAt { get; private set; }

    /// <summary>When the owner agreed to receive their report by e-mail; null when they did not.</summary>
    public DateTimeOffset? ReportEmailConsentAt { get; private set; }

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
            OwnerEmailKey = EmailKey(respondent.Email),
            CreatedAt = now,
            UpdatedAt = now,
        };
    }

    /// <summary>Records that the owner agreed to the data-use wording of the given version.</summary>
    public void RecordConsent(string version, DateTimeOffset now)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(version);
        ConsentVersion = version;
        ConsentedAt = now;
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
        Keep(Scorer.Score(definition, Answers));
        Status = AssessmentStatus.Submitted;
        SubmittedAt = now;
        UpdatedAt = now;
        return new SubmitOutcome.Submitted(Result!);
    }

    /// <summary>Records the owner's agreement to receive the report by e-mail; it needs an address.</summary>
    public bool ConsentToReportEmail(DateTimeOffset now)
    {
        if (string.IsNullOrWhiteSpace(Respondent.Email))
        {
            return false;
        }
        ReportEmailConsentAt ??= now;
        return true;
    }

    /// <summary>
    /// Scores the saved answers again with the current scoring version. The earlier results stay; a response
    /// already scored with the current version is left as it is.
    /// </summary>
    public RescoreOutcome Rescore(QuestionnaireDefinition definition, DateTimeOffset now)
    {
        EnsurePinnedTo(definition);
        if (Status != AssessmentStatus.Submitted)
        {
            return RescoreOutcome.NotSubmitted;
        }
        if (_results.Any(r => r.ScoringVersion == Scorer.Version))
        {
            return new RescoreOutcome.Unchanged(Result!);
        }
        var previous = Result;
        Keep(Scorer.Score(definition, Answers));
        UpdatedAt = now;
        return new RescoreOutcome.Rescored(previous, Result!);
    }

    private void Keep(AssessmentResult result)
    {
        _results = [.. _results, result];
        LeadershipShare = result.LeadershipShare;
        LeadershipShareBasisPoints = result.LeadershipShare is { } share ? (int)Math.Round(share * 10000m, MidpointRounding.AwayFromZero) : null;
        ProfileKey = result.Profile.Key;
        PracticeType = result.Practice.PracticeType;
    }

    /// <summary>An e-mail address as a lookup key: trimmed and lower-cased, null when empty.</summary>
    public static string? EmailKey(string? email) =>
        string.IsNullOrWhiteSpace(email) ? null : email.Trim().ToLowerInvariant();

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

public abstract record RescoreOutcome
{
    public static RescoreOutcome NotSubmitted { get; } = new Open();

    public sealed record Rescored(AssessmentResult? Previous, AssessmentResult Current) : RescoreOutcome;

    public sealed record Unchanged(AssessmentResult Current) : RescoreOutcome;

    public sealed record Open : RescoreOutcome;
}

public abstract record SubmitOutcome
{
    public static SubmitOutcome AlreadySubmitted { get; } = new Closed();

    public sealed record Submitted(AssessmentResult Result) : SubmitOutcome;

    public sealed record Incomplete(IReadOnlyList<string> MissingItems) : SubmitOutcome;

    public sealed record Closed : SubmitOutcome;
}
