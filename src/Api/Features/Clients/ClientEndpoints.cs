using System.Globalization;
using System.Security.Claims;
using System.Text;
using Assessment.Api.Identity;
using Assessment.Api.Paging;
using Assessment.Api.Persistence;
using Assessment.Api.Problems;
using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;

namespace Assessment.Api.Features.Clients;

/// <summary>The client list's query string, shared by <c>GET /api/v1/assessments</c>, the page and the CSV export.</summary>
public sealed class ClientListParameters
{
    [FromQuery(Name = "q")] public string? Search { get; init; }

    [FromQuery] public string? Profile { get; init; }

    [FromQuery] public int? ShareMin { get; init; }

    [FromQuery] public int? ShareMax { get; init; }

    [FromQuery] public string? PracticeType { get; init; }

    [FromQuery] public string? Status { get; init; }

    [FromQuery] public DateOnly? From { get; init; }

    [FromQuery] public DateOnly? To { get; init; }

    [FromQuery] public string? Tag { get; init; }

    [FromQuery] public string? Sort { get; init; }

    [FromQuery] public int? Limit { get; init; }

    [FromQuery] public string? Cursor { get; init; }

    public ClientFilter ToFilter() => new(Search, Profile, ShareMin, ShareMax, PracticeType, Status, From, To, Tag, Sort);
}

public sealed record NoteRequest(string? Text);

public sealed record TagRequest(string? Tag);

public static class ClientEndpoints
{
    public static IEndpointRouteBuilder MapClients(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/v1/assessments", async Task<Results<Ok<Page<ClientRow>>, ProblemHttpResult>> (
                [AsParameters] ClientListParameters parameters, IMediator mediator, CancellationToken ct) =>
                (await mediator.Send(new ListClients(parameters.ToFilter(), parameters.Limit ?? ListClients.DefaultLimit, parameters.Cursor), ct)).ToOk())
            .WithTags("Assessments")
            .RequireAuthorization(Scopes.AssessmentsRead)
            .WithName(nameof(ListClients))
            .WithSummary("The workspace's assessments, filtered (q, profile, shareMin/shareMax in %, practiceType, status started|submitted|booked, from/to, tag), sorted (newest, oldest, share) and paged by an opaque cursor.")
            .ProducesValidationProblem();

        var notes = app.MapGroup("/api/v1/assessments/{id:guid}").WithTags("Clients").RequireAuthorization(AccessPolicies.Member);
        notes.MapPost("/notes", async Task<Results<Created<NoteDocument>, ProblemHttpResult>> (Guid id, NoteRequest request, ClaimsPrincipal user, IMediator mediator, CancellationToken ct) =>
            {
                var outcome = await mediator.Send(new AddClientNote(id, MemberId(user), user.FindFirstValue(ClaimTypes.Name) ?? "", request.Text), ct);
                return outcome.Failure is { } failure ? failure.ToProblem() : TypedResults.Created($"/api/v1/assessments/{id}/notes/{outcome.Value!.Id}", outcome.Value);
            })
            .WithName(nameof(AddClientNote))
            .WithSummary("Add a consultant's note to an assessment (members only).")
            .ProducesValidationProblem();
        notes.MapGet("/notes", async Task<Results<Ok<Page<NoteDocument>>, ProblemHttpResult>> (
                Guid id, int? limit, string? cursor, IMediator mediator, CancellationToken ct) =>
                (await mediator.Send(new ListClientNotes(id, limit, cursor), ct)).ToOk())
            .WithName(nameof(ListClientNotes))
            .WithSummary("The notes on an assessment, newest first (members only); paged with limit and cursor.")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound);
        notes.MapPost("/tags", async Task<Results<Ok<IReadOnlyList<string>>, ProblemHttpResult>> (Guid id, TagRequest request, IMediator mediator, CancellationToken ct) =>
                (await mediator.Send(new AddClientTag(id, request.Tag), ct)).ToOk())
            .WithName(nameof(AddClientTag))
            .WithSummary("Tag an assessment; answers with its tags (members only).")
            .ProducesValidationProblem();
        notes.MapDelete("/tags/{tag}", async Task<Results<Ok<IReadOnlyList<string>>, ProblemHttpResult>> (Guid id, string tag, IMediator mediator, CancellationToken ct) =>
                (await mediator.Send(new RemoveClientTag(id, tag), ct)).ToOk())
            .WithName(nameof(RemoveClientTag))
            .WithSummary("Remove a tag from an assessment; answers with its tags (members only).");

        app.MapGet("/app/clients/export.csv", async Task<Results<PushStreamHttpResult, ProblemHttpResult>> (
                [AsParameters] ClientListParameters parameters, AppDbContext db, TimeProvider clock) =>
            {
                var filter = parameters.ToFilter();
                var errors = filter.Check();
                if (errors.Count > 0)
                {
                    return Failure.Invalid("The export could not be made.", errors).ToProblem();
                }
                var name = string.Create(CultureInfo.InvariantCulture, $"clients-{clock.GetUtcNow():yyyy-MM-dd}.csv");
                return TypedResults.Stream(stream => ClientCsv.WriteAsync(db, filter, stream, CancellationToken.None), "text/csv; charset=utf-8", name);
            })
            .RequireAuthorization(AccessPolicies.Member)
            .ExcludeFromDescription();
        return app;
    }

    public static Guid MemberId(ClaimsPrincipal user) =>
        Guid.Parse(user?.FindFirstValue(ClaimTypes.NameIdentifier) ?? throw new InvalidOperationException("The member has no id claim."));
}

