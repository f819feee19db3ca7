using System.Globalization;
using Assessment.Domain.Benchmarks;
using Assessment.Domain.Questionnaires;
using Assessment.Domain.Reports;
using Assessment.Domain.Scoring;
using SkiaSharp;

namespace Assessment.Api.Reports.Pdf;

/// <summary>
/// The report as a PDF, drawn in-process with Skia's PDF backend: real, selectable text in the embedded DejaVu fonts,
/// automatic page breaks, and a footer with the page number and the workspace. The same view gives the same bytes:
/// nothing here reads the clock or the current culture, and Skia writes no creation date or document id unless
/// asked to. Note that the SkiaSharp native build embeds each font whole (it has no font subsetter), so every PDF
/// carries about 750 KB of compressed font data.
/// </summary>
public static class PdfReport
{
    public const string DocumentTitle = "Leadership and management report";

    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    /// <summary>Writes the report as PDF to the stream.</summary>
    public static void Write(ReportView view, PaperSize paper, Stream output)
    {
        ArgumentNullException.ThrowIfNull(view);
        ArgumentNullException.ThrowIfNull(output);
        var (width, height) = paper switch
        {
            PaperSize.A4 => (595f, 842f),
            PaperSize.Letter => (612f, 792f),
            _ => throw new ArgumentOutOfRangeException(nameof(paper), paper, "Unknown paper size."),
        };
        var metadata = SKDocumentPdfMetadata.Default;
        metadata.Title = DocumentTitle;
        metadata.Author = view.WorkspaceName;
        metadata.Creator = "Assessment";
        metadata.Subject = view.IsConsultantVersion ? "Consultant version" : "Owner version";
        using var document = SKDocument.CreatePdf(output, metadata)
            ?? throw new InvalidOperationException("Skia could not start a PDF document.");
        using var styles = new PdfStyles(view.BrandColor is { } colour && SKColor.TryParse(colour, out var brand) ? brand : null);
        var flow = new PdfFlow(document, styles, width, height,
            view.PracticeName is { Length: > 0 } practice ? $"{DocumentTitle} · {practice}" : DocumentTitle,
            view.IsConsultantVersion ? "Consultant version" : null,
            view.WorkspaceName);
        new Composer(view, flow, styles).Compose();
        flow.Finish();
    }

    /// <summary>The report as PDF bytes.</summary>
    public static byte[] Render(ReportView view, PaperSize paper)
    {
        // The two embedded fonts alone take about 750 KB, so start with room for them.
        using var buffer = new MemoryStream(1 << 20);
        Write(view, paper, buffer);
        return buffer.ToArray();
    }

    private static string Number(decimal value) => value.ToString("0.####", Invariant);

    private static string Hours(decimal hours) => Number(hours) + " h";

    private static string SignedHours(decimal hours) => hours.ToString("+0.####;-0.####;0", Invariant) + " h";

    private static string Percent(decimal share) => Math.Round(share * 100).ToString("0", Invariant) + "%";

    private static string Date(DateOnly date) => date.ToString("yyyy-MM-dd", Invariant);

    /// <summary>Lays the sections out in order on one flow.</summary>
    private sealed class Composer(ReportView view, PdfFlow flow, PdfStyles s)
    {
        private const float ChartLabelWidth = 175;

        private readonly Report _report = view.Report;

        private AssessmentResult Result => _report.Result;

        public void Compose()
        {
            TitleBlock();
            Headline();
            Profile();
            KeyFigures();
            TimeSplit();
            Functions();
            StrengthsAndGaps();
            Recommendations();
            Plan();
            Structure();
            if (view.Consultant is { } notes)
            {
                Consultant(notes);
            }
            CallToAction();
            Versions();
        }

        private void Section(string title, float keepWithNext = 40) => flow.Heading(title, s.Heading, keepWithNext, rule: true);

        private void Subsection(string title) => flow.Heading(title, s.Subheading, keepWithNext: 28, rule: false);

        private void TitleBlock()
        {
            if (view.IsConsultantVersion)
            {
                flow.Paragraph("Consultant version — includes the talking points and every answer; not for sharing with the owner as is.", s.Marker, after: 6);
            }
            flow.Paragraph("Where your week goes", s.Title, after: 4);
            if (view.PracticeName is { Length: > 0 } practice)
            {
                flow.Paragraph(practice, s.Subheading, after: 1);
            }
            if (view.RespondentName is { Length: > 0 } respondent)
            {
                flow.Paragraph("Prepared for " + respondent, s.Body, after: 1);
            }
            flow.Paragraph($"{view.WorkspaceName} · submitted {view.SubmittedAt.ToString("yyyy-MM-dd", Invariant)}", s.Secondary, after: 12);
        }

