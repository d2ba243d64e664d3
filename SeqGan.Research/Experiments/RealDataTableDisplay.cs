using System.Globalization;
using SeqGan.Research.Display;

namespace SeqGan.Research.Experiments;

/// <summary>A real-data table as a notebook table: one column per metric (mean ± std), p-values and the paper's value beside BLEU and MSE.</summary>
public static class RealDataTableDisplay
{
    public static DisplayTable ToDisplayTable(this RealDataTable table)
    {
        static string F(double value) => value.ToString("F4", CultureInfo.InvariantCulture);
        static bool Tested(string metric) => !metric.StartsWith("Self-", StringComparison.Ordinal) && metric != RealDataMetrics.NllTest;
        var header = new List<string> { "Method" };
        foreach (var metric in table.Metrics)
        {
            header.Add(metric);
            if (Tested(metric)) header.AddRange([$"p ({metric})", $"paper ({metric})"]);
        }
        header.Add("wall time per seed after the shared MLE pretraining (s)");
        var rows = table.Rows.Select(row =>
        {
            var cells = new List<string> { row.Method };
            foreach (var metric in table.Metrics)
            {
                var cell = row.Cells.FirstOrDefault(c => c.Metric == metric);
                cells.Add(cell is null ? "" : $"{F(cell.Mean)} ± {F(cell.StandardDeviation)}");
                if (Tested(metric))
                    cells.AddRange([cell?.PValueVsSeqGan is { } p ? p.ToString("G3", CultureInfo.InvariantCulture) : "",
                        cell?.Paper is { } paper ? paper.ToString("0.0###", CultureInfo.InvariantCulture) : ""]);
            }
            cells.Add(row.MeanWallSeconds.ToString("F0", CultureInfo.InvariantCulture));
            return (IReadOnlyList<string>)cells;
        }).ToList();
        return new DisplayTable(header, rows)
        {
            Caption = $"{table.Title}; preset {table.Preset}, mean ± std over seeds; p = Welch's p-value against SeqGAN",
            NumericColumns = Enumerable.Range(1, header.Count - 1).ToHashSet(),
        };
    }
}

/// <summary>Real-data tables' formatters for the .NET Interactive kernel and <see cref="DisplayFormatter"/>.</summary>
public sealed class RealDataTableFormatterSource
{
    public IEnumerable<TypeFormatter> CreateTypeFormatters() =>
    [
        TypeFormatter.For<RealDataTable>(MimeTypes.Html, table => table.ToDisplayTable().ToHtml()),
        TypeFormatter.For<RealDataTable>(MimeTypes.PlainText, table => table.ToMarkdown()),
    ];
}
