using System.Net;
using System.Text.Json;
using Assessment.Api.Features.Billing;
using Assessment.Api.Persistence;
using Assessment.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using static Assessment.Api.Tests.Billing.StripeJson;

namespace Assessment.Api.Tests.Billing;

public abstract class BillingApiTests(StripeApp app)
{
    private const string ProPrice = "price_pro_monthly";
    private const string PartnerPrice = "price_partner_monthly";

    private DateTimeOffset Now => app.Clock.GetUtcNow();

    private static string Unique(string prefix) => $"{prefix}_{Guid.NewGuid():N}";

    private async Task<JsonElement> SubscriptionAsync(string slug)
    {
        var admin = await app.MemberAsync($"admin@{slug}.test");
        var (status, body) = await admin.GetJsonAsync("/api/v1/billing/subscription");
        Assert.Equal(HttpStatusCode.OK, status);
        return body;
    }

    private static string PlanOf(JsonElement subscription) => subscription.GetProperty("plan").GetProperty("key").GetString()!;

    private async Task SubscribeAsync(string customer, string subscription, string price, DateTimeOffset at, string status = "active")
    {
        var delivered = await app.DeliverAsync(Event(Unique("evt"), "customer.subscription.updated", at,
            Subscription(subscription, customer, status, price, Now.AddDays(30))));
        Assert.Equal(HttpStatusCode.OK, delivered.Status);
        await app.ProcessEventsAsync();
    }

    [Fact]
    public async Task Checkout_creates_one_stripe_customer_per_workspace_with_an_idempotency_key()
    {
        var workspace = await app.WorkspaceIdAsync("gamma");
        app.Stripe.Given(Request.Create().WithPath("/v1/customers").UsingPost().WithBody(b => b != null && b.Contains(workspace.ToString(), StringComparison.Ordinal)))
            .RespondWith(Response.Create().WithHeader("Content-Type", "application/json").WithBody("""{"id":"cus_gamma","object":"customer"}"""));
        app.Stripe.Given(Request.Create().WithPath("/v1/checkout/sessions").UsingPost().WithBody(b => b != null && b.Contains("customer=cus_gamma", StringComparison.Ordinal)))
            .RespondWith(Response.Create().WithHeader("Content-Type", "application/json")
                .WithBody("""{"id":"cs_test_gamma","object":"checkout.session","mode":"subscription","url":"https://checkout.stripe.test/c/pay/cs_test_gamma"}"""));
        var admin = await app.MemberAsync("admin@gamma.test");

        var first = await admin.PostJsonAsync("/api/v1/billing/checkout-session", new { plan = "pro" });
        var second = await admin.PostJsonAsync("/api/v1/billing/checkout-session", new { plan = "partner" });

        Assert.Equal(HttpStatusCode.OK, first.Status);
        Assert.Equal("https://checkout.stripe.test/c/pay/cs_test_gamma", first.Body.GetProperty("url").GetString());
        Assert.Equal(HttpStatusCode.OK, second.Status);
        var customers = app.Stripe.LogEntries.Where(e => e.RequestMessage.Path == "/v1/customers" && e.RequestMessage.Body!.Contains(workspace.ToString(), StringComparison.Ordinal)).ToList();
        var created = Assert.Single(customers);
        Assert.Equal(BillingHandlers.CustomerIdempotencyKey(workspace), created.RequestMessage.Headers!["Idempotency-Key"].Single());
        Assert.Equal("Bearer sk_test_fake", created.RequestMessage.Headers!["Authorization"].Single());
        var sessions = app.Stripe.LogEntries.Where(e => e.RequestMessage.Path == "/v1/checkout/sessions" && e.RequestMessage.Body!.Contains("customer=cus_gamma", StringComparison.Ordinal))
            .Select(e => WebUtility.UrlDecode(e.RequestMessage.Body!)).ToList();
        Assert.Equal(2, sessions.Count);
        Assert.Contains("mode=subscription", sessions[0], StringComparison.Ordinal);
        Assert.Contains($"line_items[0][price]={ProPrice}", sessions[0], StringComparison.Ordinal);
        Assert.Contains($"client_reference_id={workspace}", sessions[0], StringComparison.Ordinal);
        Assert.Contains($"line_items[0][price]={PartnerPrice}", sessions[1], StringComparison.Ordinal);
        using var scope = app.Services.CreateScope();
        var stored = await scope.ServiceProvider.GetRequiredService<AppDbContext>().BillingAccounts.IgnoreQueryFilters().SingleAsync(a => a.WorkspaceId == workspace);
        Assert.Equal("cus_gamma", stored.StripeCustomerId);
    }

