using System.Security.Cryptography;
using System.Text.Json;
using Assessment.Api.Paging;
using Assessment.Api.Persistence;
using Microsoft.EntityFrameworkCore;
using OpenIddict.Abstractions;
using OpenIddict.EntityFrameworkCore.Models;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace Assessment.Api.Identity;

/// <summary>A partner client as its workspace sees it; the secret is never shown again after creation or rotation.</summary>
public sealed record PartnerClient(string ClientId, string Name, IReadOnlyList<string> Scopes);

/// <summary>
/// Partner clients are OpenIddict applications of the client-credentials kind, tied to one workspace by a property.
/// Secrets are stored hashed by OpenIddict. Revoking deletes the client and revokes its tokens, and token validation checks
/// the token's entry on every request, so a revoked client's token stops working at once.
/// </summary>
public sealed class PartnerClients(IOpenIddictApplicationManager applications, IOpenIddictTokenManager tokens, AppDbContext db)
{
    public static OpenIddictApplicationDescriptor Describe(string clientId, string secret, string name, IEnumerable<string> scopes, Guid workspaceId)
    {
        var descriptor = new OpenIddictApplicationDescriptor
        {
            ClientId = clientId,
            ClientSecret = secret,
            ClientType = ClientTypes.Confidential,
            DisplayName = name,
        };
        descriptor.Permissions.Add(Permissions.Endpoints.Token);
        descriptor.Permissions.Add(Permissions.GrantTypes.ClientCredentials);
        foreach (var scope in scopes)
        {
            descriptor.Permissions.Add(Permissions.Prefixes.Scope + scope);
        }
        descriptor.Properties[TokenEndpoint.WorkspaceProperty] = JsonSerializer.SerializeToElement(workspaceId.ToString());
        return descriptor;
    }

    public static string NewSecret() => System.Buffers.Text.Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(32));

    public async Task<IReadOnlyList<PartnerClient>> ListAsync(Guid workspaceId, CancellationToken ct) =>
        await DescribeOwnedAsync(await OfWorkspace(workspaceId).OrderBy(a => a.ClientId).ToListAsync(ct), workspaceId, ct);

    /// <summary>The workspace's clients by client id, after <paramref name="afterClientId"/>: a keyset page.</summary>
    public async Task<Page<PartnerClient>> PageAsync(Guid workspaceId, int take, string? afterClientId, CancellationToken ct)
    {
        var query = OfWorkspace(workspaceId);
        if (afterClientId is not null)
        {
            query = query.Where(a => string.Compare(a.ClientId, afterClientId) > 0);
        }
        var fetched = await query.OrderBy(a => a.ClientId).Take(take + 1).ToListAsync(ct);
        var next = fetched.Count > take ? Cursor.Encode(fetched[take - 1].ClientId ?? "", Guid.Empty) : null;
        return new Page<PartnerClient>(await DescribeOwnedAsync([.. fetched.Take(take)], workspaceId, ct), next);
    }

    // The workspace is a property in the application's JSON: the database narrows by its text, the manager confirms it.
    private IQueryable<OpenIddictEntityFrameworkCoreApplication<Guid>> OfWorkspace(Guid workspaceId)
    {
        var marker = workspaceId.ToString();
        return db.Set<OpenIddictEntityFrameworkCoreApplication<Guid>>().AsNoTracking().Where(a => a.Properties != null && a.Properties.Contains(marker));
    }

    private async Task<IReadOnlyList<PartnerClient>> DescribeOwnedAsync(IEnumerable<OpenIddictEntityFrameworkCoreApplication<Guid>> rows, Guid workspaceId, CancellationToken ct)
    {
        var clients = new List<PartnerClient>();
        foreach (var application in rows)
        {
            if (await OwnedAsync(application, workspaceId, ct))
            {
                clients.Add(await DescribeAsync(application, ct));
            }
        }
        return clients;
    }

    public async Task<(PartnerClient Client, string Secret)> CreateAsync(Guid workspaceId, string workspaceSlug, string name, IReadOnlyList<string> scopes, CancellationToken ct)
    {
        var clientId = $"{workspaceSlug}-{Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(5))}";
        var secret = NewSecret();
        var application = await applications.CreateAsync(Describe(clientId, secret, name, scopes, workspaceId), ct);
        return (await DescribeAsync(application, ct), secret);
    }

    /// <summary>A new secret for the client; the old one stops working for new tokens at once.</summary>
    public async Task<(PartnerClient Client, string Secret)?> RotateAsync(Guid workspaceId, string clientId, CancellationToken ct)
    {
        var application = await applications.FindByClientIdAsync(clientId, ct);
        if (application is null || !await OwnedAsync(application, workspaceId, ct))
        {
            return null;
        }
        var secret = NewSecret();
        var descriptor = new OpenIddictApplicationDescriptor();
        await applications.PopulateAsync(descriptor, application, ct);
        descriptor.ClientSecret = secret;
        await applications.UpdateAsync(application, descriptor, ct);
        return (await DescribeAsync(application, ct), secret);
    }

    public async Task<bool> RevokeAsync(Guid workspaceId, string clientId, CancellationToken ct)
    {
        var application = await applications.FindByClientIdAsync(clientId, ct);
        if (application is null || !await OwnedAsync(application, workspaceId, ct))
        {
            return false;
        }
        var id = await applications.GetIdAsync(application, ct);
        await tokens.RevokeByApplicationIdAsync(id!, ct);
        await applications.DeleteAsync(application, ct);
        return true;
    }

    private async Task<bool> OwnedAsync(object application, Guid workspaceId, CancellationToken ct)
    {
        var properties = await applications.GetPropertiesAsync(application, ct);
        return properties.TryGetValue(TokenEndpoint.WorkspaceProperty, out var owner) && owner.GetString() == workspaceId.ToString();
    }

    private async Task<PartnerClient> DescribeAsync(object application, CancellationToken ct)
    {
        var permissions = await applications.GetPermissionsAsync(application, ct);
        return new PartnerClient(
            await applications.GetClientIdAsync(application, ct) ?? "",
            await applications.GetDisplayNameAsync(application, ct) ?? "",
            [.. permissions.Where(p => p.StartsWith(Permissions.Prefixes.Scope, StringComparison.Ordinal)).Select(p => p[Permissions.Prefixes.Scope.Length..]).Order(StringComparer.Ordinal)]);
    }
}
