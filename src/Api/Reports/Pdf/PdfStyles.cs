using SkiaSharp;

namespace Assessment.Api.Reports.Pdf;

/// <summary>A font at one size and colour, with the line height and the metrics the layout needs.</summary>
internal sealed class TextStyle : IDisposable
{
    public TextStyle(SKTypeface typeface, float size, SKColor color, float lineSpacing = 1.38f)
    {
        Font = new SKFont(typeface, size) { Subpixel = true, LinearMetrics = true };
        Paint = new SKPaint { Color = color, IsAntialias = true };
        Size = size;
        LineHeight = size * lineSpacing;
        var metrics = Font.Metrics;
        // The baseline sits so that the glyphs are centred in the line box.
        Baseline = (LineHeight - (metrics.Descent - metrics.Ascent)) / 2 - metrics.Ascent;
        SpaceWidth = Font.MeasureText(" ", Paint);
    }

    public SKFont Font { get; }

    public SKPaint Paint { get; }

    public float Size { get; }

    public float LineHeight { get; }

    /// <summary>Distance from the top of a line box to the baseline.</summary>
    public float Baseline { get; }

    public float SpaceWidth { get; }

    public float Measure(ReadOnlySpan<char> text) => text.IsEmpty ? 0 : Font.MeasureText(text, Paint);

    public void Dispose()
    {
        Font.Dispose();
        Paint.Dispose();
    }
}

/// <summary>The fonts, colours and paints of one rendering. Fonts and paints are mutable, so each document has its own.</summary>
internal sealed class PdfStyles : IDisposable
{
    public static readonly SKColor Accent = SKColor.Parse("#0B5CAD");
    public static readonly SKColor AccentTint = SKColor.Parse("#9DC1E8");
    public static readonly SKColor AccentWash = SKColor.Parse("#EEF4FB");
    public static readonly SKColor Ink = SKColor.Parse("#1E2730");
    public static readonly SKColor Muted = SKColor.Parse("#5E6B78");
    public static readonly SKColor Rule = SKColor.Parse("#D3DAE2");
    public static readonly SKColor Track = SKColor.Parse("#E8EDF3");

    private readonly List<IDisposable> _owned = [];

    public PdfStyles()
    {
        var regular = PdfFonts.Regular;
        var bold = PdfFonts.Bold;
        Title = Add(new TextStyle(bold, 24, Accent, 1.25f));
        Headline = Add(new TextStyle(bold, 17, Accent, 1.3f));
        Heading = Add(new TextStyle(bold, 13.5f, Accent, 1.3f));
        Subheading = Add(new TextStyle(bold, 10.5f, Ink));
        Body = Add(new TextStyle(regular, 9.5f, Ink));
        BodyBold = Add(new TextStyle(bold, 9.5f, Ink));
        Secondary = Add(new TextStyle(regular, 9.5f, Muted));
        Small = Add(new TextStyle(regular, 8, Muted));
        SmallBold = Add(new TextStyle(bold, 8, Muted));
        SmallInk = Add(new TextStyle(regular, 8.5f, Ink));
        Link = Add(new TextStyle(regular, 9.5f, Accent));
        Marker = Add(new TextStyle(bold, 8, Accent));
        Fill = Add(new SKPaint { Color = Accent, Style = SKPaintStyle.Fill, IsAntialias = true });
        TintFill = Add(new SKPaint { Color = AccentTint, Style = SKPaintStyle.Fill, IsAntialias = true });
        WashFill = Add(new SKPaint { Color = AccentWash, Style = SKPaintStyle.Fill, IsAntialias = true });
        TrackFill = Add(new SKPaint { Color = Track, Style = SKPaintStyle.Fill, IsAntialias = true });
        RuleStroke = Add(new SKPaint { Color = Rule, Style = SKPaintStyle.Stroke, StrokeWidth = 0.6f, IsAntialias = true });
        StrongRuleStroke = Add(new SKPaint { Color = Muted, Style = SKPaintStyle.Stroke, StrokeWidth = 0.6f, IsAntialias = true });
        AccentStroke = Add(new SKPaint { Color = Accent, Style = SKPaintStyle.Stroke, StrokeWidth = 1.2f, IsAntialias = true });
    }

    public TextStyle Title { get; }

    public TextStyle Headline { get; }

    public TextStyle Heading { get; }

    public TextStyle Subheading { get; }

    public TextStyle Body { get; }

    public TextStyle BodyBold { get; }

    public TextStyle Secondary { get; }

    public TextStyle Small { get; }

    public TextStyle SmallBold { get; }

    public TextStyle SmallInk { get; }

    public TextStyle Link { get; }

    public TextStyle Marker { get; }

    public SKPaint Fill { get; }

    public SKPaint TintFill { get; }

    public SKPaint WashFill { get; }

    public SKPaint TrackFill { get; }

    public SKPaint RuleStroke { get; }

    public SKPaint StrongRuleStroke { get; }

    public SKPaint AccentStroke { get; }

    private T Add<T>(T disposable) where T : IDisposable
    {
        _owned.Add(disposable);
        return disposable;
    }

    public void Dispose()
    {
        foreach (var owned in _owned)
        {
            owned.Dispose();
        }
        _owned.Clear();
    }
}
