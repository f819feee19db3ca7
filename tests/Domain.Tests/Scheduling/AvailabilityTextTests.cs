using Assessment.Domain.Scheduling;
using CsCheck;

namespace Assessment.Domain.Tests.Scheduling;

public sealed class AvailabilityTextTests
{
    [Theory]
    [InlineData("09:00–17:00", "09:00–17:00")]
    [InlineData("9:00-12:00, 14:00-17:30", "09:00–12:00, 14:00–17:30")]
    [InlineData("14:00 - 17:00; 08:30 - 12:00", "08:30–12:00, 14:00–17:00")]
    [InlineData("", "")]
    [InlineData("  ", "")]
    public void Hours_are_read_as_people_type_them_and_written_in_order(string typed, string written)
    {
        Assert.Null(AvailabilityText.TryParseHours(typed, out var hours));
        Assert.Equal(written, AvailabilityText.Format(hours));
    }

    [Theory]
    [InlineData("9 to 5", "is not a range")]
    [InlineData("17:00-09:00", "ends before it starts")]
    [InlineData("09:00-12:00, 11:00-13:00", "overlap")]
    [InlineData("25:00-26:00", "is not a range")]
    public void Hours_that_cannot_be_read_are_named_in_the_problem(string typed, string problem)
    {
        Assert.Contains(problem, AvailabilityText.TryParseHours(typed, out _), StringComparison.Ordinal);
    }

    [Fact]
    public void A_date_alone_is_a_day_off_and_a_date_with_ranges_has_those_hours()
    {
        Assert.Null(AvailabilityText.TryParseDate("2026-12-24", out var off));
        Assert.Equal(new DateOnly(2026, 12, 24), off!.Date);
        Assert.Empty(off.Hours);
        Assert.Null(AvailabilityText.TryParseDate(" 2026-12-31 10:00-13:00 ", out var shorter));
        Assert.Equal("2026-12-31 10:00–13:00", AvailabilityText.Format(shorter!));
        Assert.Contains("like 2026-12-24", AvailabilityText.TryParseDate("24/12/2026", out _), StringComparison.Ordinal);
        Assert.Contains("2026-12-31: ", AvailabilityText.TryParseDate("2026-12-31 noon", out _), StringComparison.Ordinal);
    }

    [Fact]
    public void Written_hours_read_back_to_the_same_ranges()
    {
        var ranges = Gen.Int[0, 95].Array[0, 8]
            .Select(quarters => quarters.Distinct().Order().ToArray())
            .Select(quarters => (IReadOnlyList<TimeRange>)[.. quarters.Chunk(2).Where(pair => pair.Length == 2)
                .Select(pair => new TimeRange(TimeOnly.MinValue.AddMinutes(pair[0] * 15), TimeOnly.MinValue.AddMinutes(pair[1] * 15)))]);
        ranges.Sample(hours =>
        {
            Assert.Null(AvailabilityText.TryParseHours(AvailabilityText.Format(hours), out var read));
            Assert.Equal(hours, read);
        });
    }
}
