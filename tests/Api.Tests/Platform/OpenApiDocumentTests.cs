using System.Diagnostics;
using System.Net;
using System.Reflection;
using System.Text.Json.Nodes;
using Assessment.Api.Problems;
using Assessment.Testing;

namespace Assessment.Api.Tests.Platform;

/// <summary>The committed <c>openapi/v1.json</c> must be exactly what the running API describes.</summary>
public sealed class OpenApiDocumentTests(SqliteApp app) : IClassFixture<SqliteApp>
{
    [Fact]
    public async Task Committed_document_matches_the_api()
    {
        using var client = app.CreateClient();
        var served = JsonNode.Parse(await client.GetStringAsync(Http.Url("/openapi/v1.json")));
        var committed = JsonNode.Parse(Committed());
        Assert.True(JsonNode.DeepEquals(served, committed),
            "openapi/v1.json differs from the API: build src/Web (which regenerates it) and commit the file.");
    }

    [Fact]
    public async Task Every_problem_type_has_a_page_that_explains_it()
    {
        var declared = typeof(ProblemTypes).GetFields(BindingFlags.Public | BindingFlags.Static).Select(f => (string)f.GetValue(null)!).ToList();
        Assert.Equal(declared.Order(), ProblemCatalog.All.Select(p => p.Type).Order());
        using var client = app.CreateClient();
        foreach (var problem in ProblemCatalog.All)
        {
            using var response = await client.GetAsync(Http.Url(problem.Type));
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var page = await response.Content.ReadAsStringAsync();
            Assert.Contains(problem.Title, WebUtility.HtmlDecode(page), StringComparison.Ordinal);
        }
        var index = await client.GetStringAsync(Http.Url("/problems"));
        Assert.All(ProblemCatalog.All, p => Assert.Contains($"href=\"{p.Type}\"", index, StringComparison.Ordinal));
        using var unknown = await client.GetAsync(Http.Url("/problems/no-such-problem"));
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
    }

    [Fact]
    public async Task Every_protected_operation_documents_its_errors_as_problem_details()
    {
        using var client = app.CreateClient();
        var document = JsonNode.Parse(await client.GetStringAsync(Http.Url("/openapi/v1.json")))!;
        foreach (var (path, operations) in document["paths"]!.AsObject())
        {
            foreach (var (method, operation) in operations!.AsObject())
            {
                var name = $"{method.ToUpperInvariant()} {path}";
                var responses = operation!["responses"]!.AsObject();
                var expected = new List<string>();
                if (operation["security"] is not null)
                {
                    expected.AddRange(["401", "403", "429"]);
                }
                if (operation["parameters"]?.AsArray().Any(p => p!["name"]!.GetValue<string>() == "Idempotency-Key") == true)
                {
                    expected.AddRange(["409", "422"]);
                }
                foreach (var status in expected.Concat(responses.Select(r => r.Key).Where(k => k[0] is '4' or '5')).Distinct())
                {
                    Assert.True(responses[status]?["content"]?["application/problem+json"]?["schema"] is not null, $"{name} does not document {status} as problem details.");
                }
                if (responses["429"] is { } limited)
                {
                    Assert.NotNull(limited["headers"]?["Retry-After"]);
                }
            }
        }
    }

    /// <summary>The file as committed (the build rewrites the working copy, so git's copy is the one to compare).</summary>
    private static string Committed()
    {
        var root = RepositoryRoot();
        using var git = Process.Start(new ProcessStartInfo("git", "show HEAD:openapi/v1.json")
        {
            WorkingDirectory = root,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        })!;
        var text = git.StandardOutput.ReadToEnd();
        git.WaitForExit();
        return git.ExitCode == 0 ? text : File.ReadAllText(Path.Combine(root, "openapi", "v1.json"));
    }

    private static string RepositoryRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Assessment.sln")))
        {
            dir = dir.Parent;
        }
        return dir?.FullName ?? throw new InvalidOperationException("Assessment.sln not found above the test folder.");
    }
}
