using System.Net;
using Assessment.Api.Persistence;
using Assessment.Testing;

namespace Assessment.Api.Tests.Billing;

/// <summary>An app whose plan has four seats: alpha's admin and consultant take two.</summary>
public abstract class FourSeatApp(DatabaseProvider provider) : AssessmentApp(provider)
{
    protected override void Configure(Dictionary<string, string?> settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        settings["Billing:Plans:unlimited:ConsultantSeats"] = "4";
    }
}

public sealed class FourSeatSqliteApp() : FourSeatApp(DatabaseProvider.Sqlite);

public sealed class FourSeatPostgresApp() : FourSeatApp(DatabaseProvider.Postgres);

public abstract class SeatRaceTests(FourSeatApp app)
{
    [Fact]
    public async Task Members_added_at_the_same_instant_cannot_pass_the_plans_seats()
    {
        var admins = new[] { await app.MemberAsync("admin@alpha.test"), await app.MemberAsync("admin@alpha.test") };
        var racing = await Task.WhenAll(Enumerable.Range(0, 6).Select(i => admins[i % 2].PostJsonAsync("/api/v1/members",
            new { email = $"racer{i}@alpha.test", password = "Racing-pass-1", role = "Consultant" })));
        Assert.Equal(2, racing.Count(r => r.Status == HttpStatusCode.Created));
        Assert.All(racing.Where(r => r.Status != HttpStatusCode.Created), r => r.AssertProblem(HttpStatusCode.Forbidden, "/problems/seat-limit-reached"));
        var consultants = await admins[0].GetJsonAsync("/api/v1/consultants?limit=100");
        Assert.Equal(4, consultants.Body.GetProperty("data").GetArrayLength());
    }
}

public sealed class SeatRaceTestsOnSqlite(FourSeatSqliteApp app) : SeatRaceTests(app), IClassFixture<FourSeatSqliteApp>;

public sealed class SeatRaceTestsOnPostgres(FourSeatPostgresApp app) : SeatRaceTests(app), IClassFixture<FourSeatPostgresApp>;
