using System.Globalization;
using Assessment.Domain.Questionnaires;
using Assessment.Domain.Scoring;
using static Assessment.Domain.Instruments.OwnerTime.Subscales;

namespace Assessment.Domain.Reports;

/// <summary>A recommendation rule: when it applies (as code and as the text shown with it) and what it says.</summary>
public sealed record RecommendationRule(string Id, string Condition, Func<ReportFacts, bool> Applies, Func<ReportFacts, Recommendation> Build);

/// <summary>
/// The report of the owner-time instrument, rules version 1. Pure: the same result, answers and date give the same
/// report. Every rule names the condition it fired on; the numbers in its text are the owner's own.
/// </summary>
public static class OwnerTimeReport
{
    public const string RulesVersion = "owner-time-report-1";

    /// <summary>How long the plan runs; the reassessment falls on its last day.</summary>
    public const int PlanDays = 90;

    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    private static string H(decimal hours) => hours.ToString("0.#", Invariant) + (hours == 1 ? " hour" : " hours");

    private static string Pct(decimal? share) => share is { } s ? (s * 100).ToString("0", Invariant) + "%" : "not known";

    private static string Score(decimal? score) => score is { } s ? s.ToString("0", Invariant) + " of 100" : "not scored";

    private static decimal HalfHours(decimal hours) => Math.Round(hours * 2, MidpointRounding.AwayFromZero) / 2;

