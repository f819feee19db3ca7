using System.Globalization;
using System.Text;
using SkiaSharp;

namespace Assessment.Api.Reports.Pdf;

/// <summary>A table column: its header, its share of the text width, and whether its cells align right.</summary>
internal sealed record TableColumn(string Header, float Share, bool AlignRight = false, TextStyle? Style = null);

/// <summary>One bar of a chart: its value on a scale from 0 to <paramref name="Max"/>, its fill and the figure written beside it.</summary>
internal sealed record ChartBar(decimal Value, decimal Max, SKPaint Paint, string Text);

/// <summary>A labelled row of a bar chart: one or more bars, or a note in their place when there is nothing to draw.</summary>
internal sealed record ChartRow(string Label, IReadOnlyList<ChartBar> Bars, string? Note = null);

/// <summary>A line of a shaded panel; a line with a URL becomes a link.</summary>
internal sealed record PanelLine(string Text, TextStyle Style, float SpaceBefore = 0, string? Url = null);

/// <summary>
/// A minimal flow layout over a Skia PDF document: a cursor moves down the page, blocks that do not fit start a
/// new page, and every page gets the running header and a footer with the page number. Text is wrapped at spaces
/// (and inside a word only when the word alone is wider than the line).
/// </summary>
internal sealed class PdfFlow
{
    public const float Margin = 50;

    private const float HeaderBaseline = 30;
    private const float FooterBaseline = 26;

    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    private readonly SKDocument _document;
    private readonly PdfStyles _styles;
    private readonly string _headerText;
    private readonly string? _headerTag;
    private readonly string _footerText;
    private SKCanvas? _canvas;
    private float _y;

    public PdfFlow(SKDocument document, PdfStyles styles, float pageWidth, float pageHeight, string headerText, string? headerTag, string footerText)
    {
        _document = document;
        _styles = styles;
        PageWidth = pageWidth;
        PageHeight = pageHeight;
        _headerText = headerText;
        _headerTag = headerTag;
        _footerText = footerText;
    }

    public float PageWidth { get; }

    public float PageHeight { get; }

    public float Left => Margin;

    public float Right => PageWidth - Margin;

    public float Width => Right - Left;

    public int PageCount { get; private set; }

    private float Top => Margin;

    private float Bottom => PageHeight - Margin;

    private bool AtTop => _canvas is not null && _y <= Top;

    /// <summary>Starts a new page unless <paramref name="height"/> points still fit on this one.</summary>
    public void Keep(float height)
    {
        if (_canvas is null || (!AtTop && _y + height > Bottom))
        {
            NewPage();
        }
    }

    /// <summary>Vertical space; none at the top of a page.</summary>
    public void Space(float height)
    {
        if (_canvas is not null && !AtTop)
        {
            _y += height;
        }
    }

    /// <summary>Ends the last page and closes the document.</summary>
    public void Finish()
    {
        if (_canvas is null && PageCount == 0)
        {
            NewPage();
        }
        if (_canvas is not null)
        {
            EndPage();
        }
        _document.Close();
    }

    public void Heading(string text, TextStyle style, float keepWithNext, bool rule)
    {
        Space(style.LineHeight * (rule ? 0.9f : 0.5f));
        var lines = Wrap(text, style, Width);
        Keep(lines.Count * style.LineHeight + (rule ? 4 : 0) + keepWithNext);
        foreach (var line in lines)
        {
            DrawText(line, style, Left, _y);
            _y += style.LineHeight;
        }
        if (rule)
        {
            _y += 1.5f;
            _canvas!.DrawLine(Left, _y, Right, _y, _styles.RuleStroke);
            _y += 5;
        }
        else
        {
            _y += 1;
        }
    }

    /// <summary>Wrapped text; lines move to the next page one by one.</summary>
    public void Paragraph(string text, TextStyle style, float indent = 0, float after = 4, float keepWithNext = 0)
    {
        var lines = Wrap(text, style, Width - indent);
        // Avoid leaving a single line at the foot of a page, or a lead-in without what it introduces.
        Keep(keepWithNext > 0 ? lines.Count * style.LineHeight + after + keepWithNext : style.LineHeight * Math.Min(lines.Count, 2));
        foreach (var line in lines)
        {
            Keep(style.LineHeight);
            DrawText(line, style, Left + indent, _y);
            _y += style.LineHeight;
        }
        _y += after;
    }

