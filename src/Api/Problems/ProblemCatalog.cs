namespace Assessment.Api.Problems;

/// <summary>What one problem type means and what the caller can do about it; served at its <c>type</c> URI.</summary>
public sealed record ProblemTypeDocument(string Type, int Status, string Title, string Meaning, string Remedy)
{
    public string Slug => Type["/problems/".Length..];
}

/// <summary>Every problem type the API answers with, documented once for the <c>/problems</c> pages and the OpenAPI document.</summary>
public static class ProblemCatalog
{
    public static IReadOnlyList<ProblemTypeDocument> All { get; } =
    [
        new(ProblemTypes.Validation, 400, "The request is not valid",
            "A parameter, header or body field is missing, malformed or out of range. `errors` maps each offending field (for answers: `answers.<item id>`) to readable messages.",
            "Correct the fields named in `errors` and send the request again; nothing was changed."),
        new(ProblemTypes.NotFound, 404, "Not found",
            "The resource does not exist, or it belongs to another workspace: a partner never learns whether another workspace's id exists.",
            "Check the id, and that the token is for the workspace that owns it."),
        new(ProblemTypes.Forbidden, 403, "Not allowed",
            "The caller is authenticated but may not do this: a consultant acting on another consultant's calls, or a report version kept for members.",
            "Use a member or token with the right role or scope."),
        new(ProblemTypes.AlreadySubmitted, 409, "The assessment is already submitted",
            "Answers of a submitted assessment are final; its result is kept as submitted.",
            "Read the result, or start a new assessment to measure again."),
        new(ProblemTypes.Incomplete, 409, "The assessment is not complete",
            "Required items are unanswered, or the assessment has no result yet. `stillRequired` lists the item ids when answers are missing.",
            "Save answers for the items listed, then submit."),
        new(ProblemTypes.NotAcceptable, 406, "No representation in that format",
            "The report is available as application/pdf, text/html or application/json; the Accept header asked for none of them.",
            "Send one of those media types in Accept."),
        new(ProblemTypes.SlotTaken, 409, "The time was just taken",
            "Another booking took the consultant's time between listing slots and booking.",
            "List the slots again and choose another."),
        new(ProblemTypes.SlotUnavailable, 409, "The time is not available",
            "The start is outside the consultant's hours, inside the minimum notice, past the booking horizon or over the daily limit.",
            "Choose a start from `GET /api/v1/slots`."),
        new(ProblemTypes.BookingExists, 409, "The owner already has a call booked",
            "An owner has at most one upcoming discovery call.",
            "Reschedule or cancel the existing call instead."),
        new(ProblemTypes.BookingNotActive, 409, "The call is no longer active",
            "The call was canceled or marked as a no-show, so it cannot be changed.",
            "Book a new call."),
        new(ProblemTypes.LinkGone, 410, "The link no longer works",
            "A booking, sign-in or invitation link expired, was used already, or its call was canceled.",
            "Ask for a new link."),
        new(ProblemTypes.RateLimited, 429, "Too many requests",
            "The client used up its request bucket. `Retry-After` gives the seconds to wait; `RateLimit` and `RateLimit-Policy` describe the bucket.",
            "Wait as `Retry-After` says, then retry; spread requests over time."),
        new(ProblemTypes.IdempotencyKeyReused, 422, "The idempotency key was used for another request",
            "A POST with this `Idempotency-Key` was made before with a different body; keys are kept for 48 hours per caller.",
            "Use a new key for a new request; reuse a key only to retry the very same request."),
        new(ProblemTypes.IdempotencyKeyInProgress, 409, "The first request with this idempotency key is still running",
            "A retry arrived while the original request with the same `Idempotency-Key` had not finished.",
            "Retry after a moment: the stored response is then replayed."),
        new(ProblemTypes.AssessmentQuotaExceeded, 403, "The plan's monthly assessments are used up",
            "The workspace started as many assessments this calendar month (UTC) as its plan includes.",
            "Wait for the next month or move the workspace to a larger plan."),
        new(ProblemTypes.SeatLimitReached, 403, "The plan's seats are all taken",
            "The workspace has as many members as its plan includes.",
            "Remove a member or move to a larger plan."),
        new(ProblemTypes.ApiAccessNotInPlan, 403, "The plan does not include API access",
            "Partner tokens work only while the workspace's plan includes the API.",
            "An admin can change the plan on the billing page."),
        new(ProblemTypes.LastAdmin, 409, "The workspace needs an admin",
            "The change would leave the workspace without an admin.",
            "Make another member an admin first."),
        new(ProblemTypes.BillingNotConfigured, 503, "Billing is not set up",
            "This installation has no payment provider configured, so plans cannot be bought or managed here.",
            "The default plan applies; contact the operator of this installation."),
        new(ProblemTypes.BillingProviderError, 502, "The payment provider did not answer as expected",
            "The request to the payment provider failed; nothing was charged by this request.",
            "Try again in a few minutes."),
        new(ProblemTypes.InvalidWebhook, 400, "The webhook is not valid",
            "An incoming payment-provider webhook had a missing or wrong signature, was too old, or could not be read.",
            "Nothing to do for API callers: the provider retries with a valid signature."),
        new(ProblemTypes.Unexpected, 500, "Something went wrong on our side",
            "An error the service did not expect; it has been logged with the `traceId` in the response.",
            "Retry later; if it persists, contact support quoting the trace id."),
    ];

    public static ProblemTypeDocument? Find(string slug) => All.FirstOrDefault(p => p.Slug == slug);
}
