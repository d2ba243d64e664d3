namespace SeqGan.Research.Benchmarks;

/// <summary>One measured quantity: the median of several runs, plus every run for honesty.</summary>
/// <param name="Key">a stable identifier for scripts (e.g. "mle_epoch"); null for rows that are only explanation</param>
/// <param name="Flops">floating-point operations of one run (multiply and add counted separately), when the row is a timing in seconds</param>
public sealed record BenchmarkResult(string Name, string Unit, double Median, IReadOnlyList<double> Runs, bool HigherIsBetter,
    string? Key = null, double? Flops = null)
{
    public static BenchmarkResult FromRuns(string name, string unit, IReadOnlyList<double> runs, bool higherIsBetter = false,
        string? key = null, double? flops = null) =>
        new(name, unit, MedianOf(runs), runs, higherIsBetter, key, flops);

    /// <summary>Achieved FLOP/s of the median run, when <see cref="Flops"/> is known and the unit is seconds.</summary>
    public double? FlopsPerSecond => Flops is { } flops && Unit == "s" && Median > 0 ? flops / Median : null;

    public static double MedianOf(IReadOnlyList<double> values)
    {
        if (values.Count == 0) throw new ArgumentException("no values", nameof(values));
        var sorted = values.Order().ToArray();
        return sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[sorted.Length / 2 - 1] + sorted[sorted.Length / 2]) / 2;
    }
}
