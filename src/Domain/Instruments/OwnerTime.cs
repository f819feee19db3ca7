using Assessment.Domain.Questionnaires;
using static Assessment.Domain.Questionnaires.ConditionOperator;
using static Assessment.Domain.Questionnaires.TimeCategory;

namespace Assessment.Domain.Instruments;

/// <summary>
/// The built-in instrument: how a practice owner's week splits between leading the practice,
/// managing it and clinical work, and how the six functions and owner dependency look in their behaviour.
/// </summary>
public static class OwnerTime
{
    public const string Key = "owner-time";

    public static class Subscales
    {
        public const string PlanningBudgeting = "planning-budgeting";
        public const string OrganisingStaffing = "organising-staffing";
        public const string ControllingProblemSolving = "controlling-problem-solving";
        public const string SettingDirection = "setting-direction";
        public const string AligningPeople = "aligning-people";
        public const string MotivatingDeveloping = "motivating-developing";
        public const string OwnerDependency = "owner-dependency";
    }

    public static IReadOnlyList<Activity> Activities { get; } =
    [
        new("rota", "Sorting out rotas, cover and scheduling clashes", Management, 0.8m),
        new("suppliers", "Choosing suppliers, ordering and stock decisions", Management, 0.7m),
        new("team-questions", "Answering the team's day-to-day questions", Management, 0.6m),
        new("billing", "Billing, claims, payments and chasing debts", Management, 0.9m),
        new("budgets", "Budgets, payroll and the practice accounts", Management, 0.3m),
        new("compliance", "Compliance, audits, policies and inspections", Management, 0.6m),
        new("facilities", "Premises, equipment and IT problems", Management, 0.8m),
        new("hiring-admin", "Recruitment paperwork, contracts and HR admin", Management, 0.7m),
        new("complaints", "Handling complaints and escalations", Management, 0.4m),
        new("direction", "Thinking about where the practice is going and setting goals", Leadership),
        new("roles", "Defining roles and what good work looks like", Leadership),
        new("processes", "Designing processes and systems so work runs without you", Leadership),
        new("developing", "Coaching, developing and reviewing your people", Leadership),
        new("culture", "Shaping culture: values, recognition, how people treat each other", Leadership),
        new("communicating", "Explaining decisions and priorities to the whole team", Leadership),
        new("clinical", "Seeing patients and clinical work", Clinical),
        new("clinical-admin", "Clinical notes, referrals and results", Clinical),
        new("other", "Anything else in your working week", Other),
    ];

    private static readonly IReadOnlyDictionary<int, string> Frequency = new Dictionary<int, string>
    {
        [1] = "Never",
        [2] = "Rarely",
        [3] = "Sometimes",
        [4] = "Often",
        [5] = "Almost always",
    };

    private static LikertItem Likert(string id, string subscale, string prompt, bool reverse = false, bool allowNotApplicable = false) =>
        new(id, prompt, subscale)
        {
            Required = true,
            Anchors = Frequency,
            ReverseKeyed = reverse,
            AllowNotApplicable = allowNotApplicable,
        };

