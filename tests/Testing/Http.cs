using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Xunit;

namespace Assessment.Testing;

public static class Http
{
    public static Uri Url(string path) => new(path, UriKind.Relative);

    public static async Task<(HttpStatusCode Status, JsonElement Body)> SendAsync(this HttpClient client, HttpMethod method, string path, object? body = null)
    {
        using var request = new HttpRequestMessage(method, Url(path));
        if (body is string raw)
        {
            request.Content = new StringContent(raw, System.Text.Encoding.UTF8, "application/json");
        }
        else if (body is not null)
        {
            request.Content = JsonContent.Create(body);
        }
        using var response = await client.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        var json = text.Length == 0 ? default : JsonDocument.Parse(text).RootElement.Clone();
        return (response.StatusCode, json);
    }

    public static Task<(HttpStatusCode Status, JsonElement Body)> GetJsonAsync(this HttpClient client, string path) =>
        client.SendAsync(HttpMethod.Get, path);

    public static Task<(HttpStatusCode Status, JsonElement Body)> PostJsonAsync(this HttpClient client, string path, object? body = null) =>
        client.SendAsync(HttpMethod.Post, path, body);

    public static Task<(HttpStatusCode Status, JsonElement Body)> PutJsonAsync(this HttpClient client, string path, object? body) =>
        client.SendAsync(HttpMethod.Put, path, body);

    /// <summary>Posts a page's form as the browser would (with the page's antiforgery token) and returns where it redirects.</summary>
    public static async Task<string?> PostFormAsync(this HttpClient client, string page, string action, Dictionary<string, string> fields)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(fields);
        var html = await client.GetStringAsync(Url(page));
        fields["__RequestVerificationToken"] = AssessmentApp.AntiforgeryToken(html);
        using var response = await client.PostAsync(Url(action), new FormUrlEncodedContent(fields));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return response.Headers.Location?.OriginalString;
    }

    /// <summary>Asserts an RFC 9457 problem with the given status and type, and returns its <c>errors</c> member if any.</summary>
    public static Dictionary<string, string[]> AssertProblem(this (HttpStatusCode Status, JsonElement Body) response, HttpStatusCode status, string type)
    {
        Assert.Equal(status, response.Status);
        Assert.Equal(JsonValueKind.Object, response.Body.ValueKind);
        Assert.Equal((int)status, response.Body.GetProperty("status").GetInt32());
        Assert.Equal(type, response.Body.GetProperty("type").GetString());
        Assert.False(string.IsNullOrWhiteSpace(response.Body.GetProperty("title").GetString()));
        Assert.True(response.Body.TryGetProperty("traceId", out _), "A problem carries a trace id.");
        return response.Body.TryGetProperty("errors", out var errors)
            ? errors.Deserialize<Dictionary<string, string[]>>()!
            : [];
    }
}
