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
            httpContext.Response.StatusCode = bad.StatusCode;
            return await problems.TryWriteAsync(new ProblemDetailsContext
            {
                HttpContext = httpContext,
                ProblemDetails = new ProblemDetails
                {
                    Status = bad.StatusCode,
                    Type = ProblemTypes.Validation,
                    Title = "The request could not be read",
                    Detail = bad.InnerException is System.Text.Json.JsonException json ? $"The body is not valid JSON for this operation: {json.Message}" : bad.Message,
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

    [LoggerMessage(Level = LogLevel.Error, Message = "Unhandled exception for {Method} {Path}")]
    private static partial void LogUnexpected(ILogger logger, Exception exception, string method, string path);
}