/// <summary>The client list as CSV, written page by page as it is read; cells are neutralised against spreadsheet formulas.</summary>
public static class ClientCsv
{
    private const int Chunk = 500;

    public static IReadOnlyList<string> Header { get; } =
        ["id", "status", "name", "email", "practice_name", "practice_type", "profile", "leadership_share", "started_at", "submitted_at", "booked", "tags"];

    public static async Task WriteAsync(AppDbContext db, ClientFilter filter, Stream output, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(output);
        await using var writer = new StreamWriter(output, new UTF8Encoding(encoderShouldEmitUTF8Identifier: true), 16 * 1024, leaveOpen: true);
        writer.NewLine = "\r\n";
        await writer.WriteLineAsync(Line(Header));
        ClientCursor? cursor = null;
        while (true)
        {
            var page = await ClientQueries.PageAsync(db, filter, Chunk, cursor, ct);
            foreach (var row in page.Data)
            {
                await writer.WriteLineAsync(Line([
                    row.Id.ToString(), row.Status, row.Name, row.Email, row.PracticeName, row.PracticeType, row.ProfileKey,
                    row.LeadershipShare?.ToString("0.0000", CultureInfo.InvariantCulture),
                    row.CreatedAt.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture),
                    row.SubmittedAt?.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture),
                    row.Booked ? "yes" : "no", string.Join(";", row.Tags)]));
            }
            await writer.FlushAsync(ct);
            if (page.NextCursor is null)
            {
                break;
            }
            ClientCursor.TryParse(page.NextCursor, filter.SortOrDefault, out cursor);
        }
    }

    public static string Line(IEnumerable<string?> cells) => string.Join(",", cells.Select(Cell));

    /// <summary>
    /// One cell: a leading <c>'</c> when it starts with a character a spreadsheet reads as a formula (<c>= + - @</c>, tab,
    /// carriage return), then quoted when it holds a comma, quote or line break.
    /// </summary>
    public static string Cell(string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            return "";
        }
        if (value[0] is '=' or '+' or '-' or '@' or '\t' or '\r')
        {
            value = "'" + value;
        }
        return value.IndexOfAny([',', '"', '\r', '\n']) >= 0 ? "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : value;
    }
}