    /// <summary>A bulleted list.</summary>
    public void Bullets(IReadOnlyList<string> items, TextStyle style, float indent = 0) =>
        List(items, style, _ => "•", indent);

    /// <summary>A numbered list, 1, 2, 3 …</summary>
    public void Numbered(IReadOnlyList<string> items, TextStyle style, float indent = 0) =>
        List(items, style, i => (i + 1).ToString(Invariant) + ".", indent);

    private const float ListGutter = 14;

    private void List(IReadOnlyList<string> items, TextStyle style, Func<int, string> marker, float indent)
    {
        const float Gutter = ListGutter;
        for (var i = 0; i < items.Count; i++)
        {
            var lines = Wrap(items[i], style, Width - indent - Gutter);
            Keep(style.LineHeight * Math.Min(lines.Count, 2));
            DrawText(marker(i), style, Left + indent, _y);
            foreach (var line in lines)
            {
                Keep(style.LineHeight);
                DrawText(line, style, Left + indent + Gutter, _y);
                _y += style.LineHeight;
            }
            _y += 2;
        }
        _y += 2;
    }

    /// <summary>A table whose cells wrap; the header is repeated on every page the table runs onto.</summary>
    public void Table(IReadOnlyList<TableColumn> columns, IReadOnlyList<IReadOnlyList<string>> rows, TextStyle cell, bool header = true)
    {
        const float PadX = 5;
        const float PadY = 3.5f;
        var headerStyle = _styles.SmallBold;
        var headerHeight = headerStyle.LineHeight + 2 * PadY;
        var lefts = new float[columns.Count];
        var widths = new float[columns.Count];
        var x = Left;
        for (var c = 0; c < columns.Count; c++)
        {
            lefts[c] = x;
            widths[c] = columns[c].Share * Width;
            x += widths[c];
        }
        var headerPage = -1;
        foreach (var row in rows)
        {
            var cells = new List<string>[columns.Count];
            var height = 0f;
            for (var c = 0; c < columns.Count; c++)
            {
                var style = columns[c].Style ?? cell;
                cells[c] = Wrap(c < row.Count ? row[c] : "", style, widths[c] - 2 * PadX);
                height = Math.Max(height, cells[c].Count * style.LineHeight);
            }
            height += 2 * PadY;
            Keep(header && headerPage != PageCount ? headerHeight + height : height);
            if (header && headerPage != PageCount)
            {
                for (var c = 0; c < columns.Count; c++)
                {
                    var right = columns[c].AlignRight;
                    DrawText(columns[c].Header, headerStyle, right ? lefts[c] + widths[c] - PadX : lefts[c] + PadX, _y + PadY, right);
                }
                _y += headerHeight;
                _canvas!.DrawLine(Left, _y, Right, _y, _styles.StrongRuleStroke);
                headerPage = PageCount;
            }
            for (var c = 0; c < columns.Count; c++)
            {
                var style = columns[c].Style ?? cell;
                var right = columns[c].AlignRight;
                var top = _y + PadY;
                foreach (var line in cells[c])
                {
                    DrawText(line, style, right ? lefts[c] + widths[c] - PadX : lefts[c] + PadX, top, right);
                    top += style.LineHeight;
                }
            }
            _y += height;
            _canvas!.DrawLine(Left, _y, Right, _y, _styles.RuleStroke);
        }
        _y += 6;
    }

