using Assessment.Api.Reports;
using Assessment.Domain;
using Assessment.Domain.Benchmarks;
using Assessment.Domain.Instruments;
using Assessment.Domain.Questionnaires;
using Assessment.Domain.Reports;
using Assessment.Domain.Scoring;
using Assessment.Web;
using BenchmarkDotNet.Attributes;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Assessment.Benchmarks;

/// <summary>Rendering one owner report as a complete HTML document. Target: at most 20 ms.</summary>
[MemoryDiagnoser]
[InProcess]
public class HtmlReportBenchmark
{
    private ServiceProvider _services = default!;
    private ReportHtml _renderer = default!;
    private ReportView _view = default!;

    [GlobalSetup]
    public void Setup()
    {
        _services = new ServiceCollection().AddSingleton<ILoggerFactory>(NullLoggerFactory.Instance).BuildServiceProvider();
        _renderer = new ReportHtml(_services, NullLoggerFactory.Instance);
        _view = SampleReport.View(consultant: false);
    }

    [Benchmark]
    public Task<string> RenderOwnerReportHtml() => _renderer.RenderAsync(_view, CancellationToken.None);

    [GlobalCleanup]
    public void Cleanup() => _services.Dispose();
}

/// <summary>A complete owner-time report with several recommendations, for the rendering benchmarks.</summary>
public static class SampleReport
{
    public static ReportView View(bool consultant)
    {
        var definition = OwnerTime.Version1;
        var answers = AnswerSet.Empty
            .With("practice-type", new TextAnswer("dental"))
            .With("locations", new NumberAnswer(1))
            .With("team-size", new NumberAnswer(12))
            .With("practice-manager", new TextAnswer("no"))
            .With("clinical-hours", new NumberAnswer(30))
            .With("time-actual", new AllocationAnswer(new Dictionary<string, decimal> { ["rota"] = 10, ["suppliers"] = 6, ["billing"] = 4, ["direction"] = 3, ["developing"] = 2, ["clinical"] = 30 }))
            .With("time-ideal", new AllocationAnswer(new Dictionary<string, decimal> { ["rota"] = 2, ["billing"] = 2, ["direction"] = 6, ["developing"] = 4, ["culture"] = 2, ["clinical"] = 28 }))
            .With("frustration", new TextAnswer("Every small question lands on my desk."));
        foreach (var item in definition.Items.OfType<LikertItem>().Where(i => i.VisibleIf is null))
        {
            answers = answers.With(item.Id, new NumberAnswer(item.Subscale == OwnerTime.Subscales.OwnerDependency ? 4 : 2));
        }
        var result = Scorer.Score(definition, answers);
        var report = OwnerTimeReport.Build(definition, answers, result, new DateOnly(2026, 11, 23));
        return new ReportView("Demo Practice Advisers", Guid.NewGuid(), "Dr Owner", "Smile Dental", DateTimeOffset.UtcNow, definition, report,
            new BenchmarkResult(true, "practice-type", "dental", null, 240, 35, null),
            consultant ? ConsultantBriefing.Build(definition, answers, report) : null, null);
    }
}
