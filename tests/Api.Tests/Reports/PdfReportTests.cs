using System.Text;
using System.Text.RegularExpressions;
using Assessment.Api.Reports;
using Assessment.Api.Reports.Pdf;
using Assessment.Domain;
using Assessment.Domain.Benchmarks;
using Assessment.Domain.Instruments;
using Assessment.Domain.Questionnaires;
using Assessment.Domain.Reports;
using Assessment.Domain.Scoring;
using UglyToad.PdfPig;
using UglyToad.PdfPig.Content;
using UglyToad.PdfPig.Parser.Parts;
using UglyToad.PdfPig.Tokenization.Scanner;
using UglyToad.PdfPig.Tokens;

namespace Assessment.Api.Tests.Reports;

/// <summary>The PDF writer, read back with PdfPig: content, page sizes, page breaks, embedded fonts and metadata.</summary>
public sealed partial class PdfReportTests
{
    private const string Workspace = "Northside Consulting";

    private static readonly DateTimeOffset Submitted = new(2025, 3, 3, 9, 30, 0, TimeSpan.Zero);

    private static readonly string[] StandardFonts = ["Times", "Helvetica", "Courier", "Symbol", "ZapfDingbats"];

    [Fact]
    public void Owner_report_states_the_leadership_share_and_the_top_recommendation()
    {
        var view = OwnerView();
        Assert.Equal(0.2m, view.Report.Result.LeadershipShare);

        var text = AllText(PdfReport.Render(view, PaperSize.A4));

        Assert.Contains("Leadership share: 20%", text, StringComparison.Ordinal);
        Assert.Contains("In the week you want: 86%", text, StringComparison.Ordinal);
        Assert.NotNull(view.Report.TopRecommendation);
        Assert.Equal("hand-over-operations", view.Report.TopRecommendation.Id);
        Assert.Contains(Normalise(view.Report.TopRecommendation.Title), text, StringComparison.Ordinal);
        Assert.Contains("Expected time back: 16 h a week", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Owner_report_has_every_section_with_the_numbers_of_the_model()
    {
        var view = OwnerView();
        var report = view.Report;

        var text = AllText(PdfReport.Render(view, PaperSize.A4));

        Assert.Contains("Where your week goes", text, StringComparison.Ordinal);
        Assert.Contains("Riverside Dental", text, StringComparison.Ordinal);
        Assert.Contains("Prepared for Dr Ada Example", text, StringComparison.Ordinal);
        Assert.Contains("submitted 2025-03-03", text, StringComparison.Ordinal);
        Assert.Contains(Normalise(report.Result.Profile.Label), text, StringComparison.Ordinal);
        Assert.Contains(Normalise("Chosen because: " + report.Result.Profile.Rule), text, StringComparison.Ordinal);
        Assert.Contains("Hours a week you could hand on 16 h", text, StringComparison.Ordinal);
        Assert.Contains("75 / 100", text, StringComparison.Ordinal);
        Assert.Contains("higher than about 64% of dental practices with 10-19 people (120 assessments)", text, StringComparison.Ordinal);
        // The time split table: actual, ideal and change per category.
        Assert.Contains("Leadership 5 h 18 h +13 h", text, StringComparison.Ordinal);
        Assert.Contains("Management 20 h 3 h -17 h", text, StringComparison.Ordinal);
        Assert.Contains("Clinical 30 h 28 h -2 h", text, StringComparison.Ordinal);
        // Every subscale of the chart, with its score written beside the bar.
        foreach (var subscale in report.Result.Subscales)
        {
            Assert.Contains(Normalise(view.Definition.Scoring.Label(subscale.Subscale)), text, StringComparison.Ordinal);
        }
        Assert.Contains("Planning and budgeting 25", text, StringComparison.Ordinal);
        Assert.Contains("Moves time rather than saving it", text, StringComparison.Ordinal);
        Assert.Contains("Days 1–30: start", text, StringComparison.Ordinal);
        Assert.Contains("Take the assessment again on 2025-06-01", text, StringComparison.Ordinal);
        Assert.Contains(Normalise(report.Structure.Title), text, StringComparison.Ordinal);
        Assert.Contains("Billing and claims", text, StringComparison.Ordinal);
        Assert.Contains("Book a discovery call", text, StringComparison.Ordinal);
        Assert.Contains("https://example.test/book/northside", text, StringComparison.Ordinal);
        Assert.Contains("Questionnaire owner-time version 1 · scoring version 1 · report rules owner-time-report-1", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Recommendations_appear_in_the_order_of_the_report()
    {
        var view = OwnerView();
        Assert.True(view.Report.Recommendations.Count >= 5, "the test answers should fire several recommendations");

        var text = AllText(PdfReport.Render(view, PaperSize.A4));

        var positions = view.Report.Recommendations
            .Select((r, i) => text.IndexOf(Normalise($"{i + 1}. {r.Title}"), StringComparison.Ordinal))
            .ToList();
        Assert.All(positions, p => Assert.True(p >= 0));
        Assert.Equal(positions.Order(), positions);
    }

    [Theory]
    [InlineData(PaperSize.A4, 595, 842)]
    [InlineData(PaperSize.Letter, 612, 792)]
    public void Pages_have_the_size_of_the_paper(PaperSize paper, double width, double height)
    {
        using var pdf = PdfDocument.Open(PdfReport.Render(ConsultantView(), paper));

        Assert.True(pdf.NumberOfPages > 1);
        foreach (var page in pdf.GetPages())
        {
            Assert.Equal(width, page.Width, 1);
            Assert.Equal(height, page.Height, 1);
        }
    }

    [Theory]
    [InlineData(PaperSize.A4)]
    [InlineData(PaperSize.Letter)]
    public void Text_stays_inside_the_page_and_every_page_has_a_footer(PaperSize paper)
    {
        using var pdf = PdfDocument.Open(PdfReport.Render(ConsultantView(), paper));

        foreach (var page in pdf.GetPages())
        {
            AssertInsideThePage(page);
            var text = PageText(page);
            Assert.EndsWith($"{Workspace} Page {page.Number}", text, StringComparison.Ordinal);
            // Something besides the running header and the footer is on every page.
            Assert.True(page.GetWords().Count() > 12, $"page {page.Number} is almost empty");
        }
    }

    [Fact]
    public void Long_names_and_unbroken_text_are_wrapped_or_shortened_inside_the_page()
    {
        var frustration = string.Join(' ', Enumerable.Repeat("Every decision waits for me.", 40))
            + "\n\n" + new string('x', 400) + "\nLast line.";
        var view = ViewOf(CompleteAnswers().With("frustration", new TextAnswer(frustration)), consultant: true) with
        {
            WorkspaceName = string.Concat(Enumerable.Repeat("Very Long Consulting Workspace Name ", 8)),
            PracticeName = string.Concat(Enumerable.Repeat("Riverside Family Dental And Implant Centre ", 6)),
            BookingUrl = "https://example.test/book/" + new string('b', 200),
        };

        using var pdf = PdfDocument.Open(PdfReport.Render(view, PaperSize.Letter));

        foreach (var page in pdf.GetPages())
        {
            AssertInsideThePage(page);
            Assert.EndsWith($"Page {page.Number}", PageText(page), StringComparison.Ordinal);
        }
        var text = string.Join(' ', pdf.GetPages().Select(PageText));
        Assert.Contains("Last line.", text, StringComparison.Ordinal);
        // The unbroken word is cut into lines, and none of it is lost.
        var joined = text.Replace(" ", "", StringComparison.Ordinal);
        Assert.Contains(new string('x', 400), joined, StringComparison.Ordinal);
        Assert.DoesNotContain(new string('x', 401), joined, StringComparison.Ordinal);
    }

    [Fact]
    public void Consultant_version_with_all_answers_runs_over_several_pages()
    {
        using var pdf = PdfDocument.Open(PdfReport.Render(ConsultantView(), PaperSize.A4));

        Assert.True(pdf.NumberOfPages > 1, $"expected more than one page, got {pdf.NumberOfPages}");
        Assert.Contains("Page 2", PageText(pdf.GetPage(2)), StringComparison.Ordinal);
    }

    [Fact]
    public void Consultant_version_has_talking_points_and_answers_and_the_owner_version_has_neither()
    {
        var consultant = ConsultantView();
        var notes = consultant.Consultant!;
        var point = notes.TalkingPoints.Single(p => p.StartsWith("There is no practice manager", StringComparison.Ordinal));

        var consultantText = AllText(PdfReport.Render(consultant, PaperSize.A4));
        var ownerText = AllText(PdfReport.Render(OwnerView(), PaperSize.A4));

        Assert.Contains("Consultant version", consultantText, StringComparison.Ordinal);
        Assert.Contains("For the discovery call", consultantText, StringComparison.Ordinal);
        Assert.Contains(Normalise(point), consultantText, StringComparison.Ordinal);
        Assert.Contains("What frustrates you most about how your week goes today?", consultantText, StringComparison.Ordinal);
        Assert.Contains("Everything waits for me, even the stock orders.", consultantText, StringComparison.Ordinal);
        Assert.Contains("Sorting out rotas, cover and scheduling clashes: 10 h", consultantText, StringComparison.Ordinal);

        Assert.DoesNotContain("Consultant version", ownerText, StringComparison.Ordinal);
        Assert.DoesNotContain("For the discovery call", ownerText, StringComparison.Ordinal);
        Assert.DoesNotContain("There is no practice manager", ownerText, StringComparison.Ordinal);
        Assert.DoesNotContain("What frustrates you most", ownerText, StringComparison.Ordinal);
    }

    [Fact]
    public void Missing_leadership_share_reads_not_available_with_the_reason()
    {
        var answers = CompleteAnswers()
            .With("time-actual", Hours(("clinical", 35), ("other", 5)));
        var view = ViewOf(answers, consultant: false);
        Assert.Null(view.Report.Result.LeadershipShare);

        var text = AllText(PdfReport.Render(view, PaperSize.A4));

        Assert.Contains("Leadership share: not available", text, StringComparison.Ordinal);
        Assert.Contains(Normalise(view.Report.Result.ActualWeek.LeadershipShareReason!), text, StringComparison.Ordinal);
        Assert.DoesNotContain("Leadership share: 0%", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Unscored_subscale_and_unavailable_benchmark_show_their_reasons()
    {
        var answers = CompleteAnswers().Without(["pb-1", "pb-2"]);
        var benchmark = new BenchmarkResult(false, null, null, null, null, null, "Too few comparable assessments so far.");
        var view = ViewOf(answers, consultant: false) with { Benchmark = benchmark };
        var reason = view.Report.Result.Subscales.Single(s => s.Subscale == OwnerTime.Subscales.PlanningBudgeting).Reason;
        Assert.NotNull(reason);

        var text = AllText(PdfReport.Render(view, PaperSize.A4));

        Assert.Contains(Normalise("Planning and budgeting Not scored: " + reason), text, StringComparison.Ordinal);
        Assert.Contains("Too few comparable assessments so far.", text, StringComparison.Ordinal);
        Assert.DoesNotContain("higher than about", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Every_font_is_embedded_and_none_is_a_standard_font()
    {
        var bytes = PdfReport.Render(ConsultantView(), PaperSize.A4);
        var raw = Encoding.Latin1.GetString(bytes);
        Assert.True(raw.Contains("/FontFile2", StringComparison.Ordinal) || raw.Contains("/FontFile3", StringComparison.Ordinal));

        using var pdf = PdfDocument.Open(bytes);
        var scanner = pdf.Structure.TokenScanner;
        var fonts = 0;
        foreach (var page in pdf.GetPages())
        {
            foreach (var name in page.Letters.Select(l => l.FontName ?? "").Distinct())
            {
                Assert.Contains("DejaVu", name, StringComparison.Ordinal);
                Assert.DoesNotContain(StandardFonts, s => name.Contains(s, StringComparison.OrdinalIgnoreCase));
            }
            var resources = Resolve<DictionaryToken>(page.Dictionary.Data["Resources"], scanner);
            var fontDictionary = Resolve<DictionaryToken>(resources.Data["Font"], scanner);
            foreach (var reference in fontDictionary.Data.Values)
            {
                var font = Resolve<DictionaryToken>(reference, scanner);
                if (font.Data.TryGetValue("DescendantFonts", out var descendants))
                {
                    var array = Resolve<ArrayToken>(descendants, scanner);
                    font = Resolve<DictionaryToken>(array.Data[0], scanner);
                }
                Assert.True(font.Data.TryGetValue("FontDescriptor", out var descriptorToken), $"font {font} has no descriptor");
                var descriptor = Resolve<DictionaryToken>(descriptorToken, scanner);
                Assert.True(
                    descriptor.Data.ContainsKey("FontFile") || descriptor.Data.ContainsKey("FontFile2") || descriptor.Data.ContainsKey("FontFile3"),
                    $"font {font} is not embedded");
                fonts++;
            }
        }
        Assert.True(fonts >= 2, "expected the regular and the bold font");
    }

    [Fact]
    public void Metadata_names_the_report_the_workspace_and_the_creator()
    {
        using var pdf = PdfDocument.Open(PdfReport.Render(OwnerView(), PaperSize.A4));

        Assert.Equal("Leadership and management report", pdf.Information.Title);
        Assert.Equal(Workspace, pdf.Information.Author);
        Assert.Equal("Assessment", pdf.Information.Creator);
    }

    [Fact]
    public void Same_view_gives_the_same_bytes()
    {
        var view = ConsultantView();

        var first = PdfReport.Render(view, PaperSize.A4);
        var second = PdfReport.Render(view with { Report = view.Report with { } }, PaperSize.A4);

        // Skia writes no creation date or document id unless asked to, so the whole file repeats.
        Assert.Equal(first, second);
        Assert.NotEqual(first, PdfReport.Render(view with { WorkspaceName = "Another workspace" }, PaperSize.A4));
    }

    [Fact]
    public void Renders_on_several_threads_at_once_give_the_same_bytes()
    {
        var view = OwnerView();
        var expected = PdfReport.Render(view, PaperSize.A4);

        var results = new byte[8][];
        Parallel.For(0, results.Length, i => results[i] = PdfReport.Render(view, PaperSize.A4));

        Assert.All(results, r => Assert.Equal(expected, r));
    }

    [Fact]
    public void Write_leaves_the_stream_open_and_does_not_depend_on_the_current_culture()
    {
        var view = OwnerView();
        var culture = System.Globalization.CultureInfo.CurrentCulture;
        try
        {
            System.Globalization.CultureInfo.CurrentCulture = System.Globalization.CultureInfo.GetCultureInfo("de-DE");
            using var stream = new MemoryStream();
            PdfReport.Write(view, PaperSize.A4, stream);

            Assert.True(stream.CanWrite);
            var text = AllText(stream.ToArray());
            Assert.Contains("Leadership share: 20%", text, StringComparison.Ordinal);
            Assert.Contains("Hours a week you could hand on 16 h", text, StringComparison.Ordinal);
            Assert.DoesNotContain("16,0", text, StringComparison.Ordinal);
        }
        finally
        {
            System.Globalization.CultureInfo.CurrentCulture = culture;
        }
    }

    [Fact]
    public void Wrapping_breaks_at_spaces_and_keeps_every_line_within_the_width()
    {
        using var styles = new PdfStyles();
        var body = styles.Body;
        const string Text = "Block two hours a week for direction, people and processes, the same slot every week. Supercalifragilisticexpialidociousandthensomemoreletters";

        var lines = PdfFlow.Wrap(Text, body, 120);

        Assert.True(lines.Count > 3);
        Assert.All(lines, l => Assert.True(body.Measure(l) <= 120.01f, $"'{l}' is wider than the line"));
        Assert.Equal(Text.Replace(" ", "", StringComparison.Ordinal), string.Concat(lines).Replace(" ", "", StringComparison.Ordinal));
        Assert.Contains("Block two hours a", lines[0], StringComparison.Ordinal);
        Assert.All(lines, l => Assert.False(l.StartsWith(' ') || l.EndsWith(' ')));
    }

    private static void AssertInsideThePage(Page page)
    {
        Assert.NotEmpty(page.Letters);
        foreach (var letter in page.Letters.Where(l => !string.IsNullOrWhiteSpace(l.Value)))
        {
            var box = letter.BoundingBox;
            Assert.True(box.Left >= 40 && box.Right <= page.Width - 40 && box.Bottom >= 15 && box.Top <= page.Height - 15,
                $"'{letter.Value}' on page {page.Number} at {box} runs into the page edge.");
        }
    }

    private static T Resolve<T>(IToken token, IPdfTokenScanner scanner) where T : class, IToken =>
        DirectObjectFinder.Get<T>(token, scanner) ?? throw new InvalidOperationException($"{token} is not a {typeof(T).Name}.");

    // --- building the views -------------------------------------------------------------------------------------

    [Theory]
    [InlineData(null, "#0B5CAD")]
    [InlineData("#7a1f5c", "#7A1F5C")]
    [InlineData("#f2e94e", "#0B5CAD")]
    public void Headings_take_the_brand_colour_when_it_reads_well_on_white(string? brand, string heading)
    {
        var view = OwnerView() with { BrandColor = brand };
        using var pdf = PdfDocument.Open(PdfReport.Render(view, PaperSize.A4));
        var letters = pdf.GetPage(1).Letters;
        var largest = letters.Max(l => l.PointSize);
        var (r, g, b) = letters.First(l => l.PointSize == largest && !string.IsNullOrWhiteSpace(l.Value)).Color.ToRGBValues();
        var expected = SkiaSharp.SKColor.Parse(heading);
        Assert.Equal(expected.Red, (int)Math.Round(r * 255));
        Assert.Equal(expected.Green, (int)Math.Round(g * 255));
        Assert.Equal(expected.Blue, (int)Math.Round(b * 255));
    }

    private static ReportView OwnerView() => ViewOf(CompleteAnswers(), consultant: false);

    private static ReportView ConsultantView() => ViewOf(CompleteAnswers(), consultant: true);

    private static ReportView ViewOf(AnswerSet answers, bool consultant)
    {
        var definition = OwnerTime.Version1;
        var result = Scorer.Score(definition, answers);
        var report = OwnerTimeReport.Build(definition, answers, result, DateOnly.FromDateTime(Submitted.UtcDateTime));
        var benchmark = new BenchmarkResult(true, "practice-type-and-size", "dental", "10-19", 120, 64, null);
        return new ReportView(
            Workspace,
            new Guid("3f2b9c1e-7a44-4d2b-9a0e-5c1d2e3f4a5b"),
            "Dr Ada Example",
            "Riverside Dental",
            Submitted,
            definition,
            report,
            benchmark,
            consultant ? ConsultantBriefing.Build(definition, answers, report) : null,
            "https://example.test/book/northside");
    }

    /// <summary>
    /// Every owner-time v1 item answered for a single-site dental practice of 12 without a practice manager. The
    /// actual week gives 5 leadership and 20 management hours (share 0.2); planning and controlling score 25 and
    /// owner dependency 75, so most recommendation rules fire.
    /// </summary>
    private static AnswerSet CompleteAnswers()
    {
        var answers = AnswerSet.From(new Dictionary<string, AnswerValue>
        {
            ["practice-type"] = new TextAnswer("dental"),
            ["locations"] = new NumberAnswer(1),
            ["team-size"] = new NumberAnswer(12),
            ["practice-manager"] = new TextAnswer("no"),
            ["clinical-hours"] = new NumberAnswer(30),
            ["time-actual"] = Hours(("rota", 10), ("suppliers", 6), ("billing", 4), ("direction", 3), ("developing", 2), ("clinical", 30)),
            ["time-ideal"] = Hours(("rota", 3), ("direction", 8), ("developing", 6), ("processes", 4), ("clinical", 28)),
            ["frustration"] = new TextAnswer("Everything waits for me, even the stock orders."),
            ["priorities"] = new ChoicesAnswer(["less-firefighting", "stronger-team"]),
        });
        // Position on the scale for each subscale; reverse-keyed items get the mirrored answer.
        var levels = new Dictionary<string, int>
        {
            [OwnerTime.Subscales.PlanningBudgeting] = 2,
            [OwnerTime.Subscales.OrganisingStaffing] = 3,
            [OwnerTime.Subscales.ControllingProblemSolving] = 2,
            [OwnerTime.Subscales.SettingDirection] = 4,
            [OwnerTime.Subscales.AligningPeople] = 4,
            [OwnerTime.Subscales.MotivatingDeveloping] = 3,
            [OwnerTime.Subscales.OwnerDependency] = 4,
        };
        foreach (var item in OwnerTime.Version1.Items.OfType<LikertItem>().Where(i => i.VisibleIf is null))
        {
            var level = levels[item.Subscale];
            answers = answers.With(item.Id, new NumberAnswer(item.ReverseKeyed ? 6 - level : level));
        }
        return answers;
    }

    private static AllocationAnswer Hours(params (string Activity, decimal Hours)[] hours) =>
        new(hours.ToDictionary(h => h.Activity, h => h.Hours, StringComparer.Ordinal));

    // --- reading the PDF back -----------------------------------------------------------------------------------

    private static string AllText(byte[] pdf)
    {
        using var document = PdfDocument.Open(pdf);
        return string.Join(' ', document.GetPages().Select(PageText));
    }

    /// <summary>The page's words joined with single spaces (page.Text may run words together).</summary>
    private static string PageText(Page page) => Normalise(string.Join(' ', page.GetWords().Select(w => w.Text)));

    private static string Normalise(string text) => Whitespace().Replace(text, " ").Trim();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();
}
