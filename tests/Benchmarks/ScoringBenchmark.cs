using Assessment.Domain;
using Assessment.Domain.Instruments;
using Assessment.Domain.Scoring;
using BenchmarkDotNet.Attributes;

namespace Assessment.Benchmarks;

/// <summary>Scoring one complete owner-time response. Target: at most 5 µs and 4 KB allocated.</summary>
[MemoryDiagnoser]
[InProcess]
public class ScoringBenchmark
{
    private AnswerSet _answers = AnswerSet.Empty;

    [GlobalSetup]
    public void Setup()
    {
        var answers = new List<KeyValuePair<string, AnswerValue>>
        {
            new("practice-type", new TextAnswer("dental")),
            new("locations", new NumberAnswer(2)),
            new("team-size", new NumberAnswer(14)),
            new("practice-manager", new TextAnswer("no")),
            new("clinical-hours", new NumberAnswer(24)),
            new("time-actual", new AllocationAnswer(OwnerTime.Activities.Select((a, i) => (a.Id, Hours: (decimal)(i % 5 + 1))).ToDictionary(x => x.Id, x => x.Hours))),
            new("time-ideal", new AllocationAnswer(OwnerTime.Activities.Select((a, i) => (a.Id, Hours: (decimal)(i % 3 + 1))).ToDictionary(x => x.Id, x => x.Hours))),
            new("site-leads", new TextAnswer("some")),
            new("frustration", new TextAnswer("Everything waits for me.")),
            new("priorities", new ChoicesAnswer(["less-firefighting", "stronger-team"])),
        };
        var value = 1;
        foreach (var item in OwnerTime.Version1.Items.OfType<Assessment.Domain.Questionnaires.LikertItem>())
        {
            answers.Add(new(item.Id, new NumberAnswer(value++ % 5 + 1)));
        }
        _answers = AnswerSet.From(answers);
    }

    [Benchmark]
    public AssessmentResult ScoreCompleteResponse() => Scorer.Score(OwnerTime.Version1, _answers);
}