    /// <summary>
    /// A horizontal bar chart, kept on one page: an optional legend, then per row the label on the left, the bars, and
    /// each bar's figure written beside it (on the label's baseline for the first bar, so the text reads "label
    /// figure"). With a track, the whole scale is shaded behind each bar and the figures line up after it.
    /// </summary>
    public void BarChart(IReadOnlyList<ChartRow> rows, TextStyle labelStyle, float labelWidth, bool track,
        IReadOnlyList<(SKPaint Paint, string Text)>? legend = null)
    {
        const float BarHeight = 10;
        const float BarGap = 3;
        const float RowGap = 6;
        const float ValueGap = 6;
        const float ValueWidth = 44;
        var valueStyle = _styles.SmallInk;
        var noteStyle = _styles.Secondary;
        var legendStyle = _styles.Small;
        var barLeft = Left + labelWidth;
        var barRight = Right - ValueWidth;
        var barWidth = barRight - barLeft;
        var line = labelStyle.LineHeight;
        var barsTop = Math.Max(0, (line - BarHeight) / 2);

        var laidOut = new List<(ChartRow Row, List<string> Label, List<string>? Note, float Height)>(rows.Count);
        var total = legend is null ? 0 : legendStyle.LineHeight + 4;
        foreach (var row in rows)
        {
            var label = Wrap(row.Label, labelStyle, labelWidth - 10);
            var note = row.Note is null ? null : Wrap(row.Note, noteStyle, Right - barLeft);
            var bars = note is not null
                ? note.Count * noteStyle.LineHeight
                : 2 * barsTop + row.Bars.Count * BarHeight + Math.Max(0, row.Bars.Count - 1) * BarGap;
            var height = Math.Max(label.Count * line, bars);
            laidOut.Add((row, label, note, height));
            total += height + RowGap;
        }
        // Keep the chart in one piece unless it is longer than a page.
        Keep(Math.Min(total, Bottom - Top));

        if (legend is not null)
        {
            var x = barLeft;
            foreach (var (paint, text) in legend)
            {
                const float Square = 7;
                _canvas!.DrawRect(x, _y + (legendStyle.LineHeight - Square) / 2, Square, Square, paint);
                x += Square + 4;
                DrawText(text, legendStyle, x, _y);
                x += legendStyle.Measure(text) + 14;
            }
            _y += legendStyle.LineHeight + 4;
        }

        foreach (var (row, label, note, height) in laidOut)
        {
            Keep(height + RowGap);
            var top = _y;
            foreach (var text in label)
            {
                DrawText(text, labelStyle, Left, top);
                top += line;
            }
            var baseline = _y + labelStyle.Baseline;
            if (note is not null)
            {
                top = _y;
                foreach (var text in note)
                {
                    DrawText(text, noteStyle, barLeft, top);
                    top += noteStyle.LineHeight;
                }
            }
            else
            {
                top = _y + barsTop;
                foreach (var bar in row.Bars)
                {
                    if (track)
                    {
                        _canvas!.DrawRect(barLeft, top, barWidth, BarHeight, _styles.TrackFill);
                    }
                    var fraction = bar.Max <= 0 ? 0f : (float)Math.Clamp(bar.Value / bar.Max, 0, 1);
                    var width = fraction * barWidth;
                    if (width > 0)
                    {
                        _canvas!.DrawRect(barLeft, top, width, BarHeight, bar.Paint);
                    }
                    var valueX = track ? barRight + ValueGap : barLeft + width + ValueGap;
                    DrawText(bar.Text, valueStyle, valueX, baseline - valueStyle.Baseline);
                    top += BarHeight + BarGap;
                    baseline += BarHeight + BarGap;
                }
            }
            _y += height + RowGap;
        }
        _y += 2;
    }

    /// <summary>The height <see cref="Paragraph"/> would take.</summary>
    public float MeasureParagraph(string text, TextStyle style, float indent = 0, float after = 4) =>
        Wrap(text, style, Width - indent).Count * style.LineHeight + after;

    /// <summary>The height <see cref="Bullets"/> or <see cref="Numbered"/> would take.</summary>
    public float MeasureList(IReadOnlyList<string> items, TextStyle style, float indent = 0) =>
        items.Sum(item => Wrap(item, style, Width - indent - ListGutter).Count * style.LineHeight + 2) + 2;

    /// <summary>The height a heading without a rule would take, including the space above it.</summary>
    public static float MeasureHeading(TextStyle style) => style.LineHeight * 1.5f + 1;

    /// <summary>The height of the text area of a page.</summary>
    public float PageBodyHeight => Bottom - Top;

    /// <summary>A shaded panel with an accent edge; kept on one page.</summary>
    public void Panel(IReadOnlyList<PanelLine> lines)
    {
        const float Pad = 10;
        const float Edge = 3;
        var inner = Width - 2 * Pad - Edge;
        var wrapped = new List<(string Text, PanelLine Source, float SpaceBefore)>();
        var height = 2 * Pad;
        foreach (var line in lines)
        {
            var first = true;
            foreach (var text in Wrap(line.Text, line.Style, inner))
            {
                var before = first ? line.SpaceBefore : 0;
                wrapped.Add((text, line, before));
                height += before + line.Style.LineHeight;
                first = false;
            }
        }
        Keep(height);
        var canvas = _canvas!;
        canvas.DrawRect(Left, _y, Width, height, _styles.WashFill);
        canvas.DrawRect(Left, _y, Edge, height, _styles.Fill);
        var y = _y + Pad;
        var x = Left + Edge + Pad;
        foreach (var (text, source, before) in wrapped)
        {
            y += before;
            DrawText(text, source.Style, x, y);
            if (source.Url is not null)
            {
                var rect = new SKRect(x, y, x + source.Style.Measure(text), y + source.Style.LineHeight);
                using var annotation = canvas.DrawUrlAnnotation(rect, source.Url);
            }
            y += source.Style.LineHeight;
        }
        _y += height;
    }

