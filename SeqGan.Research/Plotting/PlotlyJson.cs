using System.Text.Json;
using System.Text.Json.Nodes;

namespace SeqGan.Research.Plotting;

/// <summary>Small pieces of plotly's JSON schema shared by traces and layout.</summary>
internal static class PlotlyJson
{
    /// <summary>The default encoder escapes &lt; &gt; &amp;, so the JSON can sit inside a &lt;script&gt; element as is.</summary>
    public static readonly JsonSerializerOptions Compact = new() { WriteIndented = false };
    public static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };

    /// <summary>Non-finite values become null: JSON has no NaN, and plotly draws null as a gap.</summary>
    public static JsonNode? Number(double value) => double.IsFinite(value) ? JsonValue.Create(value) : null;

    public static JsonArray Numbers(IEnumerable<double> values) => new(values.Select(Number).ToArray());

    public static JsonArray Strings(IEnumerable<string> values) => new(values.Select(v => (JsonNode?)JsonValue.Create(v)).ToArray());

    public static JsonArray Matrix(IEnumerable<IReadOnlyList<double>> rows) => new(rows.Select(row => (JsonNode?)Numbers(row)).ToArray());

    public static JsonArray Matrix(IEnumerable<IReadOnlyList<string>> rows) => new(rows.Select(row => (JsonNode?)Strings(row)).ToArray());

    /// <summary>plotly.js 3 dropped plain-string titles: a title is always <c>{"text": ...}</c>.</summary>
    public static JsonObject Title(string text) => new() { ["text"] = text };

    /// <summary>The axis a trace of subplot <paramref name="subplot"/> uses: "x", "x2", ...</summary>
    public static string AxisReference(char axis, int subplot) => subplot == 1 ? $"{axis}" : $"{axis}{subplot}";

    /// <summary>The layout key of that axis: "xaxis", "xaxis2", ...</summary>
    public static string LayoutAxisKey(char axis, int subplot) => subplot == 1 ? $"{axis}axis" : $"{axis}axis{subplot}";

    public static void CheckSubplot(int subplot)
    {
        if (subplot < 1) throw new ArgumentOutOfRangeException(nameof(subplot), subplot, "subplots are numbered from 1");
    }

    public static void CheckSameLength(int expected, int actual, string what)
    {
        if (expected != actual) throw new ArgumentException($"{what} has {actual} values, expected {expected}");
    }
}