    public static QuestionnaireDefinition Version1 { get; } = new(
        Key,
        1,
        "Where does your week go?",
        "A short assessment of how a practice owner's time splits between leading the practice, managing it and clinical work, and what that costs.",
        12,
        [
            new Section("practice", "Your practice", "A few facts so we compare you with practices like yours.",
            [
                new SingleChoiceItem("practice-type", "What kind of practice do you run?",
                [
                    new("medical", "Medical"),
                    new("dental", "Dental"),
                    new("veterinary", "Veterinary"),
                    new("other", "Other healthcare"),
                ]) { Required = true },
                new NumberItem("locations", "How many sites does the practice operate?") { Required = true, Min = 1, Max = 200, WholeNumber = true, Unit = "sites" },
                new NumberItem("team-size", "How many people work in the practice, counting part-timers as one each?") { Required = true, Min = 1, Max = 5000, WholeNumber = true, Unit = "people" },
                new SingleChoiceItem("practice-manager", "Is there a practice manager (or office manager) who runs daily operations?",
                [
                    new("yes", "Yes"),
                    new("no", "No"),
                ]) { Required = true },
                new NumberItem("clinical-hours", "Roughly how many hours a week do you spend on clinical work?") { Required = true, Min = 0, Max = 100, Unit = "hours" },
            ]),
            new Section("week-actual", "Your week as it is", "Think of a typical recent week, not your best one. Estimates are fine.",
            [
                new TimeAllocationItem("time-actual", "How many hours did you spend on each of these in a typical week?", Week.Actual, Activities)
                {
                    Required = true,
                    Help = "Leave an activity at 0 if it takes none of your time.",
                },
            ]),
            new Section("week-ideal", "Your week as you want it", "Now the week you would choose if the practice ran the way you want.",
            [
                new TimeAllocationItem("time-ideal", "How many hours would you spend on each of these in your ideal week?", Week.Ideal, Activities)
                {
                    Required = true,
                },
            ]),
            new Section("management", "Keeping things running", "How often is each of these true of you in a normal month?",
            [
                Likert("pb-1", Subscales.PlanningBudgeting, "I set a budget for the year and check the figures against it every month."),
                Likert("pb-2", Subscales.PlanningBudgeting, "I plan staffing and capacity for the coming months before problems appear."),
                Likert("pb-3", Subscales.PlanningBudgeting, "I find out about cash or cost problems only when they are already urgent.", reverse: true),
                Likert("pb-4", Subscales.PlanningBudgeting, "Spending decisions are made against an agreed plan rather than case by case."),
                Likert("os-1", Subscales.OrganisingStaffing, "Everyone in the team knows exactly which tasks are theirs."),
                Likert("os-2", Subscales.OrganisingStaffing, "When someone is off, cover is arranged without me stepping in.", allowNotApplicable: true),
                Likert("os-3", Subscales.OrganisingStaffing, "Vacancies stay open for weeks because nobody else can move hiring forward.", reverse: true),
                Likert("os-4", Subscales.OrganisingStaffing, "New starters follow a written induction that works without me."),
                Likert("cp-1", Subscales.ControllingProblemSolving, "We track a few numbers (bookings, waiting times, collections) and act when they slip."),
                Likert("cp-2", Subscales.ControllingProblemSolving, "The same operational problem keeps coming back week after week.", reverse: true),
                Likert("cp-3", Subscales.ControllingProblemSolving, "Problems are fixed at their cause, with a change to how we work."),
                Likert("cp-4", Subscales.ControllingProblemSolving, "Standard procedures are written down and followed."),
            ]),
            new Section("leadership", "Leading the practice", "How often is each of these true of you in a normal month?",
            [
                Likert("sd-1", Subscales.SettingDirection, "I can describe in two sentences where the practice will be in three years."),
                Likert("sd-2", Subscales.SettingDirection, "I block out time to think about the practice's future, and keep it."),
                Likert("sd-3", Subscales.SettingDirection, "Our goals for this year are written down and the team knows them."),
                Likert("sd-4", Subscales.SettingDirection, "Urgent daily issues push strategic work off my calendar.", reverse: true),
                Likert("ap-1", Subscales.AligningPeople, "Team members can explain why the practice does things the way it does."),
                Likert("ap-2", Subscales.AligningPeople, "I explain the reasons behind decisions, not only the decisions."),
                Likert("ap-3", Subscales.AligningPeople, "Different parts of the team pull in different directions.", reverse: true),
                Likert("ap-4", Subscales.AligningPeople, "Roles and what good work looks like are defined for every position."),
                Likert("md-1", Subscales.MotivatingDeveloping, "I hold regular one-to-one conversations about growth with my key people."),
                Likert("md-2", Subscales.MotivatingDeveloping, "I recognise good work openly and specifically."),
                Likert("md-3", Subscales.MotivatingDeveloping, "I only talk to team members about their work when something has gone wrong.", reverse: true),
                Likert("md-4", Subscales.MotivatingDeveloping, "People in the practice are given room to take on bigger responsibilities."),
            ]),
            new Section("dependency", "How much rests on you", "How often is each of these true?",
            [
                Likert("od-1", Subscales.OwnerDependency, "Decisions wait until I am available to make them."),
                Likert("od-2", Subscales.OwnerDependency, "Work slows down or stops when I am away."),
                Likert("od-3", Subscales.OwnerDependency, "The team brings me questions they could answer themselves."),
                Likert("od-4", Subscales.OwnerDependency, "I can take a week off without being contacted about work.", reverse: true),
            ]),
            new Section("sites", "Running more than one site", "Shown because your practice has more than one site.",
            [
                new SingleChoiceItem("site-leads", "Does each site have someone in charge of it day to day?",
                [
                    new("all", "Every site"),
                    new("some", "Some sites"),
                    new("none", "No site"),
                ]) { Required = true, VisibleIf = Condition.When("locations", GreaterThan, "1") },
                Likert("ms-1", Subscales.OwnerDependency, "I travel between sites to sort out problems in person.", allowNotApplicable: true)
                    with { VisibleIf = Condition.When("locations", GreaterThan, "1") },
            ]),
            new Section("closing", "In your own words", null,
            [
                new TextItem("frustration", "What frustrates you most about how your week goes today?") { MaxLength = 2000 },
                new MultiChoiceItem("priorities", "Which of these would you most like to change in the next three months?",
                [
                    new("more-strategy", "More time for strategy and growth"),
                    new("less-firefighting", "Less firefighting"),
                    new("stronger-team", "A team that solves more on its own"),
                    new("clinical-focus", "More focus on clinical work"),
                    new("less-hours", "Fewer hours overall"),
                ]) { MaxSelected = 3 },
            ]),
        ])
    {
        Scoring = new ScoringModel
        {
            PracticeTypeItem = "practice-type",
            TeamSizeItem = "team-size",
            DependencySubscale = Subscales.OwnerDependency,
            ManagementSubscales = [Subscales.PlanningBudgeting, Subscales.OrganisingStaffing, Subscales.ControllingProblemSolving],
            LeadershipSubscales = [Subscales.SettingDirection, Subscales.AligningPeople, Subscales.MotivatingDeveloping],
            SubscaleLabels = new Dictionary<string, string>
            {
                [Subscales.PlanningBudgeting] = "Planning and budgeting",
                [Subscales.OrganisingStaffing] = "Organising and staffing",
                [Subscales.ControllingProblemSolving] = "Controlling and problem solving",
                [Subscales.SettingDirection] = "Setting direction",
                [Subscales.AligningPeople] = "Aligning people",
                [Subscales.MotivatingDeveloping] = "Motivating and developing",
                [Subscales.OwnerDependency] = "Owner dependency",
            },
        },
    };
}
