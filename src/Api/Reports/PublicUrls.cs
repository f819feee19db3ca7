using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;

namespace Assessment.Api.Reports;

/// <summary>
/// Absolute links for e-mails and API responses: <c>App:PublicUrl</c> when set (production, behind a proxy),
/// otherwise the address of the current request.
/// </summary>
public sealed class PublicUrls(IConfiguration configuration, IHttpContextAccessor http)
{
    public string Base
    {
        get
        {
            if (configuration["App:PublicUrl"] is { Length: > 0 } configured)
            {
                return configured.TrimEnd('/');
            }
            var request = http.HttpContext?.Request;
            return request is null ? "http://localhost:5080" : $"{request.Scheme}://{request.Host}{request.PathBase}";
        }
    }

    public string ShareLink(string token) => $"{Base}/r/{token}";
}