    public static IReadOnlyList<RecommendationRule> Rules { get; } =
    [
        new("hand-over-operations", "hoursReclaimable >= 4", f => f.Result.HoursReclaimable >= 4, f =>
        {
            var top = f.DelegableActivities().Take(2).ToList();
            var named = string.Join(" and ", top.Select(t => $"{t.Activity.Label.ToLowerInvariant()} ({H(t.Hours)})"));
            return new("hand-over-operations", "Hand the day-to-day running to your team",
                $"You spend {H(f.ManagementHours)} a week on management. About {H(f.Result.HoursReclaimable)} of it is work someone else could normally do, most of all {named}.",
                [
                    "Go through your time audit and mark, for every recurring task, who else could own it.",
                    $"Hand over the two biggest first — {string.Join(" and ", top.Select(t => t.Activity.Label.ToLowerInvariant()))} — with a short written checklist and a review date.",
                    "Agree how the new owner reports back, and stop doing the task yourself once the review date has passed.",
                ],
                f.Result.HoursReclaimable, Priority.High, "hoursReclaimable >= 4");
        }),
        new("appoint-practice-manager", "no practice manager and management hours >= 8",
            f => f.Choice("practice-manager") == "no" && f.ManagementHours >= 8, f => new(
                "appoint-practice-manager", "Give daily operations an owner who is not you",
                $"Nobody but you runs the practice day to day, and it costs you {H(f.ManagementHours)} a week. A practice manager turns those hours into one person's job.",
                [
                    "Write down the operational decisions you made last week and who could have made them.",
                    "Decide whether to promote from within — a senior receptionist or nurse often grows into the role — or to recruit.",
                    "Start the new manager on rotas and ordering, with a weekly half-hour review that you keep short.",
                ],
                HalfHours((f.ActivityHours("rota") + f.ActivityHours("suppliers") + f.ActivityHours("team-questions")) / 2),
                Priority.High, "no practice manager and management hours >= 8")),
        new("reduce-owner-dependency", "ownerDependency >= 60", f => f.Result.OwnerDependency >= 60, f => new(
            "reduce-owner-dependency", "Let decisions be made without you",
            $"Your owner-dependency score is {Score(f.Result.OwnerDependency)}: decisions wait for you, and work slows when you are away. Every question that reaches you is time you are not leading.",
            [
                "Sort the decisions the team brings you into three lists: theirs to make, theirs after a quick check, and yours.",
                "When someone brings a question they could answer, ask what they would do — and then let them do it.",
                "Take a full day away within the month and note what still reached you; that is the next list to hand over.",
            ],
            HalfHours(f.ActivityHours("team-questions") / 2), Priority.High, "ownerDependency >= 60")),
        new("protect-leadership-time", "leadershipShare < 0.30, or setting direction < 50, or the ideal share is 0.20 above the actual",
            f => f.Share < 0.30m || f.Subscale(SettingDirection) < 50 || f.IdealShare - f.Share >= 0.20m, f => new(
                "protect-leadership-time", "Book time to lead, and keep it",
                $"Leading takes {Pct(f.Share)} of the time you spend leading or managing ({H(f.LeadershipHours)} a week); in the week you want it would be {Pct(f.IdealShare)} ({H(f.Hours(TimeCategory.Leadership, Week.Ideal))}).",
                [
                    "Block two hours a week for direction, people and processes — the same slot every week, treated like a clinic.",
                    "Write the practice's three goals for the next twelve months on one page and share it with the team.",
                    "Once a month, look at what pushed the block aside and who could have dealt with it instead.",
                ],
                0, f.Share < 0.30m ? Priority.High : Priority.Medium,
                "leadershipShare < 0.30, or setting direction < 50, or the ideal share is 0.20 above the actual")),
        new("fix-recurring-problems", "controlling and problem solving < 50", f => f.Subscale(ControllingProblemSolving) < 50, f => new(
            "fix-recurring-problems", "Fix problems once, at their cause",
            $"Controlling and problem solving scores {Score(f.Subscale(ControllingProblemSolving))}: the same operational problems come back and land on you again.",
            [
                "For four weeks, note every problem that reaches you in one line.",
                "Take the most frequent one and change the process behind it, not just this instance of it.",
                "Agree two or three numbers to watch weekly — waiting times, bookings, collections — and who acts when they slip.",
            ],
            HalfHours((f.ActivityHours("complaints") + f.ActivityHours("facilities") + f.ActivityHours("team-questions")) / 4),
            Priority.Medium, "controlling and problem solving < 50")),
        new("define-roles", "aligning people < 50 or organising and staffing < 50",
            f => f.Subscale(AligningPeople) < 50 || f.Subscale(OrganisingStaffing) < 50, f => new(
                "define-roles", "Say who owns what, and what good looks like",
                $"Aligning people scores {Score(f.Subscale(AligningPeople))} and organising and staffing {Score(f.Subscale(OrganisingStaffing))}: people are not sure what is theirs, so it comes back to you.",
                [
                    "Write a one-page card for each role: its purpose, its main tasks and the decisions it owns.",
                    "Add two or three standards to each card that describe good work in that role.",
                    "Go through each card with the people in the role and agree it with them.",
                ],
                1, Priority.Medium, "aligning people < 50 or organising and staffing < 50")),
        new("plan-and-budget", "planning and budgeting < 50", f => f.Subscale(PlanningBudgeting) < 50, f => new(
            "plan-and-budget", "Run the practice on a plan and a budget",
            $"Planning and budgeting scores {Score(f.Subscale(PlanningBudgeting))}: spending and staffing are decided case by case, and problems show up when they are already urgent.",
            [
                "Set a budget for the year with your accountant, by month, for income, staff costs and supplies.",
                "Put a monthly hour in the diary to compare the figures with the budget, with your practice manager if you have one.",
                "Plan staffing for the next quarter before it is needed: holidays, vacancies, busy seasons.",
            ],
            HalfHours(f.ActivityHours("budgets") * 0.3m), Priority.Medium, "planning and budgeting < 50")),
        new("develop-people", "motivating and developing < 50", f => f.Subscale(MotivatingDeveloping) < 50, f => new(
            "develop-people", "Grow the people who can carry more",
            $"Motivating and developing scores {Score(f.Subscale(MotivatingDeveloping))}. The team can only take work off you if they grow into it.",
            [
                "Hold a half-hour one-to-one with each key person every month, about their work and where they want to go.",
                "Recognise good work openly and specifically, in the moment.",
                "Give one person a responsibility that is a stretch for them, with your support rather than your supervision.",
            ],
            0, Priority.Low, "motivating and developing < 50")),
        new("buy-in-administration", "team size <= 20 and billing, budgets and recruitment admin take 3 hours or more",
            f => f.Number("team-size") <= 20 && f.ActivityHours("billing") + f.ActivityHours("budgets") + f.ActivityHours("hiring-admin") >= 3,
            f => new("buy-in-administration", "Buy in the administration a small practice cannot staff",
                $"You spend {H(f.ActivityHours("billing") + f.ActivityHours("budgets") + f.ActivityHours("hiring-admin"))} a week on billing, accounts and recruitment paperwork. For a practice of {f.Number("team-size")?.ToString("0", Invariant)} people, specialists do this more cheaply than your time costs.",
                [
                    "Ask two billing or bookkeeping services for a quote, with your current monthly volumes.",
                    "Start with the task you like least, and keep its results under a monthly review.",
                    "Move payroll next; credentialing too if you spend time on it.",
                ],
                HalfHours(f.ActivityHours("billing") * 0.9m + f.ActivityHours("budgets") * 0.6m + f.ActivityHours("hiring-admin") * 0.5m),
                Priority.Medium, "team size <= 20 and billing, budgets and recruitment admin take 3 hours or more")),
        new("keep-leading", "profile is owner-led", f => f.Result.Profile.Key == "owner-led", f => new(
            "keep-leading", "Keep the practice able to run without you",
            $"You spend {Pct(f.Share)} of your non-clinical time leading, and the practice does not wait for you. The risk now is drifting back.",
            [
                "Review the year's goals with your leadership team every quarter.",
                "Name a successor for each key role, including the practice manager's.",
                "Take this assessment again in three months to check the balance has held.",
            ],
            0, Priority.Low, "profile is owner-led")),
    ];

