using Assessment.Api.Identity;
using Assessment.Api.Paging;
using Assessment.Api.Problems;
using Assessment.Domain.Questionnaires;
using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace Assessment.Api.Features.Questionnaires;

public sealed record ListQuestionnaires(int? Limit = null, string? Cursor = null) : IQuery<Outcome<Page<QuestionnaireSummary>>>;

public sealed record GetQuestionnaire(string Key, int? Version) : IQuery<Outcome<QuestionnaireDocument>>;

public sealed class QuestionnaireQueries(QuestionnaireCatalog catalog)
    : IQueryHandler<ListQuestionnaires, Outcome<Page<QuestionnaireSummary>>>,
      IQueryHandler<GetQuestionnaire, Outcome<QuestionnaireDocument>>
{
    public ValueTask<Outcome<Page<QuestionnaireSummary>>> Handle(ListQuestionnaires query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        if (Cursor.ReadText(query.Limit, query.Cursor, out var take, out var after) is { } invalid)
        {
            return ValueTask.FromResult<Outcome<Page<QuestionnaireSummary>>>(invalid);
        }
        // The catalog is in memory; the page is still taken after the key of the cursor, never by position.
        var fetched = catalog.Latest()
            .Where(d => after is not { } a || string.CompareOrdinal(d.Key, a.Key) > 0)
            .OrderBy(d => d.Key, StringComparer.Ordinal)
            .Take(take + 1)
            .ToList();
        Outcome<Page<QuestionnaireSummary>> page = Cursor.Page(fetched, take,
            d => new QuestionnaireSummary(d.Key, d.Version, d.Title, d.Description, d.EstimatedMinutes, catalog.Versions(d.Key)),
            d => Cursor.Encode(d.Key, Guid.Empty));
        return ValueTask.FromResult(page);
    }

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

        group.MapGet("/", async Task<Results<Ok<Page<QuestionnaireSummary>>, ProblemHttpResult>> (int? limit, string? cursor, IMediator mediator, CancellationToken ct) =>
                (await mediator.Send(new ListQuestionnaires(limit, cursor), ct)).ToOk())
            .WithName(nameof(ListQuestionnaires))
            .WithSummary("List the published questionnaires (latest version of each), by key; paged with limit and cursor.")
            .ProducesValidationProblem();

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
