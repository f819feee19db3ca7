using System.Diagnostics;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Assessment.Api.Problems;

public static class ProblemSetup
{
    public static IServiceCollection AddAssessmentProblems(this IServiceCollection services)
    {
        services.AddProblemDetails(o => o.CustomizeProblemDetails = ctx =>
        {
            ctx.ProblemDetails.Instance ??= ctx.HttpContext.Request.Path;
            ctx.ProblemDetails.Extensions["traceId"] = Activity.Current?.Id ?? ctx.HttpContext.TraceIdentifier;
            if (ctx.ProblemDetails.Type is null or "https://tools.ietf.org/html/rfc9110#section-15.5.1"
                && ctx.ProblemDetails.Status == StatusCodes.Status400BadRequest)
            {
                ctx.ProblemDetails.Type = ProblemTypes.Validation;
            }
        });
        services.AddExceptionHandler<UnexpectedExceptionHandler>();
        return services;
    }
}

/// <summary>Anything unexpected becomes a 500 problem with a trace id; the details stay in the log.</summary>
public sealed partial class UnexpectedExceptionHandler(IProblemDetailsService problems, ILogger<UnexpectedExceptionHandler> log) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(httpContext);
        if (exception is BadHttpRequestException bad)
        {
            var (detail, errors) = Describe(bad);
            httpContext.Response.StatusCode = bad.StatusCode;
            return await problems.TryWriteAsync(new ProblemDetailsContext
            {
                HttpContext = httpContext,
                ProblemDetails = new HttpValidationProblemDetails(errors)
                {
                    Status = bad.StatusCode,
                    Type = ProblemTypes.Validation,
                    Title = "The request could not be read",
                    Detail = detail,
                },
            });
        }
        LogUnexpected(log, exception, httpContext.Request.Method, httpContext.Request.Path);
        httpContext.Response.StatusCode = StatusCodes.Status500InternalServerError;
        return await problems.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = httpContext,
            Exception = exception,
            ProblemDetails = new ProblemDetails
            {
                Status = StatusCodes.Status500InternalServerError,
                Type = ProblemTypes.Unexpected,
                Title = "Something went wrong on our side",
                Detail = "The error has been logged. Quote the trace id when you contact support.",
            },
        });
    }

    /// <summary>What could not be read, by field, in the caller's terms rather than .NET's.</summary>
    private static (string Detail, Dictionary<string, string[]> Errors) Describe(BadHttpRequestException bad)
    {
        if (bad.InnerException is System.Text.Json.JsonException json)
        {
            var field = json.Path is { Length: > 2 } path && path.StartsWith("$.", StringComparison.Ordinal) ? path[2..] : null;
            return field is null
                ? ($"The body is not valid JSON (line {json.LineNumber + 1}, byte {json.BytePositionInLine + 1}).", new() { ["body"] = ["Send a JSON object."] })
                : ($"The body's {field} has a value of the wrong type.", new() { [field] = ["This value has the wrong type for this field."] });
        }
        if (BindFailure().Match(bad.Message) is { Success: true } bind)
        {
            var name = bind.Groups["name"].Value;
            var type = bind.Groups["type"].Value;
            bool Is(string typeName) => type.Contains(typeName, StringComparison.OrdinalIgnoreCase);
            var expected = true switch
            {
                _ when Is("DateTime") => "a date and time like 2026-12-01T10:00:00Z",
                _ when Is("DateOnly") => "a date like 2026-12-01",
                _ when Is("Guid") => "an id like 01a2095b-0b3c-7e4f-9a51-5f0c2d3e4a10",
                _ when Is("bool") => "true or false",
                _ when Is("int") || Is("long") => "a whole number",
                _ when Is("decimal") || Is("double") => "a number",
                _ => "a valid value",
            };
            var message = $"“{bind.Groups["value"].Value}” is not {expected}.";
            return ($"{name}: {message}", new() { [name] = [message] });
        }
        if (bad.Message.StartsWith("Implicit body inferred", StringComparison.Ordinal))
        {
            return ("The request needs a JSON body.", new() { ["body"] = ["Send a JSON object."] });
        }
        if (MissingParameter().Match(bad.Message) is { Success: true } missing)
        {
            return missing.Groups["source"].Value.Contains("body", StringComparison.OrdinalIgnoreCase)
                ? ("The request needs a JSON body.", new() { ["body"] = ["Send a JSON object."] })
                : ($"{missing.Groups["name"].Value} is required.", new() { [missing.Groups["name"].Value] = ["Required."] });
        }
        return (bad.Message, []);
    }

    [System.Text.RegularExpressions.GeneratedRegex("^Required parameter \"(?<type>\\S+) (?<name>[^\"]+)\" was not provided from (?<source>.+)\\.$")]
    private static partial System.Text.RegularExpressions.Regex MissingParameter();

    [System.Text.RegularExpressions.GeneratedRegex("^Failed to bind parameter \"(?<type>\\S+) (?<name>[^\"]+)\" from \"(?<value>.*)\"\\.$")]
    private static partial System.Text.RegularExpressions.Regex BindFailure();

    [LoggerMessage(Level = LogLevel.Error, Message = "Unhandled exception for {Method} {Path}")]
    private static partial void LogUnexpected(ILogger logger, Exception exception, string method, string path);
}
