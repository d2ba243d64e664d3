using System.Globalization;
using System.Text;
using SeqGan.Research.Display;
using SeqGan.Research.Metrics;

namespace SeqGan.Research.Experiments;

/// <summary>One cell: a metric's mean ± std over seeds, Welch's p-value against SeqGAN on the same metric, and the paper's value.</summary>
public sealed record RealDataCell(string Metric, double Mean, double StandardDeviation, int Seeds, double? PValueVsSeqGan, double? Paper);

/// <summary>One row (Real data, MLE or SeqGAN) of a real-data table.</summary>
public sealed record RealDataRow(string Method, IReadOnlyList<RealDataCell> Cells, double MeanWallSeconds);

/// <summary>
/// A real-data table (the paper's Table 2, 3 or 4) built from per-seed results: every BLEU-n with its Self-BLEU-n
/// beside it (quality next to diversity), MSE for melodies, NLL-test of the generators, p-values over seeds.
/// Displays as an HTML table in notebooks (<see cref="RealDataTableFormatterSource"/>).
/// </summary>
[TypeFormatterSource(typeof(RealDataTableFormatterSource), PreferredMimeTypes = new[] { MimeTypes.Html })]
public sealed record RealDataTable(string Title, string Preset, IReadOnlyList<string> Metrics, IReadOnlyList<RealDataRow> Rows,
    IReadOnlyList<string> Notes, string DataDescription)
{
    public static RealDataTable FromResults(RealDataTask task, IReadOnlyList<RealDataResult> results, string preset, string dataDescription)
    {
        var metrics = new List<string>();
        foreach (var order in task.BleuOrders) metrics.AddRange([RealDataMetrics.BleuName(order), RealDataMetrics.SelfBleuName(order)]);
        if (task.ReportsMse) metrics.Add(RealDataMetrics.Mse);
        metrics.Add(RealDataMetrics.NllTest);
        var seqgan = results.Where(r => r.Method == RealDataMethods.SeqGan).ToList();
        var rows = results.GroupBy(r => r.Method).Select(group =>
        {
            var cells = new List<RealDataCell>();
            foreach (var metric in metrics)
            {
                var values = group.Where(r => r.Metrics.ContainsKey(metric)).Select(r => r.Metrics[metric]).ToList();
                if (values.Count == 0) continue;
                var (mean, variance) = WelchTTest.MeanAndVariance(values);
                var other = seqgan.Where(r => r.Metrics.ContainsKey(metric)).Select(r => r.Metrics[metric]).ToList();
                double? p = group.Key != RealDataMethods.SeqGan && values.Count >= 2 && other.Count >= 2 ? WelchTTest.Compare(values, other).TwoSidedP : null;
                double? paper = task.PaperValues.TryGetValue((group.Key, metric), out var value) ? value : null;
                cells.Add(new RealDataCell(metric, mean, Math.Sqrt(variance), values.Count, p, paper));
            }
            return new RealDataRow(group.Key, cells, group.Average(r => r.WallSeconds));
        }).ToList();
        return new RealDataTable(task.Title, preset, metrics, rows, task.Notes, dataDescription);
    }

    public RealDataCell? Cell(string method, string metric) =>
        Rows.FirstOrDefault(r => r.Method == method)?.Cells.FirstOrDefault(c => c.Metric == metric);

    private static string F(double value, string format = "F4") => value.ToString(format, CultureInfo.InvariantCulture);

    private static string P(double? p) => p is { } value ? value.ToString("G3", CultureInfo.InvariantCulture) : "";

    public string ToMarkdown()
    {
        var text = new StringBuilder();
        text.AppendLine($"{Title}; preset `{Preset}`, mean ± std over seeds; p = Welch's two-sided p-value against SeqGAN on the same metric.");
        text.AppendLine();
        var header = new List<string> { "Method" };
        foreach (var metric in Metrics)
        {
            header.Add(metric);
            if (!metric.StartsWith("Self-", StringComparison.Ordinal) && metric != RealDataMetrics.NllTest) header.AddRange(["p", "paper"]);
        }
        text.AppendLine($"| {string.Join(" | ", header)} |");
        text.AppendLine($"|{string.Concat(Enumerable.Repeat("---|", header.Count))}");
        foreach (var row in Rows)
        {
            var cells = new List<string> { row.Method };
            foreach (var metric in Metrics)
            {
                var cell = row.Cells.FirstOrDefault(c => c.Metric == metric);
                cells.Add(cell is null ? "" : $"{F(cell.Mean)} ± {F(cell.StandardDeviation)}");
                if (!metric.StartsWith("Self-", StringComparison.Ordinal) && metric != RealDataMetrics.NllTest)
                    cells.AddRange([P(cell?.PValueVsSeqGan), cell?.Paper is { } paper ? paper.ToString("0.0###", CultureInfo.InvariantCulture) : ""]);
            }
            text.AppendLine($"| {string.Join(" | ", cells)} |");
        }
        text.AppendLine();
        text.AppendLine($"Data: {DataDescription}");
        foreach (var note in Notes) text.AppendLine($"- {note}");
        return text.ToString();
    }

    public string ToCsv()
    {
        // Timings are in timings.csv: two identical runs give identical tables.
        var text = new StringBuilder("method,metric,mean,std,seeds,p_value_vs_seqgan,paper\n");
        foreach (var row in Rows)
            foreach (var cell in row.Cells)
                text.AppendLine(string.Join(',', row.Method, cell.Metric, F(cell.Mean, "R"), F(cell.StandardDeviation, "R"), cell.Seeds,
                    cell.PValueVsSeqGan is { } p ? F(p, "R") : "", cell.Paper is { } paper ? F(paper, "R") : ""));
        return text.ToString();
    }
}
