using Assessment.Domain.Benchmarks;
using Assessment.Domain.Questionnaires;
using Assessment.Domain.Reports;

namespace Assessment.Api.Reports;

/// <summary>Paper sizes of the PDF report.</summary>
public enum PaperSize
{
    A4,
    Letter,
}

/// <summary>
/// Everything a rendering of the report needs (HTML page, PDF, e-mail). <see cref="Consultant"/> is present only in
/// the consultant version, which only workspace members may see.
/// </summary>
public sealed record ReportView(
    string WorkspaceName,
    Guid AssessmentId,
    string? RespondentName,
    string? PracticeName,
    DateTimeOffset SubmittedAt,
    QuestionnaireDefinition Definition,
    Report Report,
    BenchmarkResult? Benchmark,
    ConsultantNotes? Consultant,
    string? BookingUrl,
    string? BrandColor = null,
    int CallMinutes = 30)
{
    public bool IsConsultantVersion => Consultant is not null;
}
