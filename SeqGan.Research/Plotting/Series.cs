namespace SeqGan.Research.Plotting;

/// <summary>One point of a curve; <see cref="Spread"/> (a standard deviation over seeds, say) draws a band Y ± Spread.</summary>
public sealed record SeriesPoint(double X, double Y, double? Spread = null);

/// <summary>A named curve, in x order. <see cref="Color"/> null takes the next palette colour.</summary>
public sealed record Series(string Name, IReadOnlyList<SeriesPoint> Points)
{
    public string? Color { get; init; }

    public bool HasSpread => Points.Any(p => p.Spread is not null);

    public static Series FromPoints(string name, IEnumerable<(double X, double Y)> points) =>
        new(name, points.OrderBy(p => p.X).Select(p => new SeriesPoint(p.X, p.Y)).ToList());

    /// <summary>
    /// Mean and sample standard deviation at each x over several runs (seeds): <paramref name="samples"/> holds
    /// every run's (x, y) together. An x seen once has no spread (a standard deviation needs two values).
    /// </summary>
    public static Series MeanAndStandardDeviation(string name, IEnumerable<(double X, double Y)> samples) =>
        new(name, samples.GroupBy(s => s.X).OrderBy(g => g.Key).Select(g =>
        {
            var values = g.Select(s => s.Y).ToList();
            var mean = values.Average();
            double? spread = values.Count < 2 ? null : Math.Sqrt(values.Sum(v => (v - mean) * (v - mean)) / (values.Count - 1));
            return new SeriesPoint(g.Key, mean, spread);
        }).ToList());
}
