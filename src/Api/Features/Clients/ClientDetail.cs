using Assessment.Api.Paging;
using Assessment.Api.Persistence;
using Assessment.Api.Problems;
using Assessment.Domain.Assessments;
using Assessment.Domain.Clients;
using Assessment.Domain.Scheduling;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Assessment.Api.Features.Clients;

public sealed record NoteDocument(Guid Id, string Author, string Text, DateTimeOffset CreatedAt);

public sealed record CallDocument(Guid Id, DateTimeOffset Start, DateTimeOffset End, string Status, string ConsultantEmail);

/// <summary>One assessment of the same owner (same e-mail), for their progress over time.</summary>
public sealed record ProgressPoint(Guid Id, string QuestionnaireKey, int QuestionnaireVersion, DateTimeOffset SubmittedAt, decimal? LeadershipShare,
    IReadOnlyDictionary<string, decimal?> Subscales);

/// <summary>What a consultant sees beside the report: tags, notes, the calls and the owner's earlier and later assessments.</summary>
public sealed record ClientDetail(ClientRow Row, IReadOnlyList<NoteDocument> Notes, IReadOnlyList<CallDocument> Calls, IReadOnlyList<ProgressPoint> Progress);

public sealed record GetClientDetail(Guid Id) : IQuery<ClientDetail?>;

/// <summary>The notes on an assessment, newest first, a page at a time.</summary>
public sealed record ListClientNotes(Guid AssessmentId, int? Limit = null, string? Cursor = null) : IQuery<Outcome<Page<NoteDocument>>>;

public sealed record AddClientNote(Guid AssessmentId, Guid AuthorId, string AuthorEmail, string? Text) : ICommand<Outcome<NoteDocument>>;

public sealed record AddClientTag(Guid AssessmentId, string? Tag) : ICommand<Outcome<IReadOnlyList<string>>>;

public sealed record RemoveClientTag(Guid AssessmentId, string? Tag) : ICommand<Outcome<IReadOnlyList<string>>>;

public sealed class ListClientNotesHandler(AppDbContext db) : IQueryHandler<ListClientNotes, Outcome<Page<NoteDocument>>>
{
    public async ValueTask<Outcome<Page<NoteDocument>>> Handle(ListClientNotes query, CancellationToken cancellationToken)
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
        var notes = db.ClientNotes.AsNoTracking().Where(n => n.AssessmentId == query.AssessmentId);
        if (after is { } a)
        {
            notes = notes.Where(n => n.CreatedAt < a.Key || (n.CreatedAt == a.Key && n.Id.CompareTo(a.Id) < 0));
        }
        var fetched = await notes.OrderByDescending(n => n.CreatedAt).ThenByDescending(n => n.Id).Take(take + 1).ToListAsync(cancellationToken);
        return Cursor.Page(fetched, take, n => new NoteDocument(n.Id, n.AuthorEmail, n.Text, n.CreatedAt), n => Cursor.Encode(n.CreatedAt, n.Id));
    }
}

public sealed class GetClientDetailHandler(AppDbContext db) : IQueryHandler<GetClientDetail, ClientDetail?>
{
    public async ValueTask<ClientDetail?> Handle(GetClientDetail query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        var assessment = await db.Assessments.AsNoTracking().SingleOrDefaultAsync(a => a.Id == query.Id, cancellationToken);
        if (assessment is null)
        {
            return null;
        }
        var tags = await db.ClientTags.AsNoTracking().Where(t => t.AssessmentId == query.Id).Select(t => t.Name).OrderBy(t => t).ToListAsync(cancellationToken);
        var calls = await db.Bookings.AsNoTracking().Where(b => b.AssessmentId == query.Id)
            .Join(db.Users.AsNoTracking(), b => b.ConsultantId, m => m.Id, (b, m) => new { b.Id, b.Start, b.End, b.Status, m.Email })
            .ToListAsync(cancellationToken);
        var notes = await db.ClientNotes.AsNoTracking().Where(n => n.AssessmentId == query.Id).OrderByDescending(n => n.CreatedAt).ThenByDescending(n => n.Id)
            .Select(n => new NoteDocument(n.Id, n.AuthorEmail, n.Text, n.CreatedAt)).ToListAsync(cancellationToken);
        var progress = new List<ProgressPoint>();
        if (assessment.OwnerEmailKey is { } owner)
        {
            var same = await db.Assessments.AsNoTracking()
                .Where(a => a.OwnerEmailKey == owner && a.Status == AssessmentStatus.Submitted)
                .OrderBy(a => a.CreatedAt).Take(50).ToListAsync(cancellationToken);
            progress.AddRange(same.Where(a => a.Result is not null).OrderBy(a => a.SubmittedAt).Select(a => new ProgressPoint(
                a.Id, a.QuestionnaireKey, a.QuestionnaireVersion, a.SubmittedAt!.Value, a.LeadershipShare,
                a.Result!.Subscales.ToDictionary(s => s.Subscale, s => s.Score, StringComparer.Ordinal))));
        }
        var booked = calls.Any(c => c.Status != BookingStatus.Canceled);
        var row = new ClientRow(assessment.Id, StatusNames.ToName(assessment.Status), assessment.Respondent.Name, assessment.Respondent.Email,
            assessment.Respondent.PracticeName, assessment.PracticeType, assessment.ProfileKey, assessment.LeadershipShare, assessment.CreatedAt,
            assessment.SubmittedAt, booked, tags);
        return new ClientDetail(row, notes,
            [.. calls.OrderByDescending(c => c.Start).Select(c => new CallDocument(c.Id, c.Start, c.End, CallStatus(c.Status), c.Email ?? ""))], progress);
    }

