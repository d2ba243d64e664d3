using System.Globalization;
using System.Text;
using SeqGan.Research.Display;
using SeqGan.Research.Metrics;

namespace SeqGan.Research.Experiments;

/// <summary>One row of Table 1: a method's NLL-oracle over seeds, with Welch's p-value against SeqGAN.</summary>
public sealed record Table1Row(string Method, double Mean, double StandardDeviation, int Seeds, double? PValueVsSeqGan, double MeanNllTest, double MeanWallSeconds);

/// <summary>The paper's Table 1 (NLL-oracle of Random, MLE, SS, PG-BLEU, SeqGAN) built from per-seed results.
/// Displays as an HTML table in notebooks (<see cref="Table1FormatterSource"/>).</summary>
[TypeFormatterSource(typeof(Table1FormatterSource), PreferredMimeTypes = new[] { MimeTypes.Html })]
public sealed record Table1(IReadOnlyList<Table1Row> Rows, string Preset, string OracleSource)
{
    /// <summary>The paper's numbers, for side-by-side printing.</summary>
    public static IReadOnlyDictionary<string, double> PaperValues { get; } = new Dictionary<string, double>
    {
        ["Random"] = 10.310, ["MLE"] = 9.038, ["SS"] = 8.985, ["PG-BLEU"] = 8.946, ["SeqGAN"] = 8.736,
    };

    public static Table1 FromResults(IReadOnlyList<MethodResult> results, string preset, string oracleSource)
    {
        var seqgan = results.Where(r => r.Method == OracleMethod.SeqGan.Label()).Select(r => r.NllOracle).ToList();
        var rows = results.GroupBy(r => r.Method).Select(group =>
        {
            var values = group.Select(r => r.NllOracle).ToList();
            var (mean, variance) = WelchTTest.MeanAndVariance(values);
            double? p = group.Key != OracleMethod.SeqGan.Label() && values.Count >= 2 && seqgan.Count >= 2
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
        text.AppendLine("| Method | NLL-oracle | seeds | p-value vs SeqGAN | NLL-test | paper | wall time per seed (s) |");
        text.AppendLine("|---|---|---|---|---|---|---|");
        foreach (var row in Rows)
        {
            var paper = PaperValues.TryGetValue(row.Method, out var value) ? F(value) : "";
            var p = row.PValueVsSeqGan is { } pv ? pv.ToString("G3", CultureInfo.InvariantCulture) : "";
            text.AppendLine($"| {row.Method} | {F(row.Mean)} ± {F(row.StandardDeviation)} | {row.Seeds} | {p} | {F(row.MeanNllTest)} | {paper} | {F(row.MeanWallSeconds, "F0")} |");
        }
        return text.ToString();
    }

    public string ToCsv()
    {
        var text = new StringBuilder("method,nll_oracle_mean,nll_oracle_std,seeds,p_value_vs_seqgan,nll_test_mean,paper,wall_seconds_mean\n");
        foreach (var row in Rows)
            text.AppendLine(string.Join(',', row.Method, F(row.Mean, "R"), F(row.StandardDeviation, "R"), row.Seeds,
                row.PValueVsSeqGan is { } p ? F(p, "R") : "", F(row.MeanNllTest, "R"),
                PaperValues.TryGetValue(row.Method, out var paper) ? F(paper) : "", F(row.MeanWallSeconds, "F1")));
        return text.ToString();
    }
}

/// <summary>Learning curves as CSV (one row per evaluation): the data of Figures 2 and 3.</summary>
public static class CurveCsv
{
    public static string Write(IEnumerable<CurvePoint> points)
    {
        var text = new StringBuilder("method,seed,phase,epoch,nll_oracle\n");
        foreach (var p in points)
            text.AppendLine(string.Join(',', p.Method, p.Seed, p.Phase, p.Epoch, p.NllOracle.ToString("R", CultureInfo.InvariantCulture)));
        return text.ToString();
    }
}