    public static Report Build(QuestionnaireDefinition definition, AnswerSet answers, AssessmentResult result, DateOnly submittedOn)
    {
        ArgumentNullException.ThrowIfNull(definition);
        ArgumentNullException.ThrowIfNull(result);
        var facts = new ReportFacts(definition, definition.VisibleAnswers(answers), result);
        var recommendations = Rules.Where(r => r.Applies(facts)).Select(r => r.Build(facts))
            .OrderBy(r => r.Priority).ThenByDescending(r => r.HoursPerWeek).ThenBy(r => r.Id, StringComparer.Ordinal)
            .ToList();
        return new Report(
            RulesVersion,
            result,
            Strengths(definition, result),
            Gaps(definition, result),
            recommendations,
            Plan(recommendations),
            submittedOn.AddDays(PlanDays),
            Structure(facts),
            Outsourcing(facts));
    }

    private static List<FunctionScore> Functions(QuestionnaireDefinition definition, AssessmentResult result) =>
    [
        .. result.Subscales
            .Where(s => s.Score is not null && s.Subscale != definition.Scoring.DependencySubscale)
            .Select(s => new FunctionScore(s.Subscale, definition.Scoring.Label(s.Subscale), s.Score!.Value)),
    ];

    /// <summary>The two best-scoring functions at 60 or above.</summary>
    private static IReadOnlyList<FunctionScore> Strengths(QuestionnaireDefinition definition, AssessmentResult result) =>
        [.. Functions(definition, result).Where(f => f.Score >= 60).OrderByDescending(f => f.Score).Take(2)];

    /// <summary>The two weakest functions below 50, and owner dependency when it is 60 or more.</summary>
    private static IReadOnlyList<FunctionScore> Gaps(QuestionnaireDefinition definition, AssessmentResult result)
    {
        var gaps = Functions(definition, result).Where(f => f.Score < 50).OrderBy(f => f.Score).Take(2).ToList();
        if (result.OwnerDependency is { } d && d >= 60 && definition.Scoring.DependencySubscale is { } dependency)
        {
            gaps.Add(new FunctionScore(dependency, definition.Scoring.Label(dependency), d));
        }
        return gaps;
    }

    /// <summary>Two recommendations a month, in priority order, for the three months of the plan.</summary>
    private static IReadOnlyList<PlanPhase> Plan(IReadOnlyList<Recommendation> ordered)
    {
        string[] titles = ["Days 1–30: start", "Days 31–60: hand over", "Days 61–90: make it stick"];
        return [.. Enumerable.Range(0, 3)
            .Select(i => new PlanPhase(titles[i], i * 30 + 1, (i + 1) * 30, [.. ordered.Skip(i * 2).Take(2).Select(r => r.Id)]))
            .Where(p => p.RecommendationIds.Count > 0)];
    }

    private static StructureAdvice Structure(ReportFacts f)
    {
        if (f.Number("locations") > 1)
        {
            return new("site-supervisors", "A supervisor at every site",
                $"With {f.Number("locations")?.ToString("0", Invariant)} sites, each needs someone in charge of it day to day, reporting to one operations or practice manager. You lead the practice as a whole rather than any one site.");
        }
        if (f.Number("team-size") >= 25)
        {
            return new("executive-committee", "A small leadership team that shares decisions",
                "A practice of this size runs best with a leadership team — you, a clinical lead and the practice manager — that meets weekly and owns decisions together, so they no longer queue for you.");
        }
        return new("owner-with-practice-manager", "You lead; a practice manager runs the day",
            f.Choice("practice-manager") == "yes"
                ? "This is the structure you have: keep the line clear, so that operational questions go to the practice manager first and reach you only by exception."
                : "The usual structure at this size is you leading the practice and a practice manager running daily operations; today that second role is missing.");
    }

    /// <summary>For practices of up to 20 people: the administration that specialists can take on.</summary>
    private static IReadOnlyList<OutsourcingOption> Outsourcing(ReportFacts f)
    {
        if (f.Number("team-size") > 20)
        {
            return [];
        }
        var billing = f.ActivityHours("billing");
        var accounts = f.ActivityHours("budgets");
        return
        [
            new("billing", "Billing and claims", "A billing service submits claims, follows up rejections and chases unpaid accounts.", HalfHours(billing * 0.9m)),
            new("credentialing", "Credentialing", "A credentialing service keeps clinicians' registrations and payer enrolments current and on time.", 0),
            new("payroll", "Payroll", "A payroll bureau runs pay, tax and pension filings each month.", HalfHours(accounts * 0.3m)),
            new("bookkeeping", "Bookkeeping", "A bookkeeper keeps the accounts and prepares the monthly figures you review against the budget.", HalfHours(accounts * 0.3m)),
        ];
    }
}
