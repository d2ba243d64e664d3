using System.Globalization;
using System.Text;
using SeqGan.Research.Display;
using SeqGan.Research.Metrics;
using SeqGan.Research.Training;

namespace SeqGan.Research.Experiments;

/// <summary>One row of Table 1: a method's NLL-oracle over seeds, with Welch's p-value against SeqGAN.</summary>
public sealed record Table1Row(string Method, double Mean, double StandardDeviation, int Seeds, double? PValueVsSeqGan, double MeanNllTest, double MeanWallSeconds);

/// <summary>The paper's Table 1 (NLL-oracle of Random, MLE, SS, PG-BLEU, SeqGAN) built from per-seed results.
/// Displays as an HTML table in notebooks (<see cref="Table1FormatterSource"/>).</summary>
[TypeFormatterSource(typeof(Table1FormatterSource), PreferredMimeTypes = new[] { MimeTypes.Html })]
public sealed record Table1(IReadOnlyList<Table1Row> Rows, string Preset, string OracleSource)
{
    /// <summary>Lines printed under the markdown table: how rows that differ from the paper's scripts were run.</summary>
    public IReadOnlyList<string> Notes { get; init; } = [];

    /// <summary>The paper's numbers, for side-by-side printing.</summary>
    public static IReadOnlyDictionary<string, double> PaperValues { get; } = new Dictionary<string, double>
    {
        ["Random"] = 10.310, ["MLE"] = 9.038, ["SS"] = 8.985, ["PG-BLEU"] = 8.946, ["SeqGAN"] = 8.736,
    };

    /// <summary>The row the p-values compare against.</summary>
    public const string SeqGanLabel = "SeqGAN";

    public static Table1 FromResults(IReadOnlyList<MethodResult> results, string preset, string oracleSource)
    {
        var seqgan = results.Where(r => r.Method == SeqGanLabel).Select(r => r.NllOracle).ToList();
        var rows = results.GroupBy(r => r.Method).Select(group =>
        {
            var values = group.Select(r => r.NllOracle).ToList();
            var (mean, variance) = WelchTTest.MeanAndVariance(values);
            double? p = group.Key != SeqGanLabel && values.Count >= 2 && seqgan.Count >= 2
                ? WelchTTest.Compare(values, seqgan).TwoSidedP
                : null;
            return new Table1Row(group.Key, mean, Math.Sqrt(variance), values.Count, p, group.Average(r => r.NllTest), group.Average(r => r.WallSeconds));
        }).ToList();
        return new Table1(rows, preset, oracleSource);
    }

    private static string F(double value, string format = "F3") => value.ToString(format, CultureInfo.InvariantCulture);

    public string ToMarkdown()
    {
        var text = new StringBuilder();
        text.AppendLine($"Table 1 — NLL-oracle (lower is better); preset `{Preset}`, oracle {OracleSource}, mean ± std over seeds.");
        text.AppendLine();
        text.AppendLine("| Method | NLL-oracle | seeds | p-value vs SeqGAN | NLL-test | paper |");
        text.AppendLine("|---|---|---|---|---|---|");
        foreach (var row in Rows)
        {
            var paper = PaperValues.TryGetValue(row.Method, out var value) ? F(value) : "";
            var p = row.PValueVsSeqGan is { } pv ? pv.ToString("G3", CultureInfo.InvariantCulture) : "";
            text.AppendLine($"| {row.Method} | {F(row.Mean)} ± {F(row.StandardDeviation)} | {row.Seeds} | {p} | {F(row.MeanNllTest)} | {paper} |");
        }
        if (Notes.Count > 0) text.AppendLine();
        foreach (var note in Notes) text.AppendLine($"- {note}");
        return text.ToString();
    }

    public string ToCsv()
    {
        // Timings are in timings.csv: two identical runs give identical tables.
        var text = new StringBuilder("method,nll_oracle_mean,nll_oracle_std,seeds,p_value_vs_seqgan,nll_test_mean,paper\n");
        foreach (var row in Rows)
            text.AppendLine(string.Join(',', row.Method, F(row.Mean, "R"), F(row.StandardDeviation, "R"), row.Seeds,
                row.PValueVsSeqGan is { } p ? F(p, "R") : "", F(row.MeanNllTest, "R"),
                PaperValues.TryGetValue(row.Method, out var paper) ? F(paper) : ""));
        return text.ToString();
    }
}

/// <summary>Learning curves as CSV, one row per evaluation and one column per metric: the data of Figures 2 and 3.</summary>
public static class CurveCsv
{
    /// <summary>
    /// Rows in the order of the points, one for each run of consecutive points of the same (method, seed, phase, epoch);
    /// columns method, seed, phase, epoch, then each metric of <paramref name="metrics"/> (default: every metric, in order
    /// of first appearance) in snake case ("NLL-oracle" → nll_oracle); a metric a row lacks is left empty.
    /// </summary>
    public static string Write(IEnumerable<CurvePoint> points, IReadOnlyList<string>? metrics = null)
    {
        var list = points.ToList();
        metrics ??= list.Select(p => p.Metric).Distinct().ToList();
        var text = new StringBuilder(string.Join(',', ["method", "seed", "phase", "epoch", .. metrics.Select(ColumnName)])).Append('\n');
        for (var start = 0; start < list.Count;)
        {
            var first = list[start];
            var end = start;
            while (end < list.Count && (list[end].Method, list[end].Seed, list[end].Phase, list[end].Epoch) == (first.Method, first.Seed, first.Phase, first.Epoch)) end++;
            var values = list.GetRange(start, end - start);
            var cells = metrics.Select(m => values.FirstOrDefault(p => p.Metric == m) is { } p ? p.Value.ToString("R", CultureInfo.InvariantCulture) : "");
            text.AppendLine(string.Join(',', [first.Method, first.Seed.ToString(CultureInfo.InvariantCulture), first.Phase, first.Epoch.ToString(CultureInfo.InvariantCulture), .. cells]));
            start = end;
        }
        return text.ToString();
    }

    private static string ColumnName(string metric) => metric.ToLowerInvariant().Replace('-', '_').Replace(' ', '_');
}
