using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace Assessment.Api.Problems;

/// <summary>The documented problem types (RFC 9457 <c>type</c> members), relative to the API's host.</summary>
public static class ProblemTypes
{
    public const string Validation = "/problems/validation";
    public const string NotFound = "/problems/not-found";
    public const string AlreadySubmitted = "/problems/assessment-already-submitted";
    public const string Incomplete = "/problems/assessment-incomplete";
    public const string Unexpected = "/problems/unexpected";
    public const string Forbidden = "/problems/forbidden";
    public const string NotAcceptable = "/problems/not-acceptable";
    public const string SlotTaken = "/problems/slot-taken";
    public const string SlotUnavailable = "/problems/slot-unavailable";
    public const string BookingExists = "/problems/booking-exists";
    public const string BookingNotActive = "/problems/booking-not-active";
    public const string LinkGone = "/problems/link-gone";
    public const string RateLimited = "/problems/rate-limited";
    public const string IdempotencyKeyReused = "/problems/idempotency-key-reused";
    public const string IdempotencyKeyInProgress = "/problems/idempotency-key-in-progress";
    public const string AssessmentQuotaExceeded = "/problems/assessment-quota-exceeded";
    public const string SeatLimitReached = "/problems/seat-limit-reached";
    public const string ApiAccessNotInPlan = "/problems/api-access-not-in-plan";
    public const string BillingNotConfigured = "/problems/billing-not-configured";
    public const string BillingProviderError = "/problems/billing-provider-error";
    public const string InvalidWebhook = "/problems/invalid-webhook";
    public const string LastAdmin = "/problems/last-admin";
}

/// <summary>An expected failure a handler returns as a value; endpoints turn it into problem details.</summary>
public sealed record Failure(int Status, string Type, string Title, string Detail, IReadOnlyDictionary<string, string[]>? Errors = null)
{
    public static Failure NotFound(string what) =>
        new(StatusCodes.Status404NotFound, ProblemTypes.NotFound, "Not found", $"{what} does not exist.");

    public static Failure Invalid(string detail, IReadOnlyDictionary<string, string[]> errors) =>
        new(StatusCodes.Status400BadRequest, ProblemTypes.Validation, "The request is not valid", detail, errors);

    public static Failure Invalid(string field, string message) =>
        Invalid(message, new Dictionary<string, string[]> { [field] = [message] });

    public ProblemHttpResult ToProblem()
    {
        ProblemDetails problem = Errors is null
            ? new ProblemDetails()
            : new HttpValidationProblemDetails(Errors.ToDictionary(e => e.Key, e => e.Value));
        problem.Status = Status;
        problem.Type = Type;
        problem.Title = Title;
        problem.Detail = Detail;
        return TypedResults.Problem(problem);
    }
}

/// <summary>A handler's answer: the value, or why there is none.</summary>
public readonly record struct Outcome<T>(T? Value, Failure? Failure)
{
    public static implicit operator Outcome<T>(T value) => new(value, null);

    public static implicit operator Outcome<T>(Failure failure) => new(default, failure);

    /// <summary>200 with the value, or the failure's problem details.</summary>
    public Results<Ok<T>, ProblemHttpResult> ToOk() => Failure is { } failure ? failure.ToProblem() : TypedResults.Ok(Value!);
}
