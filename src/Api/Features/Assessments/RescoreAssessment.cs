using System.Globalization;
using Assessment.Api.Identity;
using Assessment.Api.Paging;
using Assessment.Api.Persistence;
using Assessment.Api.Problems;
using Assessment.Domain.Assessments;
using Assessment.Domain.Questionnaires;
using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;

namespace Assessment.Api.Features.Assessments;

/// <summary>Scores a submitted assessment again with the current scoring version, keeping the earlier results.</summary>
public sealed record RescoreAssessment(Guid AssessmentId) : ICommand<Outcome<ResultDocument>>;

/// <summary>Every result an assessment has been scored to, oldest scoring version first.</summary>
public sealed record ListAssessmentResults(Guid AssessmentId, int? Limit = null, string? Cursor = null) : IQuery<Outcome<Page<ResultDocument>>>;

public sealed class RescoreAssessmentHandler(AppDbContext db, BenchmarkStore benchmarks, QuestionnaireCatalog catalog, TimeProvider clock)
    : ICommandHandler<RescoreAssessment, Outcome<ResultDocument>>,
      IQueryHandler<ListAssessmentResults, Outcome<Page<ResultDocument>>>
{
    public async ValueTask<Outcome<ResultDocument>> Handle(RescoreAssessment command, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(command);
        var assessment = await db.Assessments.SingleOrDefaultAsync(a => a.Id == command.AssessmentId, cancellationToken);
        if (assessment is null)
        {
            return Failure.NotFound($"Assessment {command.AssessmentId}");
        }
        var definition = catalog.DefinitionOf(assessment);
        switch (assessment.Rescore(definition, clock.GetUtcNow()))
        {
            case RescoreOutcome.Open:
                return AssessmentFailures.NotSubmitted(assessment.Id);
            case RescoreOutcome.Rescored rescored:
                // The benchmark counts follow the current result: the replaced one leaves, the new one enters.
                await using (var transaction = await db.Database.BeginTransactionAsync(cancellationToken))
                {
                    await db.SaveChangesAsync(cancellationToken);
                    if (rescored.Previous is { } previous)
                    {
                        await benchmarks.RemoveAsync(previous, cancellationToken);
                    }
                    await benchmarks.RecordAsync(rescored.Current, cancellationToken);
                    await transaction.CommitAsync(cancellationToken);
                }
                break;
        }
        return ResultDocument.From(assessment, assessment.Result!, await benchmarks.RankAsync(assessment.Result!, cancellationToken));
    }

    public async ValueTask<Outcome<Page<ResultDocument>>> Handle(ListAssessmentResults query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        if (Cursor.ReadText(query.Limit, query.Cursor, out var take, out var after) is { } invalid)
        {
            return invalid;
        }
        var assessment = await db.Assessments.AsNoTracking().SingleOrDefaultAsync(a => a.Id == query.AssessmentId, cancellationToken);
        if (assessment is null)
        {
            return Failure.NotFound($"Assessment {query.AssessmentId}");
        }
        if (assessment.Result is null)
        {
            return AssessmentFailures.NotSubmitted(assessment.Id);
        }
        // The results live on the assessment's row and are only ever appended, so the cursor is the place of the last one shown.
        var from = 0;
        if (after is { } a)
        {
            if (a.Id != assessment.Id || !int.TryParse(a.Key, NumberStyles.None, CultureInfo.InvariantCulture, out var shown))
            {
                return Failure.Invalid("cursor", "The cursor belongs to another list.");
            }
            from = shown + 1;
        }
        var fetched = assessment.Results.Select((result, index) => (result, index)).Skip(from).Take(take + 1).ToList();
        return Cursor.Page(fetched, take, r => ResultDocument.From(assessment, r.result, null),
            r => Cursor.Encode(r.index.ToString(CultureInfo.InvariantCulture), assessment.Id));
    }
}

public static class RescoreAssessmentEndpoints
{
    public static RouteGroupBuilder MapRescoreAssessment(this RouteGroupBuilder group)
    {
        group.MapPost("/{id:guid}/rescore", async Task<Results<Ok<ResultDocument>, ProblemHttpResult>> (Guid id, IMediator mediator, CancellationToken ct) =>
            (await mediator.Send(new RescoreAssessment(id), ct)).ToOk())
            .RequireAuthorization(Scopes.AssessmentsWrite)
            .WithName(nameof(RescoreAssessment))
            .WithSummary("Score a submitted assessment again with the current scoring version; earlier results are kept.")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);

        group.MapGet("/{id:guid}/results", async Task<Results<Ok<Page<ResultDocument>>, ProblemHttpResult>> (
                Guid id, int? limit, string? cursor, IMediator mediator, CancellationToken ct) =>
            (await mediator.Send(new ListAssessmentResults(id, limit, cursor), ct)).ToOk())
            .RequireAuthorization(Scopes.AssessmentsRead)
            .WithName(nameof(ListAssessmentResults))
            .WithSummary("List every result of an assessment, one per scoring version, oldest first; paged with limit and cursor.")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
        return group;
    }
}