    /// <summary>Wraps text to lines no wider than <paramref name="width"/>, breaking at spaces and at line breaks.</summary>
    public static List<string> Wrap(string text, TextStyle style, float width)
    {
        var lines = new List<string>();
        var line = new StringBuilder();
        foreach (var range in text.AsSpan().Split('\n'))
        {
            var paragraph = text.AsSpan(range).TrimEnd('\r');
            line.Clear();
            var lineWidth = 0f;
            foreach (var wordRange in paragraph.SplitAny(" \t"))
            {
                var word = paragraph[wordRange];
                if (word.IsEmpty)
                {
                    continue;
                }
                var wordWidth = style.Measure(word);
                if (line.Length > 0 && lineWidth + style.SpaceWidth + wordWidth <= width)
                {
                    line.Append(' ').Append(word);
                    lineWidth += style.SpaceWidth + wordWidth;
                    continue;
                }
                if (line.Length > 0)
                {
                    lines.Add(line.ToString());
                    line.Clear();
                }
                // A word wider than the line is cut where it reaches the edge.
                while (wordWidth > width && word.Length > 1)
                {
                    var fits = Math.Max(1, (int)style.Font.BreakText(word, width, out _, style.Paint));
                    if (fits < word.Length && char.IsHighSurrogate(word[fits - 1]) && fits > 1)
                    {
                        fits--;
                    }
                    lines.Add(word[..fits].ToString());
                    word = word[fits..];
                    wordWidth = style.Measure(word);
                }
                line.Append(word);
                lineWidth = wordWidth;
            }
            lines.Add(line.ToString());
        }
        return lines;
    }

    /// <summary>Shortens text with an ellipsis so it fits the width.</summary>
    public static string Fit(string text, TextStyle style, float width)
    {
        if (style.Measure(text) <= width)
        {
            return text;
        }
        const string Ellipsis = "…";
        var fits = (int)style.Font.BreakText(text, Math.Max(0, width - style.Measure(Ellipsis)), out _, style.Paint);
        return string.Concat(text.AsSpan(0, Math.Clamp(fits, 0, text.Length)).TrimEnd(), Ellipsis);
    }

    private void DrawText(string text, TextStyle style, float x, float top, bool alignRight = false)
    {
        if (text.Length == 0)
        {
            return;
        }
        _canvas!.DrawText(text, x, top + style.Baseline, alignRight ? SKTextAlign.Right : SKTextAlign.Left, style.Font, style.Paint);
    }

    private void NewPage()
    {
        if (_canvas is not null)
        {
            EndPage();
        }
        PageCount++;
        _canvas = _document.BeginPage(PageWidth, PageHeight);
        _y = Top;
        var style = _styles.Small;
        var tagWidth = 0f;
        if (_headerTag is not null)
        {
            tagWidth = _styles.Marker.Measure(_headerTag);
            DrawText(_headerTag, _styles.Marker, Right, HeaderBaseline - _styles.Marker.Baseline, alignRight: true);
        }
        DrawText(Fit(_headerText, style, Width - tagWidth - 20), style, Left, HeaderBaseline - style.Baseline);
    }

    private void EndPage()
    {
        var canvas = _canvas!;
        var style = _styles.Small;
        var baseline = PageHeight - FooterBaseline;
        canvas.DrawLine(Left, baseline - 12, Right, baseline - 12, _styles.RuleStroke);
        var page = "Page " + PageCount.ToString(Invariant);
        var pageWidth = style.Measure(page);
        DrawText(Fit(_footerText, style, Width - pageWidth - 20), style, Left, baseline - style.Baseline);
        DrawText(page, style, Right, baseline - style.Baseline, alignRight: true);
        _document.EndPage();
        _canvas = null;
    }
}
