using NSwag;
using NSwag.CodeGeneration;
using NSwag.CodeGeneration.CSharp;
using NSwag.CodeGeneration.OperationNameGenerators;
using NJsonSchema.CodeGeneration.CSharp;

// Writes a C# client for an OpenAPI document with NSwag, as a partner would generate one:
//   ApiClient.Generator <openapi.json> <output.cs> <namespace>
// Nothing in the document is patched here: what NSwag cannot read is a fault of the document.
if (args.Length != 3)
{
    await Console.Error.WriteLineAsync("usage: ApiClient.Generator <openapi.json> <output.cs> <namespace>");
    return 2;
}
var document = await OpenApiDocument.FromFileAsync(args[0]);
var settings = new CSharpClientGeneratorSettings
{
    ClassName = "AssessmentApiClient",
    GenerateClientInterfaces = true,
    UseBaseUrl = false,
    InjectHttpClient = true,
    DisposeHttpClient = false,
    GenerateOptionalParameters = true,
    ParameterDateTimeFormat = "O",
    ParameterDateFormat = "yyyy-MM-dd",
    ExceptionClass = "AssessmentApiException",
    ParameterNameGenerator = new HeaderAwareParameterNameGenerator(),
    OperationNameGenerator = new SingleClientFromOperationIdOperationNameGenerator(),
    CSharpGeneratorSettings =
    {
        Namespace = args[2],
        JsonLibrary = CSharpJsonLibrary.SystemTextJson,
        JsonLibraryVersion = 10.0m,
        GenerateNullableReferenceTypes = true,
        GenerateOptionalPropertiesAsNullable = true,
        GenerateDataAnnotations = false,
        ClassStyle = CSharpClassStyle.Poco,
        DateType = "System.DateOnly",
        TimeType = "System.TimeOnly",
        DateTimeType = "System.DateTimeOffset",
        ArrayType = "System.Collections.Generic.List",
        ArrayInstanceType = "System.Collections.Generic.List",
        ArrayBaseType = "System.Collections.Generic.List",
        DictionaryType = "System.Collections.Generic.Dictionary",
        DictionaryInstanceType = "System.Collections.Generic.Dictionary",
        DictionaryBaseType = "System.Collections.Generic.Dictionary",
    },
};
var code = new CSharpClientGenerator(document, settings).GenerateFile();
await File.WriteAllTextAsync(args[1], code);
Console.WriteLine($"{args[1]}: {document.Operations.Count()} operations");
return 0;

/// <summary>Names a header such as <c>Idempotency-Key</c> <c>idempotencyKey</c>; other parameters as NSwag does.</summary>
internal sealed class HeaderAwareParameterNameGenerator : IParameterNameGenerator
{
    private readonly DefaultParameterNameGenerator _default = new();

    public string Generate(OpenApiParameter parameter, IEnumerable<OpenApiParameter> allParameters)
    {
        if (!parameter.Name.Contains('-', StringComparison.Ordinal))
        {
            return _default.Generate(parameter, allParameters);
        }
        var parts = parameter.Name.Split('-', StringSplitOptions.RemoveEmptyEntries);
        return string.Concat(parts.Select((p, i) => i == 0 ? p.ToLowerInvariant() : char.ToUpperInvariant(p[0]) + p[1..].ToLowerInvariant()));
    }
}
