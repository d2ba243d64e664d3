using System.Text;
using System.Text.Json.Nodes;

namespace SeqGan.Research.Notebooks;

/// <summary>nbformat's "multiline string": a JSON string or an array of lines, each but the last keeping
/// its "\n". Jupyter writes arrays; diffs of notebooks stay line by line that way.</summary>
internal static class MultilineText
{
    public static string Read(JsonNode? node) => node switch
    {
        null => "",
        JsonArray lines => string.Concat(lines.Select(line => line?.GetValue<string>() ?? "")),
        _ => node.GetValue<string>(),
    };

    public static JsonArray ToLines(string text)
    {
        var lines = new JsonArray();
        var normalized = text.Replace("\r\n", "\n");
        var start = 0;
        while (start < normalized.Length)
        {
            var end = normalized.IndexOf('\n', start);
            var next = end < 0 ? normalized.Length : end + 1;
            lines.Add(normalized[start..next]);
            start = next;
        }
        return lines;
    }

    /// <summary>The first line that is not blank, trimmed and shortened: how a cell is named in messages.</summary>
    public static string FirstLine(string text, int maxLength = 80)
    {
        var line = text.Replace("\r\n", "\n").Split('\n').Select(l => l.Trim()).FirstOrDefault(l => l.Length > 0) ?? "";
        return line.Length <= maxLength ? line : new StringBuilder(line, 0, maxLength - 1, maxLength).Append('…').ToString();
    }
}
