namespace Assessment.Domain.Scoring;

/// <summary>The figures a profile is chosen on; each is null when it could not be computed.</summary>
public sealed record ProfileFigures(
    decimal? LeadershipShare,
    decimal? OwnerDependency,
    decimal? ManagementFunctions,
    decimal? LeadershipFunctions,
    decimal ManagementHours);

/// <summary>The profile chosen, the rule that chose it (as text) and the figures it was applied to.</summary>
public sealed record ProfileResult(string Key, string Label, string Summary, string Rule, ProfileFigures Figures);

/// <summary>
/// The profiles (archetypes) of scoring version 1. Rules are tried in order; the first that matches wins.
/// <list type="number">
/// <item><c>unclassified</c>: no leadership or management hours were given.</item>
/// <item><c>owner-led</c>: leadership share ≥ 0.50 and owner dependency ≤ 40.</item>
/// <item><c>firefighting</c>: owner dependency ≥ 60 and the management functions average below 50.</item>
/// <item><c>buried-in-management</c>: leadership share below 0.30.</item>
/// <item><c>emerging-leader</c>: everything else (leadership share of 0.30 or more).</item>
/// </list>
/// </summary>
public static class Profiles
{
    public sealed record Rule(string Key, string Label, string Summary, string Condition, Func<ProfileFigures, bool> Matches);

    public static IReadOnlyList<Rule> Rules { get; } =
    [
        new("unclassified", "Not enough to go on",
            "The time audit has no leadership or management hours, so there is nothing to classify yet.",
            "leadershipShare is null",
            f => f.LeadershipShare is null),
        new("owner-led", "Owner-led practice",
            "You spend at least half of your non-clinical time leading, and the practice runs without waiting for you.",
            "leadershipShare >= 0.50 and ownerDependency <= 40",
            f => f.LeadershipShare >= 0.50m && f.OwnerDependency <= 40),
        new("firefighting", "Firefighting",
            "The practice leans on you for decisions and the same problems keep coming back, so your week goes to putting out fires.",
            "ownerDependency >= 60 and managementFunctions < 50",
            f => f.OwnerDependency >= 60 && f.ManagementFunctions < 50),
        new("buried-in-management", "Buried in management",
            "Keeping the practice running takes most of your non-clinical hours, leaving little for direction, people and culture.",
            "leadershipShare < 0.30",
            f => f.LeadershipShare < 0.30m),
        new("emerging-leader", "Emerging leader",
            "You already give real time to leading the practice; the work now is to protect it and hand more of the running to others.",
            "leadershipShare >= 0.30",
            _ => true),
    ];

    public static ProfileResult Classify(ProfileFigures figures)
    {
        foreach (var rule in Rules)
        {
            if (rule.Matches(figures))
            {
                return new ProfileResult(rule.Key, rule.Label, rule.Summary, rule.Condition, figures);
            }
        }
        throw new InvalidOperationException("The last profile rule matches everything.");
    }
}
