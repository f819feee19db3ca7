using System.Reflection;

namespace Assessment.Api.Startup;

public static class BuildTime
{
    /// <summary>
    /// True when the build loads the host only to write the OpenAPI document: no database is touched then.
    /// </summary>
    public static bool IsGeneratingOpenApiDocument { get; } = Assembly.GetEntryAssembly()?.GetName().Name == "GetDocument.Insider";
}
