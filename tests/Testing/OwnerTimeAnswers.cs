namespace Assessment.Testing;

/// <summary>A complete, valid answer set for owner-time v1 with known figures.</summary>
public static class OwnerTimeAnswers
{
    /// <summary>Actual week: management 10+6+4 = 20 h, leadership 3+2 = 5 h, clinical 30 h → leadership share 5 / 25 = 0.2.</summary>
    public static Dictionary<string, object?> ActualWeek() => new()
    {
        ["rota"] = 10, ["suppliers"] = 6, ["billing"] = 4,
        ["direction"] = 3, ["developing"] = 2,
        ["clinical"] = 30,
    };

    /// <summary>Ideal week: management 4 h, leadership 12 h, clinical 28 h → leadership share 12 / 16 = 0.75.</summary>
    public static Dictionary<string, object?> IdealWeek() => new()
    {
        ["rota"] = 2, ["billing"] = 2,
        ["direction"] = 6, ["developing"] = 4, ["culture"] = 2,
        ["clinical"] = 28,
    };

    public static Dictionary<string, object?> Profile() => new()
    {
        ["practice-type"] = "dental",
        ["locations"] = 1,
        ["team-size"] = 12,
        ["practice-manager"] = "no",
        ["clinical-hours"] = 30,
    };

    public static readonly string[] LikertItems =
    [
        "pb-1", "pb-2", "pb-3", "pb-4", "os-1", "os-2", "os-3", "os-4", "cp-1", "cp-2", "cp-3", "cp-4",
        "sd-1", "sd-2", "sd-3", "sd-4", "ap-1", "ap-2", "ap-3", "ap-4", "md-1", "md-2", "md-3", "md-4",
        "od-1", "od-2", "od-3", "od-4",
    ];

    public static Dictionary<string, object?> Complete()
    {
        var answers = Profile();
        answers["time-actual"] = ActualWeek();
        answers["time-ideal"] = IdealWeek();
        foreach (var item in LikertItems)
        {
            answers[item] = 3;
        }
        answers["frustration"] = "Every small question lands on my desk.";
        return answers;
    }
}
