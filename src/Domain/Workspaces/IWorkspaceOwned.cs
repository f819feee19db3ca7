namespace Assessment.Domain.Workspaces;

/// <summary>A row that belongs to one workspace; the data layer scopes every query and write on it.</summary>
public interface IWorkspaceOwned
{
    Guid WorkspaceId { get; }
}
