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

    /// <param name="brand">The workspace's main colour, when its plan includes branding: it fills the bars and rules, and
    /// colours the headings too when it is dark enough to read on white (contrast 4.5:1 or more).</param>
    public PdfStyles(SKColor? brand = null)
    {
        var regular = PdfFonts.Regular;
        var bold = PdfFonts.Bold;
        var fill = brand ?? Accent;
        var text = brand is { } b && Contrast(b, SKColors.White) >= 4.5 ? b : Accent;
        var tint = brand is null ? AccentTint : Mix(fill, SKColors.White, 0.45f);
        var wash = brand is null ? AccentWash : Mix(fill, SKColors.White, 0.08f);
        Title = Add(new TextStyle(bold, 24, text, 1.25f));
        Headline = Add(new TextStyle(bold, 17, text, 1.3f));
        Heading = Add(new TextStyle(bold, 13.5f, text, 1.3f));
        Subheading = Add(new TextStyle(bold, 10.5f, Ink));
        Body = Add(new TextStyle(regular, 9.5f, Ink));
        BodyBold = Add(new TextStyle(bold, 9.5f, Ink));
        Secondary = Add(new TextStyle(regular, 9.5f, Muted));
        Small = Add(new TextStyle(regular, 8, Muted));
        SmallBold = Add(new TextStyle(bold, 8, Muted));
        SmallInk = Add(new TextStyle(regular, 8.5f, Ink));
        Link = Add(new TextStyle(regular, 9.5f, text));
        Marker = Add(new TextStyle(bold, 8, text));
        Fill = Add(new SKPaint { Color = fill, Style = SKPaintStyle.Fill, IsAntialias = true });
        TintFill = Add(new SKPaint { Color = tint, Style = SKPaintStyle.Fill, IsAntialias = true });
        WashFill = Add(new SKPaint { Color = wash, Style = SKPaintStyle.Fill, IsAntialias = true });
        TrackFill = Add(new SKPaint { Color = Track, Style = SKPaintStyle.Fill, IsAntialias = true });
        RuleStroke = Add(new SKPaint { Color = Rule, Style = SKPaintStyle.Stroke, StrokeWidth = 0.6f, IsAntialias = true });
        StrongRuleStroke = Add(new SKPaint { Color = Muted, Style = SKPaintStyle.Stroke, StrokeWidth = 0.6f, IsAntialias = true });
        AccentStroke = Add(new SKPaint { Color = fill, Style = SKPaintStyle.Stroke, StrokeWidth = 1.2f, IsAntialias = true });
    }

    /// <summary>WCAG contrast ratio of two colours.</summary>
    public static double Contrast(SKColor a, SKColor b)
    {
        var (la, lb) = (Luminance(a), Luminance(b));
        return (Math.Max(la, lb) + 0.05) / (Math.Min(la, lb) + 0.05);
    }

    private static double Luminance(SKColor c)
    {
        static double Channel(byte v)
        {
            var s = v / 255.0;
            return s <= 0.03928 ? s / 12.92 : Math.Pow((s + 0.055) / 1.055, 2.4);
        }
        return (0.2126 * Channel(c.Red)) + (0.7152 * Channel(c.Green)) + (0.0722 * Channel(c.Blue));
    }

    /// <summary><paramref name="share"/> of <paramref name="colour"/> over <paramref name="background"/>.</summary>
    private static SKColor Mix(SKColor colour, SKColor background, float share) => new(
        (byte)Math.Round((colour.Red * share) + (background.Red * (1 - share))),
        (byte)Math.Round((colour.Green * share) + (background.Green * (1 - share))),
        (byte)Math.Round((colour.Blue * share) + (background.Blue * (1 - share))));

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
