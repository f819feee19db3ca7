using Assessment.Api.Identity;
using Assessment.Api.Paging;
using Assessment.Api.Persistence;
using Assessment.Api.Problems;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;

namespace Assessment.Api.Features.Partners;

/// <summary>A new partner client: its scopes (any of the documented ones).</summary>
public sealed record CreatePartnerClientRequest(string? Name, IReadOnlyList<string>? Scopes);

/// <summary>The client with its secret: shown this once, then only its hash is kept.</summary>
public sealed record PartnerClientWithSecret(string ClientId, string Name, IReadOnlyList<string> Scopes, string ClientSecret);

public static class PartnerClientEndpoints
{
    public static IEndpointRouteBuilder MapPartnerClients(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/partner-clients").WithTags("Partner clients").RequireAuthorization(AccessPolicies.Admin);

        group.MapGet("/", async Task<Results<Ok<Page<PartnerClient>>, ProblemHttpResult>> (
                int? limit, string? cursor, PartnerClients clients, WorkspaceScope scope, CancellationToken ct) =>
                Cursor.ReadText(limit, cursor, out var take, out var after) is { } invalid
                    ? invalid.ToProblem()
                    : TypedResults.Ok(await clients.PageAsync(scope.Id, take, after?.Key, ct)))
            .WithName("ListPartnerClients")
            .WithSummary("List the workspace's partner clients by client id; paged with limit and cursor. Admins only.")
            .ProducesValidationProblem();

        group.MapPost("/", async Task<Results<Created<PartnerClientWithSecret>, ProblemHttpResult>> (
                CreatePartnerClientRequest request, PartnerClients clients, WorkspaceScope scope, AppDbContext db, CancellationToken ct) =>
            {
                var errors = new Dictionary<string, string[]>();
                var name = request.Name?.Trim();
                if (string.IsNullOrEmpty(name) || name.Length > 100)
                {
                    errors["name"] = ["A name of 1 to 100 characters is required."];
                }
                var scopes = request.Scopes?.Distinct(StringComparer.Ordinal).ToList() ?? [];
                if (scopes.Count == 0)
                {
                    errors["scopes"] = [$"Choose at least one of: {string.Join(", ", Scopes.All)}."];
                }
                else if (scopes.Except(Scopes.All).ToList() is { Count: > 0 } unknown)
                {
                    errors["scopes"] = [$"Unknown scope(s): {string.Join(", ", unknown)}. Known: {string.Join(", ", Scopes.All)}."];
                }
                if (errors.Count > 0)
                {
                    return Failure.Invalid("The partner client cannot be created.", errors).ToProblem();
                }
                var slug = await db.Workspaces.Where(w => w.Id == scope.Id).Select(w => w.Slug).SingleAsync(ct);
                var (client, secret) = await clients.CreateAsync(scope.Id, slug, name!, scopes, ct);
                return TypedResults.Created($"/api/v1/partner-clients/{client.ClientId}",
                    new PartnerClientWithSecret(client.ClientId, client.Name, client.Scopes, secret));
            })
            .WithName("CreatePartnerClient")
            .WithSummary("Create a partner client; the response holds its secret, which is never shown again. Admins only.")
            .ProducesValidationProblem();

        group.MapPost("/{clientId}/rotate", async Task<Results<Ok<PartnerClientWithSecret>, ProblemHttpResult>> (
                string clientId, PartnerClients clients, WorkspaceScope scope, CancellationToken ct) =>
                await clients.RotateAsync(scope.Id, clientId, ct) is { } rotated
                    ? TypedResults.Ok(new PartnerClientWithSecret(rotated.Client.ClientId, rotated.Client.Name, rotated.Client.Scopes, rotated.Secret))
                    : Failure.NotFound($"Partner client {clientId}").ToProblem())
            .WithName("RotatePartnerClientSecret")
            .WithSummary("Give a partner client a new secret (shown once); the old one no longer obtains tokens. Admins only.")
            .ProducesProblem(StatusCodes.Status404NotFound);

        group.MapDelete("/{clientId}", async Task<Results<NoContent, ProblemHttpResult>> (
                string clientId, PartnerClients clients, WorkspaceScope scope, CancellationToken ct) =>
                await clients.RevokeAsync(scope.Id, clientId, ct) ? TypedResults.NoContent() : Failure.NotFound($"Partner client {clientId}").ToProblem())
            .WithName("RevokePartnerClient")
            .WithSummary("Revoke a partner client: its tokens stop working at once. Admins only.")
            .ProducesProblem(StatusCodes.Status404NotFound);
        return app;
    }
}
