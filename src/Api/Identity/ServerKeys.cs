using System.Security.Cryptography;
using Assessment.Api.Persistence;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Tokens;
using OpenIddict.Server;

namespace Assessment.Api.Identity;

/// <summary>
/// Gives the OAuth2 server its signing and encryption keys from the database, creating them on first use,
/// so tokens stay valid across restarts and every instance behind a load balancer uses the same keys.
/// The private keys are protected at rest with Data Protection, whose own keys are also in the database.
/// </summary>
public sealed class ServerKeys(IServiceScopeFactory scopes, IDataProtectionProvider dataProtection, TimeProvider clock)
    : IConfigureOptions<OpenIddictServerOptions>
{
    private const string Signing = "signing";
    private const string Encryption = "encryption";

    public void Configure(OpenIddictServerOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        using var scope = scopes.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var protector = dataProtection.CreateProtector("Assessment.ServerKeys");
        options.SigningCredentials.Add(new SigningCredentials(Load(db, protector, Signing), SecurityAlgorithms.RsaSha256));
        options.EncryptionCredentials.Add(new EncryptingCredentials(Load(db, protector, Encryption),
            SecurityAlgorithms.RsaOAEP, SecurityAlgorithms.Aes256CbcHmacSha512));
    }

    private RsaSecurityKey Load(AppDbContext db, IDataProtector protector, string purpose)
    {
        var stored = db.ServerKeys.AsNoTracking().SingleOrDefault(k => k.Purpose == purpose);
        if (stored is null)
        {
            using var rsa = RSA.Create(2048);
            db.ServerKeys.Add(new ServerKey
            {
                Id = Guid.CreateVersion7(),
                Purpose = purpose,
                ProtectedKey = protector.Protect(rsa.ExportRSAPrivateKeyPem()),
                CreatedAt = clock.GetUtcNow(),
            });
            try
            {
                db.SaveChanges();
            }
            catch (DbUpdateException)
            {
                // Another instance created it first: use theirs.
            }
            db.ChangeTracker.Clear();
            stored = db.ServerKeys.AsNoTracking().Single(k => k.Purpose == purpose);
        }
        var key = RSA.Create();
        key.ImportFromPem(protector.Unprotect(stored.ProtectedKey));
        return new RsaSecurityKey(key) { KeyId = stored.Id.ToString("N") };
    }
}
