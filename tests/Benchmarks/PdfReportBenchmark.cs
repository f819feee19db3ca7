using Assessment.Api.Reports;
using Assessment.Api.Reports.Pdf;
using Assessment.Domain;
using Assessment.Domain.Benchmarks;
using Assessment.Domain.Instruments;
using Assessment.Domain.Questionnaires;
using Assessment.Domain.Reports;
using Assessment.Domain.Scoring;
using BenchmarkDotNet.Attributes;

namespace Assessment.Benchmarks;

/// <summary>Rendering one owner report (A4) to PDF in memory. Target: at most 150 ms.</summary>
[MemoryDiagnoser]
[InProcess]
public class PdfReportBenchmark
{
    private ReportView? _view;

    [GlobalSetup]
    public void Setup()
    {
        var answers = new List<KeyValuePair<string, AnswerValue>>
        {
            new("practice-type", new TextAnswer("dental")),
            new("locations", new NumberAnswer(1)),
            new("team-size", new NumberAnswer(12)),
            new("practice-manager", new TextAnswer("no")),
            new("clinical-hours", new NumberAnswer(30)),
            new("time-actual", Hours(("rota", 10), ("suppliers", 6), ("billing", 4), ("direction", 3), ("developing", 2), ("clinical", 30))),
            new("time-ideal", Hours(("rota", 3), ("direction", 8), ("developing", 6), ("processes", 4), ("clinical", 28))),
            new("frustration", new TextAnswer("Everything waits for me.")),
        };
        var value = 1;
        foreach (var item in OwnerTime.Version1.Items.OfType<LikertItem>().Where(i => i.VisibleIf is null))
        {
            answers.Add(new(item.Id, new NumberAnswer(value++ % 5 + 1)));
        }
        var set = AnswerSet.From(answers);
        var definition = OwnerTime.Version1;
        var result = Scorer.Score(definition, set);
        var report = OwnerTimeReport.Build(definition, set, result, new DateOnly(2025, 3, 3));
        _view = new ReportView(
            "Northside Consulting",
            Guid.Empty,
            "Dr Ada Example",
            "Riverside Dental",
            new DateTimeOffset(2025, 3, 3, 9, 30, 0, TimeSpan.Zero),
            definition,
            report,
            new BenchmarkResult(true, "practice-type-and-size", "dental", "10-19", 120, 64, null),
            null,
            "https://example.test/book");
        // Load the embedded fonts before measuring, as a running server would have.
        PdfReport.Render(_view, PaperSize.A4);
    }

    [Benchmark]
    public long RenderOwnerReportA4()
    {
        using var output = new MemoryStream();
        PdfReport.Write(_view!, PaperSize.A4, output);
        return output.Length;
    }

    private static AllocationAnswer Hours(params (string Activity, decimal Hours)[] hours) =>
        new(hours.ToDictionary(h => h.Activity, h => h.Hours, StringComparer.Ordinal));
}
