using Assessment.Api.Identity;
using Assessment.Api.Persistence;
using Assessment.Api.Problems;
using Assessment.Domain.Questionnaires;
using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;

namespace Assessment.Api.Features.Assessments;

public sealed record GetAssessment(Guid AssessmentId) : IQuery<Outcome<AssessmentDocument>>;

public sealed record GetAssessmentResult(Guid AssessmentId) : IQuery<Outcome<ResultDocument>>;

public sealed class AssessmentQueries(AppDbContext db, BenchmarkStore benchmarks, QuestionnaireCatalog catalog)
    : IQueryHandler<GetAssessment, Outcome<AssessmentDocument>>,
      IQueryHandler<GetAssessmentResult, Outcome<ResultDocument>>
{
    public async ValueTask<Outcome<AssessmentDocument>> Handle(GetAssessment query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        var assessment = await db.Assessments.AsNoTracking().SingleOrDefaultAsync(a => a.Id == query.AssessmentId, cancellationToken);
        if (assessment is null)
        {
            return Failure.NotFound($"Assessment {query.AssessmentId}");
        }
        var definition = catalog.DefinitionOf(assessment);
        return AssessmentDocument.From(assessment, definition);
    }

    public async ValueTask<Outcome<ResultDocument>> Handle(GetAssessmentResult query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        var assessment = await db.Assessments.AsNoTracking().SingleOrDefaultAsync(a => a.Id == query.AssessmentId, cancellationToken);
        if (assessment is null)
        {
            return Failure.NotFound($"Assessment {query.AssessmentId}");
        }
        if (assessment.Result is null)
        {
            return AssessmentFailures.NotSubmitted(assessment.Id);
        }
        return ResultDocument.From(assessment, assessment.Result, await benchmarks.RankAsync(assessment.Result, cancellationToken));
    }
}

public static class GetAssessmentEndpoints
{
    public static RouteGroupBuilder MapGetAssessment(this RouteGroupBuilder group)
    {
        group.MapGet("/{id:guid}", async Task<Results<Ok<AssessmentDocument>, ProblemHttpResult>> (Guid id, IMediator mediator, CancellationToken ct) =>
            (await mediator.Send(new GetAssessment(id), ct)).ToOk())
            .RequireAuthorization(Scopes.AssessmentsRead)
            .WithName(nameof(GetAssessment))
            .WithSummary("Get an assessment with its saved answers.")
            .ProducesProblem(StatusCodes.Status404NotFound);

        group.MapGet("/{id:guid}/result", async Task<Results<Ok<ResultDocument>, ProblemHttpResult>> (Guid id, IMediator mediator, CancellationToken ct) =>
            (await mediator.Send(new GetAssessmentResult(id), ct)).ToOk())
            .RequireAuthorization(Scopes.AssessmentsRead)
            .WithName(nameof(GetAssessmentResult))
            .WithSummary("Get the scored result of a submitted assessment.")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
        return group;
    }
}

public static class AssessmentEndpoints
{
    public static IEndpointRouteBuilder MapAssessments(this IEndpointRouteBuilder app)
    {
        app.MapGroup("/api/v1/assessments")
            .WithTags("Assessments")
            .MapStartAssessment()
            .MapSaveAnswers()
            .MapSubmitAssessment()
            .MapGetAssessment()
            .MapRescoreAssessment()
            .MapGetReport();
        return app;
    }
}
