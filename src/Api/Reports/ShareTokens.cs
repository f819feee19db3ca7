using System.Buffers.Text;
using Assessment.Api.Persistence;
using Assessment.Domain.Reports;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;

namespace Assessment.Api.Reports;

/// <summary>
/// Share-link tokens: the link id, signed and encrypted with Data Protection (keys in the database, so every instance
/// accepts every token). A token that was tampered with does not open anything.
/// </summary>
public sealed class ShareTokens(IDataProtectionProvider protection, AppDbContext db, WorkspaceScope scope)
{
    private readonly IDataProtector _protector = protection.CreateProtector("Assessment.ShareLinks.v1");

    public string TokenFor(ShareLink link)
    {
        ArgumentNullException.ThrowIfNull(link);
        return Base64Url.EncodeToString(_protector.Protect(link.Id.ToByteArray()));
    }

    /// <summary>
    /// The link a token names, whatever its state, and the current workspace set to the link's; null for a token
    /// that is not one of ours.
    /// </summary>
    public async Task<ShareLink?> OpenAsync(string token, CancellationToken ct)
    {
        Guid id;
        try
        {
            id = new Guid(_protector.Unprotect(Base64Url.DecodeFromChars(token)));
        }
        catch (Exception ex) when (ex is FormatException or System.Security.Cryptography.CryptographicException or ArgumentException)
        {
            return null;
        }
        // The visitor has no workspace yet: the link itself says which one it belongs to.
        var link = await db.ShareLinks.IgnoreQueryFilters().AsNoTracking().SingleOrDefaultAsync(l => l.Id == id, ct);
        if (link is not null)
        {
            scope.Use(link.WorkspaceId);
        }
        return link;
    }
}