        private void Headline()
        {
            var actual = Result.ActualWeek;
            var ideal = Result.IdealWeek;
            var lines = new List<PanelLine>
            {
                new(actual.LeadershipShare is { } share ? "Leadership share: " + Percent(share) : "Leadership share: not available", s.Headline),
            };
            if (actual.LeadershipShare is null)
            {
                lines.Add(new(actual.LeadershipShareReason ?? "No leadership or management hours were given.", s.Secondary, 2));
            }
            lines.Add(new(ideal.LeadershipShare is { } wanted
                ? "In the week you want: " + Percent(wanted)
                : "In the week you want: not available" + (ideal.LeadershipShareReason is { } reason ? $" ({reason})" : ""), s.BodyBold, 4));
            lines.Add(new("Of the hours you spend leading or managing the practice, the part that goes to leading it: setting direction, shaping roles and processes, and developing people.", s.Secondary, 3));
            flow.Panel(lines);
        }

        private void Profile()
        {
            Section("Your profile");
            var profile = Result.Profile;
            flow.Paragraph(profile.Label, s.Subheading, after: 2);
            flow.Paragraph(profile.Summary, s.Body, after: 3);
            flow.Paragraph("Chosen because: " + profile.Rule, s.Secondary, after: 2);
        }

        private void KeyFigures()
        {
            Section("Key figures");
            var dependency = Result.OwnerDependency is { } d
                ? Number(d) + " / 100"
                : "not available" + (Reason(view.Definition.Scoring.DependencySubscale) is { } why ? " — " + why : "");
            IReadOnlyList<IReadOnlyList<string>> rows =
            [
                ["Hours a week you could hand on", Hours(Result.HoursReclaimable)],
                ["Owner dependency", dependency],
                ["Compared with other practices", BenchmarkText(view.Benchmark)],
            ];
            flow.Table([new("", 0.42f, Style: s.Secondary), new("", 0.58f, Style: s.BodyBold)], rows, s.Body, header: false);
        }

        private string? Reason(string? subscale) =>
            subscale is null ? null : Result.Subscales.FirstOrDefault(x => x.Subscale == subscale)?.Reason;

        private string BenchmarkText(BenchmarkResult? benchmark) => benchmark switch
        {
            { Available: true, Percentile: { } p } b =>
                $"Your leadership share is higher than about {Number(p)}% of {Cohort(b)}.",
            { Reason: { } reason } => reason,
            _ => "No comparison with other practices is available yet.",
        };

        private string Cohort(BenchmarkResult b)
        {
            var type = PracticeType(b.PracticeType);
            var cohort = b.Level switch
            {
                "practice-type-and-size" when type is not null => $"{type} practices with {b.TeamSizeBand} people",
                "practice-type" when type is not null => $"{type} practices",
                _ => "all practices that have taken this assessment",
            };
            return b.CohortSize is { } n ? $"{cohort} ({n.ToString("0", Invariant)} assessments)" : cohort;
        }

        /// <summary>The practice type as the questionnaire words it, in lower case ("dental", "other healthcare").</summary>
        private string? PracticeType(string? value)
        {
            if (value is null)
            {
                return null;
            }
            var item = view.Definition.Scoring.PracticeTypeItem is { } id ? view.Definition.FindItem(id) as SingleChoiceItem : null;
            var label = item?.Options.FirstOrDefault(o => o.Value == value)?.Label ?? value;
            return label.ToLowerInvariant();
        }

        private static string CategoryName(TimeCategory category) => category switch
        {
            TimeCategory.Leadership => "Leadership",
            TimeCategory.Management => "Management",
            TimeCategory.Clinical => "Clinical",
            _ => "Other",
        };

