using Assessment.Api.Identity;
using Assessment.Api.Persistence;
using Assessment.Api.Paging;
using Assessment.Api.Problems;
using Assessment.Api.Reports;
using Assessment.Domain.Assessments;
using Assessment.Domain.Reports;
using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;

namespace Assessment.Api.Features.Sharing;

/// <summary>A share link. <c>url</c> (with its token) is only returned when the link is created.</summary>
public sealed record ShareLinkDocument(Guid Id, Guid AssessmentId, string State, DateTimeOffset CreatedAt, DateTimeOffset ExpiresAt, DateTimeOffset? RevokedAt, string? Url)
{
    public static ShareLinkDocument From(ShareLink link, DateTimeOffset now, string? url = null)
    {
        ArgumentNullException.ThrowIfNull(link);
        return new(link.Id, link.AssessmentId, link.StateAt(now).ToString().ToLowerInvariant(), link.CreatedAt, link.ExpiresAt, link.RevokedAt, url);
    }
}

/// <summary>How long the link works: 1 to 365 days, 30 when left out.</summary>
public sealed record CreateShareLinkRequest(int? ExpiresInDays = null);

public sealed record CreateShareLink(Guid AssessmentId, int? ExpiresInDays) : ICommand<Outcome<ShareLinkDocument>>;

public sealed record ListShareLinks(Guid AssessmentId, int? Limit = null, string? Cursor = null) : IQuery<Outcome<Page<ShareLinkDocument>>>;

public sealed record RevokeShareLink(Guid ShareLinkId) : ICommand<Outcome<ShareLinkDocument>>;

public sealed class ShareLinkHandlers(AppDbContext db, ShareTokens tokens, PublicUrls urls, TimeProvider clock)
    : ICommandHandler<CreateShareLink, Outcome<ShareLinkDocument>>,
      IQueryHandler<ListShareLinks, Outcome<Page<ShareLinkDocument>>>,
      ICommandHandler<RevokeShareLink, Outcome<ShareLinkDocument>>
{
    public const int DefaultDays = 30;

    public async ValueTask<Outcome<ShareLinkDocument>> Handle(CreateShareLink command, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(command);
        var days = command.ExpiresInDays ?? DefaultDays;
        if (days is < 1 or > ShareLink.MaxDays)
        {
            return Failure.Invalid("expiresInDays", $"A link can work for 1 to {ShareLink.MaxDays} days.");
        }
        var assessment = await db.Assessments.AsNoTracking().Where(a => a.Id == command.AssessmentId)
            .Select(a => new { a.Id, a.WorkspaceId, a.Status }).SingleOrDefaultAsync(cancellationToken);
        if (assessment is null)
        {
            return Failure.NotFound($"Assessment {command.AssessmentId}");
        }
        if (assessment.Status != AssessmentStatus.Submitted)
        {
            return new Failure(StatusCodes.Status409Conflict, ProblemTypes.Incomplete, "The assessment is not submitted yet",
                "A report can be shared once the assessment is submitted.");
        }
        var now = clock.GetUtcNow();
        var link = ShareLink.Create(assessment.WorkspaceId, assessment.Id, TimeSpan.FromDays(days), now);
        db.ShareLinks.Add(link);
        await db.SaveChangesAsync(cancellationToken);
        return ShareLinkDocument.From(link, now, urls.ShareLink(tokens.TokenFor(link)));
    }

    public async ValueTask<Outcome<Page<ShareLinkDocument>>> Handle(ListShareLinks query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        if (Cursor.Read(query.Limit, query.Cursor, out var take, out var after) is { } invalid)
        {
            return invalid;
        }
        if (!await db.Assessments.AnyAsync(a => a.Id == query.AssessmentId, cancellationToken))
        {
            return Failure.NotFound($"Assessment {query.AssessmentId}");
        }
        var now = clock.GetUtcNow();
        var links = db.ShareLinks.AsNoTracking().Where(l => l.AssessmentId == query.AssessmentId);
        if (after is { } a)
        {
            links = links.Where(l => l.CreatedAt > a.Key || (l.CreatedAt == a.Key && l.Id.CompareTo(a.Id) > 0));
        }
        var fetched = await links.OrderBy(l => l.CreatedAt).ThenBy(l => l.Id).Take(take + 1).ToListAsync(cancellationToken);
        return Cursor.Page(fetched, take, l => ShareLinkDocument.From(l, now), l => Cursor.Encode(l.CreatedAt, l.Id));
    }

    public async ValueTask<Outcome<ShareLinkDocument>> Handle(RevokeShareLink command, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(command);
        var link = await db.ShareLinks.SingleOrDefaultAsync(l => l.Id == command.ShareLinkId, cancellationToken);
        if (link is null)
        {
            return Failure.NotFound($"Share link {command.ShareLinkId}");
        }
        var now = clock.GetUtcNow();
        link.Revoke(now);
        await db.SaveChangesAsync(cancellationToken);
        return ShareLinkDocument.From(link, now);
    }
}

public static class ShareLinkEndpoints
{
    public static IEndpointRouteBuilder MapShareLinks(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1").WithTags("Sharing");

        group.MapPost("/assessments/{id:guid}/share-links", async Task<Results<Created<ShareLinkDocument>, ProblemHttpResult>> (
                Guid id, CreateShareLinkRequest? request, IMediator mediator, CancellationToken ct) =>
            {
                var outcome = await mediator.Send(new CreateShareLink(id, request?.ExpiresInDays), ct);
                return outcome.Failure is { } failure
                    ? failure.ToProblem()
                    : TypedResults.Created($"/api/v1/share-links/{outcome.Value!.Id}", outcome.Value);
            })
            .RequireAuthorization(Scopes.AssessmentsWrite)
            .WithName(nameof(CreateShareLink))
            .WithSummary("Create a link that shows the owner's report without signing in, until it expires or is revoked. The url is shown only now.")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);

        group.MapGet("/assessments/{id:guid}/share-links", async Task<Results<Ok<Page<ShareLinkDocument>>, ProblemHttpResult>> (
                Guid id, int? limit, string? cursor, IMediator mediator, CancellationToken ct) => (await mediator.Send(new ListShareLinks(id, limit, cursor), ct)).ToOk())
            .RequireAuthorization(Scopes.AssessmentsRead)
            .WithName(nameof(ListShareLinks))
            .WithSummary("List an assessment's share links, oldest first, and whether each still works; paged with limit and cursor.")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound);

        group.MapPost("/share-links/{id:guid}/revoke", async Task<Results<Ok<ShareLinkDocument>, ProblemHttpResult>> (
                Guid id, IMediator mediator, CancellationToken ct) => (await mediator.Send(new RevokeShareLink(id), ct)).ToOk())
            .RequireAuthorization(Scopes.AssessmentsWrite)
            .WithName(nameof(RevokeShareLink))
            .WithSummary("Revoke a share link; it stops working at once.")
            .ProducesProblem(StatusCodes.Status404NotFound);
        return app;
    }
}
