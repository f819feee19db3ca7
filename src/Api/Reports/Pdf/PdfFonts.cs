using SkiaSharp;

namespace Assessment.Api.Reports.Pdf;

/// <summary>
/// The embedded DejaVu Sans typefaces, loaded once. The Linux native asset has no fontconfig, so system fonts are
/// never used; a typeface is immutable and safe to share between threads.
/// </summary>
internal static class PdfFonts
{
    private static readonly Lazy<SKTypeface> RegularTypeface = new(() => Load("Assessment.Fonts.DejaVuSans.ttf"));

    private static readonly Lazy<SKTypeface> BoldTypeface = new(() => Load("Assessment.Fonts.DejaVuSans-Bold.ttf"));

    public static SKTypeface Regular => RegularTypeface.Value;

    public static SKTypeface Bold => BoldTypeface.Value;

    private static SKTypeface Load(string resource)
    {
        // Skia takes ownership of the stream and may read glyphs from it later, so it is not disposed here; the
        // resource stream reads the assembly image and holds nothing else.
        var stream = typeof(PdfFonts).Assembly.GetManifestResourceStream(resource)
            ?? throw new InvalidOperationException($"The embedded font '{resource}' is missing from the assembly.");
        return SKTypeface.FromStream(stream)
            ?? throw new InvalidOperationException($"The embedded font '{resource}' could not be read.");
    }
}