        private void TimeSplit()
        {
            Section("How your week splits");
            var actual = Result.ActualWeek;
            var ideal = Result.IdealWeek;
            var rows = new List<IReadOnlyList<string>>();
            for (var i = 0; i < actual.Categories.Count; i++)
            {
                var category = actual.Categories[i].Category;
                var wanted = HoursIn(ideal.Categories, category);
                rows.Add([CategoryName(category), Hours(actual.Categories[i].Hours), Hours(wanted), SignedHours(wanted - actual.Categories[i].Hours)]);
            }
            rows.Add(["Total", Hours(actual.TotalHours), Hours(ideal.TotalHours), SignedHours(ideal.TotalHours - actual.TotalHours)]);
            flow.Table(
            [
                new("Category", 0.4f),
                new("Your week now", 0.2f, AlignRight: true),
                new("The week you want", 0.2f, AlignRight: true),
                new("Change", 0.2f, AlignRight: true),
            ], rows, s.Body);

            flow.Space(4);
            var max = Math.Max(actual.Categories.Max(c => c.Hours), ideal.Categories.Max(c => c.Hours));
            var chart = actual.Categories
                .Select(c => new ChartRow(CategoryName(c.Category),
                [
                    new ChartBar(c.Hours, max, s.Fill, Hours(c.Hours)),
                    new ChartBar(HoursIn(ideal.Categories, c.Category), max, s.TintFill, Hours(HoursIn(ideal.Categories, c.Category))),
                ]))
                .ToList();
            flow.BarChart(chart, s.Body, ChartLabelWidth, track: false, [(s.Fill, "Your week now"), (s.TintFill, "The week you want")]);
        }

        private static decimal HoursIn(IReadOnlyList<CategoryHours> categories, TimeCategory category) =>
            categories.FirstOrDefault(c => c.Category == category)?.Hours ?? 0;

        private void Functions()
        {
            Section("The six functions and owner dependency");
            flow.Paragraph("Each is scored from 0 to 100 from your answers. For the six functions a higher score is better; for owner dependency a higher score means more of the practice rests on you.", s.Secondary, after: 6);
            var dependency = view.Definition.Scoring.DependencySubscale;
            var ordered = Result.Subscales.Where(x => x.Subscale != dependency).Concat(Result.Subscales.Where(x => x.Subscale == dependency));
            var rows = ordered
                .Select(x => x.Score is { } score
                    ? new ChartRow(view.Definition.Scoring.Label(x.Subscale), [new ChartBar(score, 100, s.Fill, Number(score))])
                    : new ChartRow(view.Definition.Scoring.Label(x.Subscale), [], "Not scored: " + (x.Reason ?? "too few answers were given.")))
                .ToList();
            flow.BarChart(rows, s.Body, ChartLabelWidth, track: true);
        }

        private void StrengthsAndGaps()
        {
            Section("Strengths and gaps");
            Subsection("Strengths");
            if (_report.Strengths.Count == 0)
            {
                flow.Paragraph("No function scores 60 or more yet.", s.Secondary);
            }
            else
            {
                flow.Bullets([.. _report.Strengths.Select(f => $"{f.Label}: {Number(f.Score)} / 100")], s.Body);
            }
            Subsection("Gaps");
            if (_report.Gaps.Count == 0)
            {
                flow.Paragraph("No function scores below 50, and owner dependency is below 60.", s.Secondary);
            }
            else
            {
                flow.Bullets([.. _report.Gaps.Select(f => $"{f.Label}: {Number(f.Score)} / 100")], s.Body);
            }
        }

        private void Recommendations()
        {
            var recommendations = _report.Recommendations;
            // The heading stays with the first recommendation, which itself stays on one page when it can.
            Section("Recommendations", recommendations.Count == 0 ? 40 : RecommendationHeight(recommendations[0]));
            if (recommendations.Count == 0)
            {
                flow.Paragraph("None of the recommendation rules applied to your answers.", s.Secondary);
                return;
            }
            var number = 0;
            foreach (var r in recommendations)
            {
                number++;
                flow.Keep(RecommendationHeight(r));
                flow.Heading($"{number.ToString(Invariant)}. {r.Title}", s.Subheading, keepWithNext: 3 * s.Body.LineHeight, rule: false);
                flow.Paragraph(Meta(r), s.Secondary, after: 3);
                flow.Paragraph(r.Why, s.Body, after: 4);
                flow.Paragraph("First steps", s.BodyBold, after: 2, keepWithNext: s.Body.LineHeight * 2);
                flow.Numbered(r.FirstSteps, s.Body, indent: 4);
            }
        }

        private static string Meta(Recommendation r) =>
            $"Priority: {PriorityName(r.Priority)} · " +
            (r.HoursPerWeek == 0 ? "Moves time rather than saving it" : $"Expected time back: {Number(r.HoursPerWeek)} h a week");

