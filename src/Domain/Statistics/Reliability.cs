namespace Assessment.Domain.Statistics;

/// <summary>Internal consistency of one subscale: Cronbach's α and each item's corrected item-total correlation.</summary>
public sealed record SubscaleReliability(string Subscale, int Responses, IReadOnlyList<string> Items, double? Alpha, IReadOnlyList<ItemTotal> ItemTotals);

/// <summary>The correlation of an item with the sum of the other items of its subscale; null when undefined.</summary>
public sealed record ItemTotal(string ItemId, double? Correlation);

/// <summary>
/// Accumulates complete responses to a set of items (one value per item, reverse keys already applied) and
/// computes Cronbach's α = k/(k−1) · (1 − Σ item variances ÷ variance of the total), with sample variances.
/// Runs in one pass over the responses and keeps only sums, so any number of responses fits in memory.
/// </summary>
public sealed class ReliabilityAccumulator(string subscale, IReadOnlyList<string> itemIds)
{
    private readonly int _k = itemIds.Count;
    private readonly double[] _sum = new double[itemIds.Count];
    private readonly double[] _sumSquares = new double[itemIds.Count];
    private readonly double[] _sumWithTotal = new double[itemIds.Count];
    private double _totalSum;
    private double _totalSquares;
    private int _n;

    public void Add(ReadOnlySpan<double> values)
    {
        if (values.Length != _k)
        {
            throw new ArgumentException($"Expected {_k} values, got {values.Length}.", nameof(values));
        }
        double total = 0;
        foreach (var v in values)
        {
            total += v;
        }
        for (var i = 0; i < _k; i++)
        {
            _sum[i] += values[i];
            _sumSquares[i] += values[i] * values[i];
            _sumWithTotal[i] += values[i] * total;
        }
        _totalSum += total;
        _totalSquares += total * total;
        _n++;
    }

    public SubscaleReliability Result()
    {
        if (_n < 2 || _k < 2)
        {
            return new SubscaleReliability(subscale, _n, itemIds, null, [.. itemIds.Select(id => new ItemTotal(id, null))]);
        }
        var totalVariance = Covariance(_totalSquares, _totalSum, _totalSum);
        double itemVariances = 0;
        var itemTotals = new ItemTotal[_k];
        for (var i = 0; i < _k; i++)
        {
            var variance = Covariance(_sumSquares[i], _sum[i], _sum[i]);
            itemVariances += variance;
            // Corrected: the item against the total of the other items.
            var withTotal = Covariance(_sumWithTotal[i], _sum[i], _totalSum);
            var covRest = withTotal - variance;
            var restVariance = totalVariance - 2 * withTotal + variance;
            itemTotals[i] = new ItemTotal(itemIds[i],
                variance > 0 && restVariance > 0 ? Math.Round(covRest / Math.Sqrt(variance * restVariance), 4) : null);
        }
        double? alpha = totalVariance > 0 ? Math.Round(_k / (_k - 1.0) * (1 - itemVariances / totalVariance), 4) : null;
        return new SubscaleReliability(subscale, _n, itemIds, alpha, itemTotals);
    }

    private double Covariance(double sumProducts, double sumX, double sumY) => (sumProducts - sumX * sumY / _n) / (_n - 1);
}
