using SeqGan.Research.Benchmarks;
using Spectre.Console;

namespace SeqGan.Research.Cli;

/// <summary>The bench's table: median, unit and runs of every row, and for timed work its FLOP count, achieved
/// FLOP/s and their share of the machine's peak (the best "machine peak" row the suite measured).</summary>
internal static class BenchTable
{
    public static Table Render(IReadOnlyList<BenchmarkResult> results)
    {
        var peak = results.Where(r => r.Key?.StartsWith("peak_", StringComparison.Ordinal) == true)
            .Select(r => r.FlopsPerSecond ?? 0).DefaultIfEmpty(0).Max();
        var table = new Table().AddColumn("benchmark").AddColumn(new TableColumn("median").RightAligned()).AddColumn("unit")
            .AddColumn("runs").AddColumn(new TableColumn("GFLOP").RightAligned()).AddColumn(new TableColumn("GFLOP/s").RightAligned())
            .AddColumn(new TableColumn("of peak").RightAligned());
        foreach (var result in results)
        {
            var rate = result.FlopsPerSecond;
            table.AddRow(Markup.Escape(result.Name), $"{result.Median:G4}", Markup.Escape(result.Unit),
                string.Join(" ", result.Runs.Select(r => r.ToString("G3"))),
                result.Flops is { } flops ? $"{flops / 1e9:F1}" : "",
                rate is { } r1 ? $"{r1 / 1e9:F1}" : "",
                rate is { } r2 && peak > 0 ? $"{100 * r2 / peak:F0}%" : "");
        }
        if (peak > 0) table.Caption($"peak = the best machine-peak row, {peak / 1e9:F1} GFLOP/s");
        return table;
    }
}