    private static string CallStatus(BookingStatus status) => status switch
    {
        BookingStatus.Active => "booked",
        BookingStatus.Canceled => "canceled",
        _ => "no-show",
    };
}

public sealed class AddClientNoteHandler(AppDbContext db, WorkspaceScope workspace, TimeProvider clock) : ICommandHandler<AddClientNote, Outcome<NoteDocument>>
{
    public async ValueTask<Outcome<NoteDocument>> Handle(AddClientNote command, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(command);
        if (!await db.Assessments.AnyAsync(a => a.Id == command.AssessmentId, cancellationToken))
        {
            return Failure.NotFound($"Assessment {command.AssessmentId}");
        }
        var note = ClientNote.Write(workspace.Id, command.AssessmentId, command.AuthorId, command.AuthorEmail, command.Text, clock.GetUtcNow());
        if (note is null)
        {
            return Failure.Invalid("text", $"A note has 1 to {ClientNote.MaxLength} characters.");
        }
        db.ClientNotes.Add(note);
        await db.SaveChangesAsync(cancellationToken);
        return new NoteDocument(note.Id, note.AuthorEmail, note.Text, note.CreatedAt);
    }
}

public sealed class ClientTagHandlers(AppDbContext db, WorkspaceScope workspace, TimeProvider clock)
    : ICommandHandler<AddClientTag, Outcome<IReadOnlyList<string>>>, ICommandHandler<RemoveClientTag, Outcome<IReadOnlyList<string>>>
{
    private const string Invalid = "A tag has 1 to 40 letters, digits, spaces, '-' or '_'.";

    public async ValueTask<Outcome<IReadOnlyList<string>>> Handle(AddClientTag command, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(command);
        if (!await db.Assessments.AnyAsync(a => a.Id == command.AssessmentId, cancellationToken))
        {
            return Failure.NotFound($"Assessment {command.AssessmentId}");
        }
        if (ClientTag.Create(workspace.Id, command.AssessmentId, command.Tag, clock.GetUtcNow()) is not { } tag)
        {
            return Failure.Invalid("tag", Invalid);
        }
        if (!await db.ClientTags.AnyAsync(t => t.AssessmentId == command.AssessmentId && t.Name == tag.Name, cancellationToken))
        {
            db.ClientTags.Add(tag);
            try
            {
                await db.SaveChangesAsync(cancellationToken);
            }
            catch (DbUpdateException)
            {
                // Added concurrently: the tag is there, which is what was asked.
            }
        }
        return await TagsAsync(command.AssessmentId, cancellationToken);
    }

    public async ValueTask<Outcome<IReadOnlyList<string>>> Handle(RemoveClientTag command, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(command);
        if (!await db.Assessments.AnyAsync(a => a.Id == command.AssessmentId, cancellationToken))
        {
            return Failure.NotFound($"Assessment {command.AssessmentId}");
        }
        if (ClientTag.Normalise(command.Tag) is not { } name)
        {
            return Failure.Invalid("tag", Invalid);
        }
        await db.ClientTags.Where(t => t.AssessmentId == command.AssessmentId && t.Name == name).ExecuteDeleteAsync(cancellationToken);
        return await TagsAsync(command.AssessmentId, cancellationToken);
    }

    private async Task<Outcome<IReadOnlyList<string>>> TagsAsync(Guid id, CancellationToken ct) =>
        new(await db.ClientTags.AsNoTracking().Where(t => t.AssessmentId == id).Select(t => t.Name).OrderBy(t => t).ToListAsync(ct), null);
}
