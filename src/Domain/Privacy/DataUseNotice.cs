namespace Assessment.Domain.Privacy;

/// <summary>
/// What an owner agrees to before starting. The wording is versioned: a change to it is a new version, and every
/// assessment records the version its owner saw.
/// </summary>
public static class DataUseNotice
{
    public const string Version = "2026-11-owner-1";

    public static string Text(string workspaceName) =>
        $"My answers and results are used by {workspaceName} to prepare my report and a discovery call if I book one. " +
        "Leadership shares are also counted anonymously to compare practices. I can download or erase my data at any time.";
}
