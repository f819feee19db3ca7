using System.Text.Json.Nodes;
using NSwag;

namespace Assessment.ApiClient.Tests;

/// <summary>Every example in <c>openapi/v1.json</c> is valid against the schema it illustrates, read by an independent OpenAPI library.</summary>
public sealed class DocumentExampleTests
{
    private static readonly string DocumentPath = Path.Combine(RepositoryRoot(), "openapi", "v1.json");

    public static TheoryData<string, string, string, string> Examples()
    {
        var data = new TheoryData<string, string, string, string>();
        var document = JsonNode.Parse(File.ReadAllText(DocumentPath))!;
        foreach (var (path, operations) in document["paths"]!.AsObject())
        {
            foreach (var (method, operation) in operations!.AsObject())
            {
                var id = operation!["operationId"]!.GetValue<string>();
                if (operation["requestBody"]?["content"]?["application/json"]?["example"] is not null)
                {
                    data.Add(id, "request", "application/json", path);
                }
                foreach (var (status, response) in operation["responses"]!.AsObject())
                {
                    foreach (var (media, content) in response!["content"]?.AsObject() ?? [])
                    {
                        if (content!["example"] is not null)
                        {
                            data.Add(id, status, media, path);
                        }
                    }
                }
            }
        }
        return data;
    }

    [Fact]
    public void Every_operation_with_a_json_response_shows_an_example()
    {
        var illustrated = Examples().Select(row => (string)row[0]).ToHashSet();
        var document = JsonNode.Parse(File.ReadAllText(DocumentPath))!;
        var withJson = document["paths"]!.AsObject()
            .SelectMany(path => path.Value!.AsObject().Select(o => o.Value!))
            .Where(o => o["responses"]!.AsObject().Any(r => r.Key[0] == '2' && r.Value!["content"]?["application/json"] is not null))
            .Select(o => o["operationId"]!.GetValue<string>())
            .ToList();
        Assert.True(withJson.Count > 30, "The document lost its operations.");
        var missing = withJson.Where(id => !illustrated.Contains(id)).ToList();
        Assert.True(missing.Count == 0, "No example for " + string.Join(", ", missing));
    }

    [Theory]
    [MemberData(nameof(Examples))]
    public async Task Example_is_valid_against_its_schema(string operationId, string part, string mediaType, string path)
    {
        var document = await OpenApiDocument.FromFileAsync(DocumentPath);
        var operation = document.Operations.Single(o => o.Operation.OperationId == operationId).Operation;
        var content = part == "request" ? operation.RequestBody.Content[mediaType] : operation.ActualResponses[part].Content[mediaType];
        var example = JsonNode.Parse(File.ReadAllText(DocumentPath))!["paths"]![path]!.AsObject()
            .Select(o => o.Value!).Single(o => o["operationId"]!.GetValue<string>() == operationId);
        var json = (part == "request" ? example["requestBody"]!["content"]![mediaType]!["example"] : example["responses"]![part]!["content"]![mediaType]!["example"])!;

        var errors = content.Schema.ActualSchema.Validate(json.ToJsonString());
        Assert.True(errors.Count == 0, $"{operationId} {part} {mediaType}: " + string.Join("; ", errors.Select(e => $"{e.Path}: {e.Kind}")));
    }

    private static string RepositoryRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Assessment.sln")))
        {
            dir = dir.Parent;
        }
        return dir?.FullName ?? throw new InvalidOperationException("Assessment.sln not found above the test binaries.");
    }
}
