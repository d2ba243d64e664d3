using System.Text;

namespace SeqGan.Research.Display;

/// <summary>
/// A table of already formatted cells, for notebooks: HTML in the kernel and in executed notebooks,
/// Markdown as the plain-text form. Result types (Table 1 and the like) convert themselves to one.
/// </summary>
[TypeFormatterSource(typeof(DisplayTableFormatterSource), PreferredMimeTypes = new[] { MimeTypes.Html })]
public sealed record DisplayTable(IReadOnlyList<string> Columns, IReadOnlyList<IReadOnlyList<string>> Rows)
{
    public string? Caption { get; init; }

    /// <summary>Columns to right-align (numbers); by index.</summary>
    public IReadOnlySet<int> NumericColumns { get; init; } = new HashSet<int>();

    public string ToHtml()
    {
        var html = new StringBuilder("<table>\n");
        if (Caption is not null) html.Append("<caption>").Append(HtmlText.Escape(Caption)).Append("</caption>\n");
        html.Append("<thead><tr>");
        for (var c = 0; c < Columns.Count; c++) html.Append(Cell("th", c, Columns[c]));
        html.Append("</tr></thead>\n<tbody>\n");
        foreach (var row in Rows)
        {
            html.Append("<tr>");
            for (var c = 0; c < Columns.Count; c++) html.Append(Cell("td", c, c < row.Count ? row[c] : ""));
            html.Append("</tr>\n");
        }
        return html.Append("</tbody>\n</table>").ToString();
    }

    private string Cell(string tag, int column, string text) =>
        NumericColumns.Contains(column)
            ? $"<{tag} style=\"text-align:right\">{HtmlText.Escape(text)}</{tag}>"
            : $"<{tag}>{HtmlText.Escape(text)}</{tag}>";

    public string ToMarkdown()
    {
        static string Escape(string cell) => cell.Replace("|", "\\|").Replace("\n", " ");
        var text = new StringBuilder();
        if (Caption is not null) text.AppendLine(Caption).AppendLine();
        text.AppendLine("| " + string.Join(" | ", Columns.Select(Escape)) + " |");
        text.AppendLine("|" + string.Concat(Columns.Select((_, c) => NumericColumns.Contains(c) ? "---:|" : "---|")));
        foreach (var row in Rows)
            text.AppendLine("| " + string.Join(" | ", Columns.Select((_, c) => c < row.Count ? Escape(row[c]) : "")) + " |");
        return text.ToString();
    }
}

/// <summary>The formatters <see cref="DisplayTable"/>'s attribute names (created by reflection).</summary>
public sealed class DisplayTableFormatterSource
{
    public IEnumerable<TypeFormatter> CreateTypeFormatters() =>
    [
        TypeFormatter.For<DisplayTable>(MimeTypes.Html, table => table.ToHtml()),
        TypeFormatter.For<DisplayTable>(MimeTypes.PlainText, table => table.ToMarkdown()),
    ];
}
