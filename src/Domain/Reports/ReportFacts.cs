using Assessment.Domain.Questionnaires;
using Assessment.Domain.Scoring;

namespace Assessment.Domain.Reports;

/// <summary>What the recommendation rules read: the scored result and the answers behind it.</summary>
public sealed class ReportFacts(QuestionnaireDefinition definition, AnswerSet answers, AssessmentResult result)
{
    public QuestionnaireDefinition Definition { get; } = definition;

    public AnswerSet Answers { get; } = answers;

    public AssessmentResult Result { get; } = result;

    public decimal? Share => Result.ActualWeek.LeadershipShare;

    public decimal? IdealShare => Result.IdealWeek.LeadershipShare;

    public decimal Hours(TimeCategory category, Week week = Week.Actual) =>
        (week == Week.Actual ? Result.ActualWeek : Result.IdealWeek).Categories[(int)category].Hours;

    public decimal ManagementHours => Hours(TimeCategory.Management);

    public decimal LeadershipHours => Hours(TimeCategory.Leadership);

    /// <summary>Hours given to one activity in the actual (or ideal) week.</summary>
    public decimal ActivityHours(string activityId, Week week = Week.Actual)
    {
        foreach (var item in Definition.Items)
        {
            if (item is TimeAllocationItem allocation && allocation.Week == week && Answers[item.Id] is AllocationAnswer a
                && a.Hours.TryGetValue(activityId, out var hours) && hours > 0)
            {
                return hours;
            }
        }
        return 0;
    }

    /// <summary>Management activities of the actual week by the hours others could take, largest first.</summary>
    public IReadOnlyList<(Activity Activity, decimal Hours, decimal Delegable)> DelegableActivities()
    {
        var found = new List<(Activity, decimal, decimal)>();
        foreach (var item in Definition.Items)
        {
            if (item is TimeAllocationItem { Week: Week.Actual } allocation)
            {
                foreach (var activity in allocation.Activities.Where(a => a.Category == TimeCategory.Management && a.Delegable > 0))
                {
                    var hours = ActivityHours(activity.Id);
                    if (hours > 0)
                    {
                        found.Add((activity, hours, hours * activity.Delegable));
                    }
                }
            }
        }
        return [.. found.OrderByDescending(f => f.Item3).ThenBy(f => f.Item1.Id, StringComparer.Ordinal)];
    }

    public decimal? Subscale(string name) => Result.Subscales.FirstOrDefault(s => s.Subscale == name)?.Score;

    public string? Choice(string itemId) => Answers[itemId] is TextAnswer t ? t.Value : null;

    public decimal? Number(string itemId) => Answers[itemId] is NumberAnswer n ? n.Value : null;

    public string? Text(string itemId) => Answers[itemId] is TextAnswer { Value.Length: > 0 } t ? t.Value : null;
}
