using Assessment.Api.Identity;
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

public sealed record SubmitAssessment(Guid AssessmentId) : ICommand<Outcome<ResultDocument>>;

public sealed class SubmitAssessmentHandler(AppDbContext db, BenchmarkStore benchmarks, QuestionnaireCatalog catalog, TimeProvider clock)
    : ICommandHandler<SubmitAssessment, Outcome<ResultDocument>>
{
    public async ValueTask<Outcome<ResultDocument>> Handle(SubmitAssessment command, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(command);
        var assessment = await db.Assessments.SingleOrDefaultAsync(a => a.Id == command.AssessmentId, cancellationToken);
        if (assessment is null)
        {
            return Failure.NotFound($"Assessment {command.AssessmentId}");
        }
        var definition = catalog.DefinitionOf(assessment);
        switch (assessment.Submit(definition, clock.GetUtcNow()))
        {
            case SubmitOutcome.Closed:
                return AssessmentFailures.AlreadySubmitted(assessment.Id);
            case SubmitOutcome.Incomplete incomplete:
                return Failure.Invalid($"{incomplete.MissingItems.Count} required item(s) are not answered yet.",
                    incomplete.MissingItems.ToDictionary(id => "answers." + id, _ => new[] { "This item is required." }));
        }
        // The result and its anonymous benchmark count are stored together or not at all.
        await using (var transaction = await db.Database.BeginTransactionAsync(cancellationToken))
        {
            await db.SaveChangesAsync(cancellationToken);
            await benchmarks.RecordAsync(assessment.Result!, cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }
        return ResultDocument.From(assessment, assessment.Result!, await benchmarks.RankAsync(assessment.Result!, cancellationToken));
    }
}

public static class SubmitAssessmentEndpoint
{
    public static RouteGroupBuilder MapSubmitAssessment(this RouteGroupBuilder group)
    {
        group.MapPost("/{id:guid}/submit", async Task<Results<Ok<ResultDocument>, ProblemHttpResult>> (Guid id, IMediator mediator, CancellationToken ct) =>
            (await mediator.Send(new SubmitAssessment(id), ct)).ToOk())
            .RequireAuthorization(Scopes.AssessmentsWrite)
            .WithName(nameof(SubmitAssessment))
            .WithSummary("Submit an assessment: score it and close it to further answers.")
            .WithDescription("400 lists every required item still missing, by id, under errors.")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
        return group;
    }
}
