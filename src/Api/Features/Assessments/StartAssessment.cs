using System.ComponentModel.DataAnnotations;
using Assessment.Api.Billing;
using Assessment.Api.Identity;
using Assessment.Api.Persistence;
using Assessment.Api.Problems;
using Assessment.Domain.Assessments;
using Assessment.Domain.Privacy;
using Assessment.Domain.Questionnaires;
using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace Assessment.Api.Features.Assessments;

/// <summary>Start an assessment on the latest version of a questionnaire.</summary>
/// <summary>
/// Start an assessment on the latest version of a questionnaire. <c>consentVersion</c>: the version of the data-use
/// wording the owner agreed to, when the caller showed it (the browser always does).
/// </summary>
public sealed record StartAssessmentRequest(string? QuestionnaireKey, RespondentDocument? Respondent = null, string? ConsentVersion = null);

public sealed record StartAssessment(string? QuestionnaireKey, RespondentDocument? Respondent, string? ConsentVersion = null) : ICommand<Outcome<AssessmentDocument>>;

public sealed class StartAssessmentHandler(Webhooks.WebhookPublisher webhooks, AppDbContext db, WorkspaceScope workspace, QuestionnaireCatalog catalog, WorkspacePlans plans, TimeProvider clock)
    : ICommandHandler<StartAssessment, Outcome<AssessmentDocument>>
{
    private static readonly EmailAddressAttribute EmailFormat = new();

    public async ValueTask<Outcome<AssessmentDocument>> Handle(StartAssessment command, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(command);
        var errors = new Dictionary<string, string[]>();
        var definition = string.IsNullOrWhiteSpace(command.QuestionnaireKey) ? null : catalog.Latest(command.QuestionnaireKey);
        if (definition is null)
        {
            errors["questionnaireKey"] = [string.IsNullOrWhiteSpace(command.QuestionnaireKey)
                ? "A questionnaire key is required."
                : $"There is no questionnaire '{command.QuestionnaireKey}'."];
        }
        var respondent = command.Respondent ?? new RespondentDocument(null, null, null);
        var email = Clean(respondent.Email);
        if (email is not null && (email.Length > 320 || !EmailFormat.IsValid(email)))
        {
            errors["respondent.email"] = [$"'{email}' is not an e-mail address."];
        }
        if (Clean(respondent.Name) is { Length: > 200 })
        {
            errors["respondent.name"] = ["At most 200 characters."];
        }
        if (Clean(respondent.PracticeName) is { Length: > 200 })
        {
            errors["respondent.practiceName"] = ["At most 200 characters."];
        }
        if (command.ConsentVersion is { } consent && consent != DataUseNotice.Version)
        {
            errors["consentVersion"] = [$"The current data-use wording is version {DataUseNotice.Version}, not '{consent}'."];
        }
        if (errors.Count > 0)
        {
            return Failure.Invalid("The assessment could not be started.", errors);
        }
        var current = await plans.CurrentAsync(cancellationToken);
        var quota = current.Plan.Entitlements.AssessmentsPerMonth;
        // With a monthly quota, the start taken from it and the assessment are saved together or not at all.
        await using var transaction = quota is null ? null : await db.Database.BeginTransactionAsync(cancellationToken);
        if (quota is { } limit && !await plans.TryTakeAssessmentAsync(limit, cancellationToken))
        {
            return BillingFailures.QuotaExceeded(current.Plan, limit);
        }

        var assessment = AssessmentResponse.Start(workspace.Id, definition!,
            new Respondent(email, Clean(respondent.Name), Clean(respondent.PracticeName)), clock.GetUtcNow());
        if (command.ConsentVersion is not null)
        {
            assessment.RecordConsent(command.ConsentVersion, clock.GetUtcNow());
        }
        db.Assessments.Add(assessment);
        await webhooks.PublishAsync(assessment.WorkspaceId, Webhooks.WebhookEventTypes.AssessmentStarted,
            new { assessmentId = assessment.Id, questionnaire = new { key = assessment.QuestionnaireKey, version = assessment.QuestionnaireVersion }, assessment.CreatedAt }, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        if (transaction is not null)
        {
            await transaction.CommitAsync(cancellationToken);
        }
        return AssessmentDocument.From(assessment, definition!);
    }

    private static string? Clean(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}

public static class StartAssessmentEndpoint
{
    public static RouteGroupBuilder MapStartAssessment(this RouteGroupBuilder group)
    {
        group.MapPost("/", async Task<Results<Created<AssessmentDocument>, ProblemHttpResult>> (StartAssessmentRequest request, IMediator mediator, CancellationToken ct) =>
            {
                var outcome = await mediator.Send(new StartAssessment(request.QuestionnaireKey, request.Respondent, request.ConsentVersion), ct);
                return outcome.Failure is { } failure
                    ? failure.ToProblem()
                    : TypedResults.Created($"/api/v1/assessments/{outcome.Value!.Id}", outcome.Value);
            })
            .RequireAuthorization(Scopes.AssessmentsWrite)
            .WithName(nameof(StartAssessment))
            .WithSummary("Start an assessment on the latest version of a questionnaire.")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status403Forbidden);
        return group;
    }
}
