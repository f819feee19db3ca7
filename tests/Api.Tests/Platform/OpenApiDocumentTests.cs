using System.Diagnostics;
using System.Text.Json.Nodes;
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
