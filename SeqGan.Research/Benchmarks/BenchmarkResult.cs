namespace SeqGan.Research.Benchmarks;

/// <summary>One measured quantity: the median of several runs, plus every run for honesty.</summary>
public sealed record BenchmarkResult(string Name, string Unit, double Median, IReadOnlyList<double> Runs, bool HigherIsBetter)
{
    public static BenchmarkResult FromRuns(string name, string unit, IReadOnlyList<double> runs, bool higherIsBetter = false)
    {
        var sorted = runs.Order().ToArray();
        var median = sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[sorted.Length / 2 - 1] + sorted[sorted.Length / 2]) / 2;
        return new BenchmarkResult(name, unit, median, runs, higherIsBetter);
    }
}
