using System.Globalization;
using SeqGan.Research.Display;

namespace SeqGan.Research.Experiments;

/// <summary>Table 1 as a notebook table: the columns of <see cref="Table1.ToMarkdown"/>.</summary>
public static class Table1Display
{
    public static DisplayTable ToDisplayTable(this Table1 table)
    {
        static string F(double value, string format = "F3") => value.ToString(format, CultureInfo.InvariantCulture);
        var rows = table.Rows.Select(row => (IReadOnlyList<string>)
        [
            row.Method,
            $"{F(row.Mean)} ± {F(row.StandardDeviation)}",
            row.Seeds.ToString(CultureInfo.InvariantCulture),
            row.PValueVsSeqGan is { } p ? p.ToString("G3", CultureInfo.InvariantCulture) : "",
            F(row.MeanNllTest),
            Table1.PaperValues.TryGetValue(row.Method, out var paper) ? F(paper) : "",
            F(row.MeanWallSeconds, "F0"),
        ]).ToList();
        return new DisplayTable(
            ["Method", "NLL-oracle", "seeds", "p-value vs SeqGAN", "NLL-test", "paper", "wall time per seed (s)"], rows)
        {
            Caption = $"Table 1 — NLL-oracle (lower is better); preset {table.Preset}, oracle {table.OracleSource}, mean ± std over seeds.",
            NumericColumns = new HashSet<int> { 1, 2, 3, 4, 5, 6 },
        };
    }
}

/// <summary>Table 1's formatters for the .NET Interactive kernel and <see cref="DisplayFormatter"/>.</summary>
public sealed class Table1FormatterSource
{
    public IEnumerable<TypeFormatter> CreateTypeFormatters() =>
    [
        TypeFormatter.For<Table1>(MimeTypes.Html, table => table.ToDisplayTable().ToHtml()),
        TypeFormatter.For<Table1>(MimeTypes.PlainText, table => table.ToMarkdown()),
    ];
}
