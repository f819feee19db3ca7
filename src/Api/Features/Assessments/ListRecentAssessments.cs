using Assessment.Api.Persistence;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Assessment.Api.Features.Assessments;

/// <summary>The newest assessments of the current workspace, for the members' overview.</summary>
public sealed record ListRecentAssessments(int Limit) : IQuery<IReadOnlyList<AssessmentRow>>;

public sealed record AssessmentRow(Guid Id, string Status, string? RespondentName, string? PracticeName, string? Email,
    DateTimeOffset CreatedAt, DateTimeOffset? SubmittedAt, decimal? LeadershipShare);

public sealed class ListRecentAssessmentsHandler(AppDbContext db) : IQueryHandler<ListRecentAssessments, IReadOnlyList<AssessmentRow>>
{
    public async ValueTask<IReadOnlyList<AssessmentRow>> Handle(ListRecentAssessments query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        var rows = await db.Assessments.AsNoTracking()
            .OrderByDescending(a => a.CreatedAt).ThenByDescending(a => a.Id)
            .Take(Math.Clamp(query.Limit, 1, 100))
            .ToListAsync(cancellationToken);
        return [.. rows.Select(a => new AssessmentRow(a.Id, StatusNames.ToName(a.Status), a.Respondent.Name, a.Respondent.PracticeName,
            a.Respondent.Email, a.CreatedAt, a.SubmittedAt, a.Result?.LeadershipShare))];
    }
}
