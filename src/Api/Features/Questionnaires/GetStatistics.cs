using Assessment.Api.Identity;
using Assessment.Api.Persistence;
using Assessment.Api.Problems;
using Assessment.Domain;
using Assessment.Domain.Assessments;
using Assessment.Domain.Questionnaires;
using Assessment.Domain.Statistics;
using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;

namespace Assessment.Api.Features.Questionnaires;

/// <summary>
/// Reliability of each subscale over the workspace's submitted responses to one questionnaire version.
/// Per subscale: the unconditional items, the number of responses that answered all of them (N/A excluded),
/// Cronbach's α and each item's corrected item-total correlation (null while undefined, e.g. fewer than 2 responses).
/// </summary>
public sealed record QuestionnaireStatistics(QuestionnaireRef Questionnaire, int SubmittedResponses, IReadOnlyList<SubscaleReliability> Subscales);

public sealed record GetQuestionnaireStatistics(string Key, int Version) : IQuery<Outcome<QuestionnaireStatistics>>;

public sealed class GetQuestionnaireStatisticsHandler(AppDbContext db, QuestionnaireCatalog catalog)
    : IQueryHandler<GetQuestionnaireStatistics, Outcome<QuestionnaireStatistics>>
{
    public async ValueTask<Outcome<QuestionnaireStatistics>> Handle(GetQuestionnaireStatistics query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        if (catalog.Find(query.Key, query.Version) is not { } definition)
        {
            return Failure.NotFound($"Version {query.Version} of questionnaire '{query.Key}'");
        }
        var scales = definition.Subscales
            .Select(s => (s.Name, Items: s.ItemIndexes.Select(i => (LikertItem)definition.Items[i]).Where(i => i.VisibleIf is null).ToArray()))
            .ToList();
        var accumulators = scales.Select(s => new ReliabilityAccumulator(s.Name, [.. s.Items.Select(i => i.Id)])).ToList();

        var responses = 0;
        var stream = db.Assessments.AsNoTracking()
            .Where(a => a.QuestionnaireKey == query.Key && a.QuestionnaireVersion == query.Version && a.Status == AssessmentStatus.Submitted)
            .Select(a => a.Answers)
            .AsAsyncEnumerable();
        await foreach (var answers in stream.WithCancellation(cancellationToken))
        {
            responses++;
            for (var s = 0; s < scales.Count; s++)
            {
                if (Keyed(scales[s].Items, answers) is { } values)
                {
                    accumulators[s].Add(values);
                }
            }
        }
        return new QuestionnaireStatistics(definition.Ref, responses, [.. accumulators.Select(a => a.Result())]);
    }

    /// <summary>The item answers on their scale with reverse keys applied, or null unless every item has a number.</summary>
    private static double[]? Keyed(LikertItem[] items, AnswerSet answers)
    {
        var values = new double[items.Length];
        for (var i = 0; i < items.Length; i++)
        {
            if (answers[items[i].Id] is not NumberAnswer n)
            {
                return null;
            }
            var v = (double)n.Value;
            values[i] = items[i].ReverseKeyed ? items[i].Min + items[i].Max - v : v;
        }
        return values;
    }
}

public static class GetQuestionnaireStatisticsEndpoint
{
    public static IEndpointRouteBuilder MapQuestionnaireStatistics(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/v1/questionnaires/{key}/versions/{version:int}/statistics",
                async Task<Results<Ok<QuestionnaireStatistics>, ProblemHttpResult>> (string key, int version, IMediator mediator, CancellationToken ct) =>
                (await mediator.Send(new GetQuestionnaireStatistics(key, version), ct)).ToOk())
            .WithTags("Questionnaires")
            .RequireAuthorization(AccessPolicies.Member)
            .WithName(nameof(GetQuestionnaireStatistics))
            .WithSummary("Reliability of each subscale (Cronbach's α, item-total correlations) over this workspace's submitted responses. Workspace members only.")
            .ProducesProblem(StatusCodes.Status404NotFound);
        return app;
    }
}
