using Assessment.Domain.Statistics;

namespace Assessment.Domain.Tests;

public sealed class ReliabilityTests
{
    // Six respondents, four items. By hand: item variances 1.1, 2.6667, 1.1, 0.8 (sum 5.6667); totals 16, 12, 19, 7,
    // 15, 11 with variance 17.8667; α = 4/3 × (1 − 5.6667 / 17.8667) = 0.9104.
    private static readonly double[][] Worked =
    [
        [4, 5, 4, 3],
        [3, 3, 4, 2],
        [5, 5, 5, 4],
        [2, 1, 2, 2],
        [4, 4, 3, 4],
        [3, 2, 3, 3],
    ];

    private static SubscaleReliability Compute(double[][] rows)
    {
        var accumulator = new ReliabilityAccumulator("scale", ["i1", "i2", "i3", "i4"]);
        foreach (var row in rows)
        {
            accumulator.Add(row);
        }
        return accumulator.Result();
    }

    [Fact]
    public void Cronbach_alpha_matches_the_worked_example()
    {
        var result = Compute(Worked);
        Assert.Equal(6, result.Responses);
        Assert.Equal(0.9104, result.Alpha);
    }

    [Fact]
    public void Corrected_item_total_correlations_match_the_worked_example()
    {
        var result = Compute(Worked);
        Assert.Equal([0.9868, 0.9129, 0.7636, 0.6911], result.ItemTotals.Select(t => t.Correlation!.Value));
        Assert.Equal(["i1", "i2", "i3", "i4"], result.ItemTotals.Select(t => t.ItemId));
    }

    [Fact]
    public void Order_of_responses_does_not_change_alpha()
    {
        Assert.Equal(Compute(Worked).Alpha, Compute([.. Worked.Reverse()]).Alpha);
    }

    [Fact]
    public void Items_that_disagree_give_a_low_alpha()
    {
        var result = Compute([[1, 5, 1, 4], [5, 1, 4, 2], [2, 4, 2, 5], [4, 2, 5, 1], [3, 4, 3, 3]]);
        Assert.True(result.Alpha < 0, $"Opposed items should give α below zero, got {result.Alpha}.");
    }

    [Fact]
    public void Fewer_than_two_responses_or_no_variance_leave_alpha_undefined()
    {
        Assert.Null(Compute([[4, 5, 4, 3]]).Alpha);
        Assert.Null(Compute([[3, 3, 3, 3], [3, 3, 3, 3]]).Alpha);
        Assert.All(Compute([[3, 3, 3, 3], [3, 3, 3, 3]]).ItemTotals, t => Assert.Null(t.Correlation));
    }

    [Fact]
    public void A_response_must_answer_every_item()
    {
        var accumulator = new ReliabilityAccumulator("scale", ["i1", "i2"]);
        Assert.Throws<ArgumentException>(() => accumulator.Add([1.0]));
    }
}
