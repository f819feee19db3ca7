using System.Text.Json;
using Assessment.Api.Identity;
using Assessment.Api.Persistence;
using Assessment.Api.Problems;
using Assessment.Domain;
using Assessment.Domain.Assessments;
using Assessment.Domain.Questionnaires;
using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;

namespace Assessment.Api.Features.Assessments;

/// <summary>
/// Answers to merge into those saved, by item id. A missing key leaves that item as it was; <c>null</c> means
/// "not applicable" (only where the item allows it).
/// </summary>
public sealed record SaveAnswersRequest(Dictionary<string, JsonElement>? Answers);

/// <summary>Merge answers; <c>Clear</c> lists items whose saved answers are removed (the browser's way to un-answer an item).</summary>
public sealed record SaveAnswers(Guid AssessmentId, IReadOnlyDictionary<string, JsonElement>? Answers, IReadOnlyList<string>? Clear = null)
    : ICommand<Outcome<AssessmentDocument>>;

public sealed class SaveAnswersHandler(AppDbContext db, QuestionnaireCatalog catalog, TimeProvider clock)
    : ICommandHandler<SaveAnswers, Outcome<AssessmentDocument>>
{
    public async ValueTask<Outcome<AssessmentDocument>> Handle(SaveAnswers command, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(command);
        if (command.Answers is null)
        {
            return Failure.Invalid("answers", "An object of answers by item id is required.");
        }
        var assessment = await db.Assessments.SingleOrDefaultAsync(a => a.Id == command.AssessmentId, cancellationToken);
        if (assessment is null)
        {
            return Failure.NotFound($"Assessment {command.AssessmentId}");
        }
        var definition = catalog.DefinitionOf(assessment);

        var errors = new Dictionary<string, List<string>>();
        var changes = new List<KeyValuePair<string, AnswerValue>>();
        foreach (var (itemId, json) in command.Answers)
        {
            if (AnswerJson.TryRead(json, out var value, out var error))
            {
                changes.Add(new(itemId, value));
            }
            else
            {
                Add(errors, itemId, error);
            }
        }
        var answers = AnswerSet.From(changes);
        foreach (var problem in definition.Check(answers))
        {
            Add(errors, problem.ItemId, problem.Message);
        }
        if (errors.Count > 0)
        {
            return Failure.Invalid($"{errors.Count} answer(s) were refused; nothing was saved.",
                errors.ToDictionary(e => "answers." + e.Key, e => e.Value.ToArray()));
        }
        var outcome = assessment.SaveAnswers(definition, answers, command.Clear ?? [], clock.GetUtcNow());
        switch (outcome)
        {
            case SaveOutcome.Closed:
                return AssessmentFailures.AlreadySubmitted(assessment.Id);
            case SaveOutcome.Refused refused:
                throw new InvalidOperationException($"Answers passed the check but were refused: {refused.Problems[0].Message}");
        }
        await db.SaveChangesAsync(cancellationToken);
        return AssessmentDocument.From(assessment, definition);
    }

    private static void Add(Dictionary<string, List<string>> errors, string itemId, string message)
    {
        if (!errors.TryGetValue(itemId, out var list))
        {
            errors[itemId] = list = [];
        }
        list.Add(message);
    }
}

internal static class AssessmentFailures
{
    public static Failure NotSubmitted(Guid id) => new(StatusCodes.Status409Conflict, ProblemTypes.Incomplete,
        "The assessment is not submitted yet", $"Assessment {id} has no result until it is submitted.");

    public static Failure AlreadySubmitted(Guid id) => new(StatusCodes.Status409Conflict, ProblemTypes.AlreadySubmitted,
        "The assessment is already submitted", $"Assessment {id} was submitted and can no longer change.");
}

public static class SaveAnswersEndpoint
{
    public static RouteGroupBuilder MapSaveAnswers(this RouteGroupBuilder group)
    {
        group.MapPut("/{id:guid}/answers", async Task<Results<Ok<AssessmentDocument>, ProblemHttpResult>> (Guid id, SaveAnswersRequest request, IMediator mediator, CancellationToken ct) =>
            (await mediator.Send(new SaveAnswers(id, request.Answers), ct)).ToOk())
            .RequireAuthorization(Scopes.AssessmentsWrite)
            .WithName(nameof(SaveAnswers))
            .WithSummary("Merge answers into an assessment; returns it with the items still required.")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
        return group;
    }
}
