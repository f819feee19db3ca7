using Assessment.Api.Identity;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;

namespace Assessment.Web;

/// <summary>Sign-in and sign-out for workspace members, as plain form posts.</summary>
public static class MemberAccount
{
    public static IEndpointRouteBuilder MapMemberAccount(this IEndpointRouteBuilder app)
    {
        app.MapPost("/sign-in", async ([FromForm] string? email, [FromForm] string? password, [FromForm] string? returnUrl,
            SignInManager<Member> signIn) =>
        {
            var back = SafeReturn(returnUrl);
            if (string.IsNullOrWhiteSpace(email) || string.IsNullOrEmpty(password))
            {
                return Results.Redirect($"/sign-in?error=missing&returnUrl={Uri.EscapeDataString(back)}");
            }
            var result = await signIn.PasswordSignInAsync(email.Trim(), password, isPersistent: false, lockoutOnFailure: true);
            if (result.Succeeded)
            {
                return Results.LocalRedirect(back);
            }
            var error = result.IsLockedOut ? "locked" : "invalid";
            return Results.Redirect($"/sign-in?error={error}&email={Uri.EscapeDataString(email.Trim())}&returnUrl={Uri.EscapeDataString(back)}");
        }).ExcludeFromDescription();

        app.MapPost("/sign-out", async (SignInManager<Member> signIn) =>
        {
            await signIn.SignOutAsync();
            return Results.LocalRedirect("/");
        }).ExcludeFromDescription();

        return app;
    }

    private static string SafeReturn(string? returnUrl) =>
        !string.IsNullOrEmpty(returnUrl) && returnUrl.StartsWith('/') && !returnUrl.StartsWith("//", StringComparison.Ordinal)
            && !returnUrl.StartsWith("/\\", StringComparison.Ordinal)
            ? returnUrl
            : "/app";
}
