using Assessment.Api.Identity;
using Assessment.Api.Problems;
using Assessment.Domain.Questionnaires;
using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace Assessment.Api.Features.Questionnaires;

public sealed record ListQuestionnaires : IQuery<IReadOnlyList<QuestionnaireSummary>>;

public sealed record GetQuestionnaire(string Key, int? Version) : IQuery<Outcome<QuestionnaireDocument>>;

public sealed class QuestionnaireQueries(QuestionnaireCatalog catalog)
    : IQueryHandler<ListQuestionnaires, IReadOnlyList<QuestionnaireSummary>>,
      IQueryHandler<GetQuestionnaire, Outcome<QuestionnaireDocument>>
{
    public ValueTask<IReadOnlyList<QuestionnaireSummary>> Handle(ListQuestionnaires query, CancellationToken cancellationToken) =>
        ValueTask.FromResult<IReadOnlyList<QuestionnaireSummary>>(
            [.. catalog.Latest().Select(d => new QuestionnaireSummary(d.Key, d.Version, d.Title, d.Description, d.EstimatedMinutes, catalog.Versions(d.Key)))]);

    public ValueTask<Outcome<QuestionnaireDocument>> Handle(GetQuestionnaire query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        var definition = query.Version is { } v ? catalog.Find(query.Key, v) : catalog.Latest(query.Key);
        Outcome<QuestionnaireDocument> outcome = definition is null
            ? Failure.NotFound(query.Version is { } n ? $"Version {n} of questionnaire '{query.Key}'" : $"Questionnaire '{query.Key}'")
            : QuestionnaireDocument.From(definition);
        return ValueTask.FromResult(outcome);
    }
}

public static class QuestionnaireEndpoints
{
    public static IEndpointRouteBuilder MapQuestionnaires(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/questionnaires").WithTags("Questionnaires").RequireAuthorization(Scopes.AssessmentsRead);

        group.MapGet("/", async (IMediator mediator, CancellationToken ct) => TypedResults.Ok(await mediator.Send(new ListQuestionnaires(), ct)))
            .WithName(nameof(ListQuestionnaires))
            .WithSummary("List the published questionnaires (latest version of each).");

        group.MapGet("/{key}", async Task<Results<Ok<QuestionnaireDocument>, ProblemHttpResult>> (string key, IMediator mediator, CancellationToken ct) =>
                (await mediator.Send(new GetQuestionnaire(key, null), ct)).ToOk())
            .WithName(nameof(GetQuestionnaire))
            .WithSummary("Get the latest published version of a questionnaire.")
            .ProducesProblem(StatusCodes.Status404NotFound);

        group.MapGet("/{key}/versions/{version:int}", async Task<Results<Ok<QuestionnaireDocument>, ProblemHttpResult>> (string key, int version, IMediator mediator, CancellationToken ct) =>
                (await mediator.Send(new GetQuestionnaire(key, version), ct)).ToOk())
            .WithName("GetQuestionnaireVersion")
            .WithSummary("Get one published version of a questionnaire.")
            .ProducesProblem(StatusCodes.Status404NotFound);

        return app;
    }
}
