using Assessment.Api.Persistence;
using Assessment.Domain.Workspaces;
using Microsoft.EntityFrameworkCore;

namespace Assessment.Web;

/// <summary>Resolves the workspace of a public page from its slug and acts for it for the rest of the request.</summary>
public sealed class PublicWorkspace(AppDbContext db, WorkspaceScope scope)
{
    public async Task<Workspace?> EnterAsync(string slug, CancellationToken ct)
    {
        var workspace = await db.Workspaces.AsNoTracking().SingleOrDefaultAsync(w => w.Slug == slug, ct);
        if (workspace is not null)
        {
            scope.Use(workspace.Id);
        }
        return workspace;
    }
}