        private float RecommendationHeight(Recommendation r) => Math.Min(flow.PageBodyHeight * 0.8f,
            PdfFlow.MeasureHeading(s.Subheading) + flow.MeasureParagraph(Meta(r), s.Secondary, after: 3) + flow.MeasureParagraph(r.Why, s.Body)
            + flow.MeasureParagraph("First steps", s.BodyBold, after: 2) + flow.MeasureList(r.FirstSteps, s.Body, indent: 4));

        private static string PriorityName(Priority priority) => priority switch
        {
            Priority.High => "High",
            Priority.Medium => "Medium",
            _ => "Low",
        };

        private void Plan()
        {
            Section("Your 90-day plan");
            var titles = _report.Recommendations.ToDictionary(r => r.Id, r => r.Title, StringComparer.Ordinal);
            if (_report.Plan.Count == 0)
            {
                flow.Paragraph("There are no recommendations to plan around.", s.Secondary);
            }
            foreach (var phase in _report.Plan)
            {
                Subsection(phase.Title);
                flow.Bullets([.. phase.RecommendationIds.Select(id => titles.GetValueOrDefault(id, id))], s.Body);
            }
            flow.Space(6);
            flow.Paragraph($"Take the assessment again on {Date(_report.ReassessOn)} to see how far the balance has moved.", s.BodyBold, after: 2);
        }

        private void Structure()
        {
            Section("The structure that fits your practice");
            flow.Paragraph(_report.Structure.Title, s.Subheading, after: 2);
            flow.Paragraph(_report.Structure.Description, s.Body);
            if (_report.Outsourcing.Count == 0)
            {
                return;
            }
            Section("Administration to buy in");
            flow.Paragraph("Work that specialists can take on, with the hours it takes you now.", s.Secondary, after: 4);
            flow.Table(
            [
                new("Work", 0.24f, Style: s.BodyBold),
                new("What they do", 0.56f),
                new("Your hours now", 0.2f, AlignRight: true),
            ],
            [.. _report.Outsourcing.Select(o => (IReadOnlyList<string>)[o.Title, o.Description, Hours(o.HoursPerWeek) + " a week"])],
            s.Body);
        }

        private void Consultant(ConsultantNotes notes)
        {
            Section("For the discovery call");
            if (notes.TalkingPoints.Count == 0)
            {
                flow.Paragraph("There are no talking points.", s.Secondary);
            }
            else
            {
                flow.Bullets(notes.TalkingPoints, s.Body);
            }
            Section("Answers");
            // Short answers sit beside their question in a table; long ones (the week, free text) get the full width.
            const int ShortAnswer = 120;
            var table = new List<IReadOnlyList<string>>();
            string? section = null;
            foreach (var answer in notes.Answers)
            {
                if (answer.Section != section)
                {
                    AnswerTable(table);
                    section = answer.Section;
                    Subsection(section);
                }
                if (answer.Answer.Length <= ShortAnswer)
                {
                    table.Add([answer.Prompt, answer.Answer]);
                    continue;
                }
                AnswerTable(table);
                flow.Paragraph(answer.Prompt, s.Secondary, indent: 0, after: 1, keepWithNext: s.Body.LineHeight);
                flow.Paragraph(answer.Answer, s.Body, indent: 12, after: 6);
            }
            AnswerTable(table);
        }

        private void AnswerTable(List<IReadOnlyList<string>> rows)
        {
            if (rows.Count == 0)
            {
                return;
            }
            flow.Table([new("", 0.7f, Style: s.Secondary), new("", 0.3f)], [.. rows], s.Body, header: false);
            rows.Clear();
        }

        private void CallToAction()
        {
            flow.Space(14);
            var lines = new List<PanelLine>
            {
                new("Book a discovery call", s.Headline),
                new("Talk your results through with a consultant and agree the first step together.", s.Body, 3),
            };
            lines.Add(view.BookingUrl is { Length: > 0 } url
                ? new PanelLine(url, s.Link, 4, url)
                : new PanelLine($"Ask {view.WorkspaceName} for a time that suits you.", s.Secondary, 4));
            flow.Panel(lines);
        }

        private void Versions()
        {
            flow.Space(10);
            var q = Result.Questionnaire;
            flow.Paragraph(
                $"Questionnaire {q.Key} version {q.Version.ToString(Invariant)} · scoring version {Result.ScoringVersion} · report rules {_report.RulesVersion}",
                s.Small, after: 0);
        }
    }
}
