using System.Globalization;
using System.Net;
using Assessment.Api.Outbox;
using Assessment.Domain.Assessments;

namespace Assessment.Api.Reports;

/// <summary>The e-mail that brings an owner back to their report.</summary>
public static class ReportEmail
{
    public static EmailMessage For(AssessmentResponse assessment, string workspaceName, string reportUrl, DateTimeOffset expiresAt)
    {
        ArgumentNullException.ThrowIfNull(assessment);
        var result = assessment.Result ?? throw new InvalidOperationException("Only a submitted assessment has a report.");
        var greeting = assessment.Respondent.Name is { } name ? $"Dear {name}," : "Hello,";
        var share = result.LeadershipShare is { } s ? (s * 100).ToString("0", CultureInfo.InvariantCulture) + "%" : null;
        var summary = share is null
            ? "Your report is ready."
            : $"Your report is ready. Of the time you spend leading or managing your practice, {share} goes to leading it.";
        var expires = expiresAt.ToString("d MMMM yyyy", CultureInfo.InvariantCulture);
        var text = $"""
            {greeting}

            {summary}

            Read your report, with your recommendations and 90-day plan:
            {reportUrl}

            The link works until {expires}. {workspaceName} will be glad to talk it through with you on a discovery call.
            """;
        var html = $"""
            <p>{WebUtility.HtmlEncode(greeting)}</p>
            <p>{WebUtility.HtmlEncode(summary)}</p>
            <p><a href="{WebUtility.HtmlEncode(reportUrl)}">Read your report</a>, with your recommendations and 90-day plan.</p>
            <p>The link works until {expires}. {WebUtility.HtmlEncode(workspaceName)} will be glad to talk it through with you on a discovery call.</p>
            """;
        return new EmailMessage(assessment.Respondent.Email!, $"Your report from {workspaceName}", text, html);
    }
}