    [Fact]
    public async Task Portal_session_is_opened_for_the_workspace_customer()
    {
        await app.CustomerAsync("mu");
        app.Stripe.Given(Request.Create().WithPath("/v1/billing_portal/sessions").UsingPost().WithBody(b => b != null && b.Contains("customer=cus_mu", StringComparison.Ordinal)))
            .RespondWith(Response.Create().WithHeader("Content-Type", "application/json")
                .WithBody("""{"id":"bps_mu","object":"billing_portal.session","customer":"cus_mu","url":"https://billing.stripe.test/p/session/bps_mu"}"""));
        var admin = await app.MemberAsync("admin@mu.test");

        var portal = await admin.PostJsonAsync("/api/v1/billing/portal-session");

        Assert.Equal(HttpStatusCode.OK, portal.Status);
        Assert.Equal("https://billing.stripe.test/p/session/bps_mu", portal.Body.GetProperty("url").GetString());
        var request = WebUtility.UrlDecode(Assert.Single(app.Stripe.LogEntries, e => e.RequestMessage.Path == "/v1/billing_portal/sessions"
            && e.RequestMessage.Body!.Contains("cus_mu", StringComparison.Ordinal)).RequestMessage.Body!);
        Assert.EndsWith("/app/billing", request.Split('&').Single(p => p.StartsWith("return_url=", StringComparison.Ordinal)), StringComparison.Ordinal);
        Assert.DoesNotContain(app.Stripe.LogEntries, e => e.RequestMessage.Path == "/v1/customers" && e.RequestMessage.Body!.Contains("mu advisers", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Checkout_needs_a_plan_for_sale_and_an_admin()
    {
        var admin = await app.MemberAsync("admin@alpha.test");
        var free = await admin.PostJsonAsync("/api/v1/billing/checkout-session", new { plan = "free" });
        Assert.Contains("plan", free.AssertProblem(HttpStatusCode.BadRequest, "/problems/validation").Keys);
        var consultant = await app.MemberAsync("consultant@alpha.test");
        Assert.Equal(HttpStatusCode.Forbidden, (await consultant.PostJsonAsync("/api/v1/billing/checkout-session", new { plan = "pro" })).Status);
        Assert.Equal(HttpStatusCode.Forbidden, (await consultant.GetJsonAsync("/api/v1/billing/subscription")).Status);
        Assert.DoesNotContain(app.Stripe.LogEntries, e => e.RequestMessage.Path == "/v1/checkout/sessions" && e.RequestMessage.Body!.Contains("price_free", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Stripe_refusing_a_request_is_a_502_problem()
    {
        // No mapping for this workspace's customer: the fake answers 404 like Stripe does for an unknown route.
        var admin = await app.MemberAsync("admin@beta.test");
        var refused = await admin.PostJsonAsync("/api/v1/billing/checkout-session", new { plan = "pro" });
        refused.AssertProblem(HttpStatusCode.BadGateway, "/problems/billing-provider-error");
    }

    [Fact]
    public async Task A_verified_subscription_event_is_stored_then_applied_in_the_background()
    {
        var customer = await app.CustomerAsync("delta");
        var partner = await app.PartnerAsync("delta-partner");
        (await partner.GetJsonAsync("/api/v1/questionnaires")).AssertProblem(HttpStatusCode.Forbidden, "/problems/api-access-not-in-plan");
        var periodEnd = new DateTimeOffset(Now.AddDays(30).UtcDateTime.Date, TimeSpan.Zero);
        var id = Unique("evt");

        var delivered = await app.DeliverAsync(Event(id, "customer.subscription.created", Now.AddSeconds(-5),
            Subscription("sub_delta", customer, "active", PartnerPrice, periodEnd)));

        Assert.Equal(HttpStatusCode.OK, delivered.Status);
        var stored = await app.StoredEventAsync(id);
        Assert.NotNull(stored);
        Assert.Null(stored.ProcessedAt);
        Assert.Equal("free", PlanOf(await SubscriptionAsync("delta")));

        await app.ProcessEventsAsync();

        Assert.NotNull((await app.StoredEventAsync(id))!.ProcessedAt);
        var subscription = await SubscriptionAsync("delta");
        Assert.Equal("partner", PlanOf(subscription));
        Assert.Equal("active", subscription.GetProperty("status").GetString());
        Assert.Equal(periodEnd, subscription.GetProperty("currentPeriodEnd").GetDateTimeOffset());
        Assert.True(subscription.GetProperty("entitlements").GetProperty("partnerApi").GetBoolean());
        Assert.Equal(HttpStatusCode.OK, (await partner.GetJsonAsync("/api/v1/questionnaires")).Status);
    }

    [Fact]
    public async Task Checkout_completed_fetches_the_subscription_from_stripe()
    {
        var customer = await app.CustomerAsync("iota");
        app.Stripe.Given(Request.Create().WithPath("/v1/subscriptions/sub_iota").UsingGet())
            .RespondWith(Response.Create().WithHeader("Content-Type", "application/json")
                .WithBody(JsonSerializer.Serialize(Subscription("sub_iota", customer, "trialing", ProPrice, Now.AddDays(14), trialEnd: Now.AddDays(14)))));

        var delivered = await app.DeliverAsync(Event(Unique("evt"), "checkout.session.completed", Now,
            new Dictionary<string, object?>
            {
                ["id"] = "cs_iota",
                ["object"] = "checkout.session",
                ["mode"] = "subscription",
                ["customer"] = customer,
                ["subscription"] = "sub_iota",
                ["client_reference_id"] = (await app.WorkspaceIdAsync("iota")).ToString(),
            }));
        Assert.Equal(HttpStatusCode.OK, delivered.Status);
        await app.ProcessEventsAsync();

        var subscription = await SubscriptionAsync("iota");
        Assert.Equal("pro", PlanOf(subscription));
        Assert.Equal("trialing", subscription.GetProperty("status").GetString());
        Assert.Contains(app.Stripe.LogEntries, e => e.RequestMessage.Path == "/v1/subscriptions/sub_iota" && e.RequestMessage.Method == "GET");
    }

    [Fact]
    public async Task A_bad_signature_is_400_and_nothing_is_stored()
    {
        var id = Unique("evt");
        var payload = Event(id, "customer.subscription.updated", Now, Subscription("sub_forged", "cus_alpha", "active", PartnerPrice, Now.AddDays(30)));

        var forged = await app.DeliverAsync(payload, secret: "whsec_someone_else");
        Assert.Equal(HttpStatusCode.BadRequest, forged.Status);
        Assert.Contains("/problems/invalid-webhook", forged.Body, StringComparison.Ordinal);

        using var client = app.CreateClient();
        using var unsigned = await client.PostAsync(Http.Url("/webhooks/stripe"), new StringContent(payload));
        Assert.Equal(HttpStatusCode.BadRequest, unsigned.StatusCode);

        Assert.Null(await app.StoredEventAsync(id));
    }

    [Fact]
    public async Task A_stale_signature_is_400_and_nothing_is_stored()
    {
        var id = Unique("evt");
        var payload = Event(id, "customer.subscription.updated", Now, Subscription("sub_stale", "cus_alpha", "active", PartnerPrice, Now.AddDays(30)));

        var stale = await app.DeliverAsync(payload, signedAt: Now.AddMinutes(-6));

        Assert.Equal(HttpStatusCode.BadRequest, stale.Status);
        Assert.Null(await app.StoredEventAsync(id));
        // The same body signed now is accepted: only the timestamp made the difference.
        Assert.Equal(HttpStatusCode.OK, (await app.DeliverAsync(payload, signedAt: Now.AddMinutes(-4))).Status);
        Assert.NotNull(await app.StoredEventAsync(id));
    }

    [Fact]
    public async Task Signed_malformed_json_is_400_and_nothing_is_stored()
    {
        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var before = await db.StripeEvents.CountAsync();

        var broken = await app.DeliverAsync("""{"id":"evt_broken","object":"event","type":""");

        Assert.Equal(HttpStatusCode.BadRequest, broken.Status);
        Assert.Contains("/problems/invalid-webhook", broken.Body, StringComparison.Ordinal);
        Assert.Equal(before, await db.StripeEvents.CountAsync());
    }

    [Fact]
    public async Task A_duplicate_event_is_stored_and_applied_once()
    {
        var customer = await app.CustomerAsync("epsilon");
        var id = Unique("evt");
        var payload = Event(id, "customer.subscription.created", Now.AddSeconds(-30), Subscription("sub_epsilon", customer, "active", ProPrice, Now.AddDays(30)));

        Assert.Equal(HttpStatusCode.OK, (await app.DeliverAsync(payload)).Status);
        await app.ProcessEventsAsync();
        Assert.Equal(HttpStatusCode.OK, (await app.DeliverAsync(payload)).Status);
        await app.ProcessEventsAsync();

        var stored = await app.StoredEventAsync(id);
        Assert.Equal(1, stored!.Attempts);
        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        Assert.Equal(1, await db.StripeEvents.CountAsync(e => e.Id == id));
        Assert.Equal(1, await db.PlanSubscriptions.IgnoreQueryFilters().CountAsync(s => s.Id == "sub_epsilon"));
    }

    [Fact]
    public async Task An_older_event_never_overwrites_newer_state()
    {
        var customer = await app.CustomerAsync("zeta");
        // The newer event (active on partner) arrives and is applied first, the older one (canceled on pro) after it.
        Assert.Equal(HttpStatusCode.OK, (await app.DeliverAsync(Event(Unique("evt"), "customer.subscription.updated", Now.AddSeconds(-10),
            Subscription("sub_zeta", customer, "active", PartnerPrice, Now.AddDays(30))))).Status);
        await app.ProcessEventsAsync();
        Assert.Equal(HttpStatusCode.OK, (await app.DeliverAsync(Event(Unique("evt"), "customer.subscription.deleted", Now.AddSeconds(-100),
            Subscription("sub_zeta", customer, "canceled", ProPrice, Now.AddDays(30))))).Status);
        await app.ProcessEventsAsync();

        var subscription = await SubscriptionAsync("zeta");
        Assert.Equal("partner", PlanOf(subscription));
        Assert.Equal("active", subscription.GetProperty("status").GetString());

        // A newer cancellation does apply, and the free plan takes over.
        await SubscribeAsync(customer, "sub_zeta", PartnerPrice, Now.AddSeconds(-1), status: "canceled");
        var canceled = await SubscriptionAsync("zeta");
        Assert.Equal("free", PlanOf(canceled));
        Assert.Equal("canceled", canceled.GetProperty("status").GetString());
    }

    [Fact]
    public async Task An_unknown_event_type_is_stored_and_ignored()
    {
        var id = Unique("evt");
        var delivered = await app.DeliverAsync(Event(id, "charge.refunded", Now, new Dictionary<string, object?> { ["id"] = "ch_1", ["object"] = "charge" }));
        Assert.Equal(HttpStatusCode.OK, delivered.Status);

        await app.ProcessEventsAsync();

        var stored = await app.StoredEventAsync(id);
        Assert.NotNull(stored!.ProcessedAt);
        Assert.StartsWith("ignored", stored.Outcome, StringComparison.Ordinal);
        Assert.Null(stored.LastError);
    }

    [Fact]
    public async Task A_processing_failure_is_retried_later()
    {
        // The customer is not known yet (its row is written after Stripe already sent the event).
        var id = Unique("evt");
        Assert.Equal(HttpStatusCode.OK, (await app.DeliverAsync(Event(id, "customer.subscription.created", Now,
            Subscription("sub_eta", "cus_eta", "active", ProPrice, Now.AddDays(30))))).Status);

        await app.ProcessEventsAsync();
        var failed = await app.StoredEventAsync(id);
        Assert.Null(failed!.ProcessedAt);
        Assert.Equal(1, failed.Attempts);
        Assert.Contains("cus_eta", failed.LastError, StringComparison.Ordinal);
        Assert.True(failed.NextAttemptAt > Now.AddSeconds(25), "The retry waits.");

        await app.CustomerAsync("eta");
        await app.ProcessEventsAsync();
        Assert.Equal(1, (await app.StoredEventAsync(id))!.Attempts);

        app.Clock.Advance(TimeSpan.FromMinutes(1));
        await app.ProcessEventsAsync();
        var retried = await app.StoredEventAsync(id);
        Assert.NotNull(retried!.ProcessedAt);
        Assert.Equal(2, retried.Attempts);
        Assert.Equal("pro", PlanOf(await SubscriptionAsync("eta")));
    }

    [Fact]
    public async Task A_failed_payment_keeps_the_plan_for_the_grace_period_then_the_free_plan_applies()
    {
        var customer = await app.CustomerAsync("theta");
        await SubscribeAsync(customer, "sub_theta", PartnerPrice, Now.AddDays(-20));

        Assert.Equal(HttpStatusCode.OK, (await app.DeliverAsync(Event(Unique("evt"), "invoice.payment_failed", Now.AddDays(-2),
            Invoice("in_theta_1", customer, "sub_theta")))).Status);
        await app.ProcessEventsAsync();
        var pastDue = await SubscriptionAsync("theta");
        Assert.Equal("past_due", pastDue.GetProperty("status").GetString());
        Assert.Equal("partner", PlanOf(pastDue));

        app.Clock.Advance(TimeSpan.FromDays(5) + TimeSpan.FromHours(1));
        Assert.Equal("free", PlanOf(await SubscriptionAsync("theta")));

        Assert.Equal(HttpStatusCode.OK, (await app.DeliverAsync(Event(Unique("evt"), "invoice.paid", Now,
            Invoice("in_theta_2", customer, "sub_theta")))).Status);
        await app.ProcessEventsAsync();
        var paid = await SubscriptionAsync("theta");
        Assert.Equal("active", paid.GetProperty("status").GetString());
        Assert.Equal("partner", PlanOf(paid));
    }

    [Fact]
    public async Task Trial_ending_soon_is_emailed_to_the_admins_through_the_outbox()
    {
        var customer = await app.CustomerAsync("kappa");
        var id = Unique("evt");
        var trialEnd = new DateTimeOffset(2031, 3, 14, 12, 0, 0, TimeSpan.Zero);

        Assert.Equal(HttpStatusCode.OK, (await app.DeliverAsync(Event(id, "customer.subscription.trial_will_end", Now,
            Subscription("sub_kappa", customer, "trialing", ProPrice, trialEnd, trialEnd)))).Status);
        await app.ProcessEventsAsync();

        using var scope = app.Services.CreateScope();
        var mail = await scope.ServiceProvider.GetRequiredService<AppDbContext>().Outbox.AsNoTracking()
            .Where(m => m.Topic == $"stripe:{id}:trial-will-end").ToListAsync();
        var email = Assert.Single(mail).ReadEmail();
        Assert.Equal("admin@kappa.test", email.To);
        Assert.Contains("14 March 2031", email.Subject, StringComparison.Ordinal);
        Assert.Contains("/app/billing", email.TextBody, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Free_plan_refuses_partner_tokens_but_not_members()
    {
        var partner = await app.PartnerAsync("beta-partner");
        var refused = await partner.PostJsonAsync("/api/v1/assessments", new { questionnaireKey = "owner-time" });
        refused.AssertProblem(HttpStatusCode.Forbidden, "/problems/api-access-not-in-plan");
        Assert.Contains("Free", refused.Body.GetProperty("detail").GetString(), StringComparison.Ordinal);
        (await partner.GetJsonAsync("/api/v1/bookings")).AssertProblem(HttpStatusCode.Forbidden, "/problems/api-access-not-in-plan");

        var member = await app.MemberAsync("consultant@beta.test");
        Assert.Equal(HttpStatusCode.OK, (await member.GetJsonAsync("/api/v1/questionnaires")).Status);
    }

    [Fact]
    public async Task Starts_at_the_same_instant_cannot_pass_the_monthly_quota()
    {
        var members = new[] { await app.MemberAsync("admin@xi.test"), await app.MemberAsync("consultant@xi.test") };
        for (var i = 0; i < 20; i++)
        {
            Assert.Equal(HttpStatusCode.Created, (await members[0].PostJsonAsync("/api/v1/assessments", new { questionnaireKey = "owner-time" })).Status);
        }
        // Five left of 25; twelve starts race for them.
        var racing = await Task.WhenAll(Enumerable.Range(0, 12).Select(i => members[i % 2].PostJsonAsync("/api/v1/assessments", new { questionnaireKey = "owner-time" })));
        Assert.Equal(5, racing.Count(r => r.Status == HttpStatusCode.Created));
        Assert.All(racing.Where(r => r.Status != HttpStatusCode.Created), r => r.AssertProblem(HttpStatusCode.Forbidden, "/problems/assessment-quota-exceeded"));
        Assert.Equal(25, (await members[0].GetJsonAsync("/api/v1/assessments?limit=100")).Body.GetProperty("data").GetArrayLength());
        var usage = await members[0].GetJsonAsync("/api/v1/billing/subscription");
        Assert.Equal(25, usage.Body.GetProperty("usage").GetProperty("assessmentsThisMonth").GetInt32());
    }

    [Fact]
    public async Task Free_plan_stops_new_assessments_after_25_in_a_month_on_the_api_and_the_owner_page()
    {
        var member = await app.MemberAsync("consultant@lambda.test");
        for (var i = 0; i < 25; i++)
        {
            Assert.Equal(HttpStatusCode.Created, (await member.PostJsonAsync("/api/v1/assessments", new { questionnaireKey = "owner-time" })).Status);
        }

        var refused = await member.PostJsonAsync("/api/v1/assessments", new { questionnaireKey = "owner-time" });
        refused.AssertProblem(HttpStatusCode.Forbidden, "/problems/assessment-quota-exceeded");
        Assert.Contains("25 assessments a month", refused.Body.GetProperty("detail").GetString(), StringComparison.Ordinal);

        using var owner = app.CreateClient();
        var page = await owner.GetStringAsync(Http.Url("/w/lambda/assessment"));
        using var start = await owner.PostAsync(Http.Url("/w/lambda/assessment"), new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["_handler"] = "start",
            ["__RequestVerificationToken"] = AssessmentApp.AntiforgeryToken(page),
            ["email"] = "owner@practice.test",
            ["consent"] = Assessment.Domain.Privacy.DataUseNotice.Version,
        }));
        Assert.Equal(HttpStatusCode.Forbidden, start.StatusCode);
        Assert.Contains("cannot start new assessments", await start.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        using var scope = app.Services.CreateScope();
        var workspace = await app.WorkspaceIdAsync("lambda");
        Assert.Equal(25, await scope.ServiceProvider.GetRequiredService<AppDbContext>().Assessments.IgnoreQueryFilters().CountAsync(a => a.WorkspaceId == workspace));
        var usage = (await SubscriptionAsync("lambda")).GetProperty("usage");
        Assert.Equal(25, usage.GetProperty("assessmentsThisMonth").GetInt32());
    }

    [Fact]
    public async Task Adding_a_member_takes_a_seat_and_the_free_plan_has_two()
    {
        var admin = await app.MemberAsync("admin@alpha.test");
        var body = new { email = "third@alpha.test", password = AssessmentApp.Password, role = "Consultant" };

        var refused = await admin.PostJsonAsync("/api/v1/members", body);
        refused.AssertProblem(HttpStatusCode.Forbidden, "/problems/seat-limit-reached");
        using (var scope = app.Services.CreateScope())
        {
            Assert.False(await scope.ServiceProvider.GetRequiredService<AppDbContext>().Users.AnyAsync(m => m.Email == "third@alpha.test"));
        }

        await SubscribeAsync(await app.CustomerAsync("alpha"), "sub_alpha", ProPrice, Now.AddSeconds(-1));
        var invalid = await admin.PostJsonAsync("/api/v1/members", new { email = "fourth@alpha.test", password = AssessmentApp.Password, role = "Owner" });
        Assert.Contains("role", invalid.AssertProblem(HttpStatusCode.BadRequest, "/problems/validation").Keys);

        var added = await admin.PostJsonAsync("/api/v1/members", body);
        Assert.Equal(HttpStatusCode.Created, added.Status);
        Assert.Equal("Consultant", added.Body.GetProperty("role").GetString());
        var newcomer = await app.MemberAsync("third@alpha.test");
        Assert.Equal(HttpStatusCode.OK, (await newcomer.GetJsonAsync("/api/v1/questionnaires")).Status);
        Assert.Equal(HttpStatusCode.Forbidden, (await newcomer.PostJsonAsync("/api/v1/members", new { email = "x@alpha.test", password = AssessmentApp.Password, role = "Admin" })).Status);
        Assert.Equal(3, (await SubscriptionAsync("alpha")).GetProperty("usage").GetProperty("seatsUsed").GetInt32());
    }

    [Fact]
    public async Task Billing_page_shows_the_plan_to_admins_and_its_upgrade_button_goes_to_checkout()
    {
        await app.CustomerAsync("nu");
        app.Stripe.Given(Request.Create().WithPath("/v1/checkout/sessions").UsingPost().WithBody(b => b != null && b.Contains("customer=cus_nu", StringComparison.Ordinal)))
            .RespondWith(Response.Create().WithHeader("Content-Type", "application/json")
                .WithBody("""{"id":"cs_test_nu","object":"checkout.session","mode":"subscription","url":"https://checkout.stripe.test/c/pay/cs_test_nu"}"""));
        var admin = await app.MemberAsync("admin@nu.test");

        var home = await admin.GetStringAsync(Http.Url("/app"));
        Assert.Contains("href=\"/app/billing\"", home, StringComparison.Ordinal);
        var page = await admin.GetStringAsync(Http.Url("/app/billing"));
        Assert.Contains("<dd>Free</dd>", page, StringComparison.Ordinal);
        Assert.Contains("0 of 25", page, StringComparison.Ordinal);
        Assert.Contains("2 of 2", page, StringComparison.Ordinal);
        Assert.Contains("Upgrade to Partner", page, StringComparison.Ordinal);

        using var checkout = await admin.PostAsync(Http.Url("/app/billing/checkout"), new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["plan"] = "pro",
            ["__RequestVerificationToken"] = AssessmentApp.AntiforgeryToken(page),
        }));
        Assert.Equal(HttpStatusCode.Redirect, checkout.StatusCode);
        Assert.Equal("https://checkout.stripe.test/c/pay/cs_test_nu", checkout.Headers.Location?.OriginalString);

        var consultant = await app.MemberAsync("consultant@nu.test");
        Assert.DoesNotContain("/app/billing", await consultant.GetStringAsync(Http.Url("/app")), StringComparison.Ordinal);
        using var refused = await consultant.GetAsync(Http.Url("/app/billing"));
        Assert.Equal(HttpStatusCode.Redirect, refused.StatusCode);
    }
}

public sealed class BillingApiTestsOnSqlite(SqliteStripeApp app) : BillingApiTests(app), IClassFixture<SqliteStripeApp>;

public sealed class BillingApiTestsOnPostgres(PostgresStripeApp app) : BillingApiTests(app), IClassFixture<PostgresStripeApp>;

/// <summary>Without a Stripe key: nothing can be bought, and the default plan applies.</summary>
public abstract class BillingNotConfiguredTests(AssessmentApp app)
{
    [Fact]
    public async Task Billing_endpoints_answer_503_and_the_default_plan_applies()
    {
        var admin = await app.MemberAsync("admin@alpha.test");
        (await admin.PostJsonAsync("/api/v1/billing/checkout-session", new { plan = "pro" })).AssertProblem(HttpStatusCode.ServiceUnavailable, "/problems/billing-not-configured");
        (await admin.PostJsonAsync("/api/v1/billing/portal-session")).AssertProblem(HttpStatusCode.ServiceUnavailable, "/problems/billing-not-configured");

        (await admin.GetJsonAsync("/api/v1/billing/subscription")).AssertProblem(HttpStatusCode.ServiceUnavailable, "/problems/billing-not-configured");

        // The default plan applies, and the billing page says why nothing can be bought.
        var page = await admin.GetStringAsync(Http.Url("/app/billing"));
        Assert.Contains("Unlimited (tests)", page, StringComparison.Ordinal);
        Assert.Contains("Billing is not configured on this installation", page, StringComparison.Ordinal);

        using var client = app.CreateClient();
        using var webhook = await client.PostAsync(Http.Url("/webhooks/stripe"), new StringContent("{}"));
        Assert.Equal(HttpStatusCode.ServiceUnavailable, webhook.StatusCode);
    }
}

public sealed class BillingNotConfiguredTestsOnSqlite(SqliteApp app) : BillingNotConfiguredTests(app), IClassFixture<SqliteApp>;

public sealed class BillingNotConfiguredTestsOnPostgres(PostgresApp app) : BillingNotConfiguredTests(app), IClassFixture<PostgresApp>;
