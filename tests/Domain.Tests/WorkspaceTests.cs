using Assessment.Domain.Workspaces;

namespace Assessment.Domain.Tests;

public sealed class WorkspaceTests
{
    private static Workspace NewWorkspace() => Workspace.Create("advisers", "Advisers", new DateTimeOffset(2026, 11, 1, 9, 0, 0, TimeSpan.Zero));

    [Theory]
    [InlineData("15", 15)]
    [InlineData("45", 45)]
    [InlineData(" 60 ", 60)]
    [InlineData("120", 120)]
    public void Call_length_takes_15_to_120_minutes_in_steps_of_5(string typed, int minutes)
    {
        var workspace = NewWorkspace();
        Assert.Null(workspace.SetCallLength(typed));
        Assert.Equal(minutes, workspace.CallMinutes);
    }

    [Theory]
    [InlineData("10")]
    [InlineData("125")]
    [InlineData("32")]
    [InlineData("-30")]
    [InlineData("half an hour")]
    [InlineData("")]
    [InlineData(null)]
    public void Another_call_length_is_refused_and_the_current_one_kept(string? typed)
    {
        var workspace = NewWorkspace();
        Assert.Equal(30, workspace.CallMinutes);
        Assert.Contains("15 to 120 minutes", workspace.SetCallLength(typed), StringComparison.Ordinal);
        Assert.Equal(30, workspace.CallMinutes);
    }
}
