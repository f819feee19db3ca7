using Assessment.Api.Identity;
using Assessment.Api.Persistence;
using Assessment.Api.Outbox;
using Assessment.Api.Problems;
using Assessment.Api.Reports;
using Assessment.Api.Features.Sharing;
using Assessment.Domain.Reports;
using Assessment.Domain.Assessments;
using Assessment.Domain.Questionnaires;
using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;

namespace Assessment.Api.Features.Assessments;

/// <summary><c>emailReport</c>: the owner agrees to receive a link to their report at the e-mail address given at the start.</summary>
public sealed record SubmitAssessmentRequest(bool? EmailReport = null);

public sealed record SubmitAssessment(Guid AssessmentId, bool EmailReport = false) : ICommand<Outcome<ResultDocument>>;

public sealed class SubmitAssessmentHandler(
    Webhooks.WebhookPublisher webhooks,
    AppDbContext db, BenchmarkStore benchmarks, QuestionnaireCatalog catalog, ShareTokens tokens, PublicUrls urls, TimeProvider clock)
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
        var now = clock.GetUtcNow();
        if (command.EmailReport && assessment.Status == AssessmentStatus.InProgress && !assessment.ConsentToReportEmail(now))
        {
            return Failure.Invalid("emailReport", "The report can only be e-mailed when the assessment has the owner's e-mail address.");
        }
        switch (assessment.Submit(definition, now))
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
            if (command.EmailReport)
            {
                // The link and the e-mail are written with the submission: after a crash, either all of it happened or none.
                var link = ShareLink.Create(assessment.WorkspaceId, assessment.Id, TimeSpan.FromDays(ShareLinkHandlers.DefaultDays), now);
                db.ShareLinks.Add(link);
                var workspace = await db.Workspaces.Where(w => w.Id == assessment.WorkspaceId).Select(w => w.Name).SingleAsync(cancellationToken);
                db.Outbox.Add(OutboxMessage.Email(assessment.WorkspaceId,
                    ReportEmail.For(assessment, workspace, urls.ShareLink(tokens.TokenFor(link)), link.ExpiresAt), now));
            }
            await webhooks.PublishAsync(assessment.WorkspaceId, Webhooks.WebhookEventTypes.AssessmentSubmitted, new
            {
                assessmentId = assessment.Id,
                assessment.SubmittedAt,
                leadershipShare = assessment.Result!.LeadershipShare,
                profile = assessment.Result.Profile.Key,
            }, cancellationToken);
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
        group.MapPost("/{id:guid}/submit", async Task<Results<Ok<ResultDocument>, ProblemHttpResult>> (
                Guid id, SubmitAssessmentRequest? request, IMediator mediator, CancellationToken ct) =>
            (await mediator.Send(new SubmitAssessment(id, request?.EmailReport ?? false), ct)).ToOk())
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
