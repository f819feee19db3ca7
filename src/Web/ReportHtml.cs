using Assessment.Api.Reports;
using Assessment.Web.Components.Reports;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Web;

namespace Assessment.Web;

/// <summary>Renders the report component to a complete HTML document, outside any page request.</summary>
public sealed class ReportHtml(IServiceProvider services, ILoggerFactory loggers) : IReportHtmlRenderer
{
    public async Task<string> RenderAsync(ReportView view, CancellationToken ct)
    {
        await using var renderer = new HtmlRenderer(services, loggers);
        var html = await renderer.Dispatcher.InvokeAsync(async () =>
        {
            var output = await renderer.RenderComponentAsync<StandaloneReport>(
                ParameterView.FromDictionary(new Dictionary<string, object?> { [nameof(StandaloneReport.View)] = view }));
            return output.ToHtmlString();
        });
        return "<!DOCTYPE html>\n" + html;
    }
}

/// <summary>The site's stylesheet, inlined into documents that stand alone (API HTML, e-mail).</summary>
public static class ReportStyles
{
    private static readonly Lazy<string> Stylesheet = new(() =>
    {
        using var stream = typeof(ReportStyles).Assembly.GetManifestResourceStream("Assessment.Web.app.css")
            ?? throw new InvalidOperationException("The stylesheet is not embedded.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    });

    public static string Css => Stylesheet.Value;
}
