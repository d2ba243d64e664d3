using System.Text.Json.Nodes;

namespace SeqGan.Research.Tests.Notebooks.Jupyter;

internal enum OutputKind { Figure, Table, PlotlyScript, Other }

/// <summary>
/// Reads what a kernel left in an executed notebook, the same way for both kernels: .NET Interactive keeps only
/// text/html for the kit's types, the kit's kernel adds text/plain (and image/png for a figure), so outputs are
/// told apart by their HTML.
/// </summary>
internal static class ExecutedOutputs
{
    /// <summary>The PNG signature as base64, as it starts a figure's embedded picture.</summary>
    public const string EmbeddedPng = "src=\"data:image/png;base64,iVBORw0KGgo";

    /// <summary>Display and result outputs with their cell index and kind; .NET Interactive's own first-cell output
    /// (a hidden script that probes its HTTP port) is left out.</summary>
    public static IEnumerable<(int Cell, OutputKind Kind, JsonObject Data)> Rich(JsonNode notebook)
    {
        var cells = notebook["cells"]!.AsArray();
        for (var i = 0; i < cells.Count; i++)
            foreach (var output in cells[i]!["outputs"]?.AsArray() ?? [])
            {
                if (output!["data"] is not JsonObject data) continue;
                var html = TestNotebook.Text(data["text/html"]);
                if (html.Contains("dotnet-interactive-this-cell", StringComparison.Ordinal)) continue;
                var kind = html.Contains("class=\"seqgan-figure\"", StringComparison.Ordinal) ? OutputKind.Figure
                    : html.StartsWith("<script", StringComparison.Ordinal) && html.Contains("plotly.js v", StringComparison.Ordinal) ? OutputKind.PlotlyScript
                    : html.Contains("<table", StringComparison.Ordinal) ? OutputKind.Table
                    : OutputKind.Other;
                yield return (i, kind, data);
            }
    }

    /// <summary>Each error output with the cell's stderr before it (.NET Interactive puts compiler messages there).</summary>
    public static IEnumerable<string> Errors(JsonNode notebook) =>
        notebook["cells"]!.AsArray().SelectMany((cell, i) =>
        {
            var outputs = cell!["outputs"]?.AsArray().Select(o => o!).ToList() ?? [];
            var stderr = string.Concat(outputs.Where(o => o["name"]?.GetValue<string>() == "stderr").Select(o => TestNotebook.Text(o["text"])));
            return outputs.Where(o => o["output_type"]!.GetValue<string>() == "error")
                .Select(o => $"cell {i}: {o["ename"]}: {o["evalue"]}\n{stderr}");
        });

    /// <summary>The text/plain of the cell's results and its streams, joined: what a reader sees as text.</summary>
    public static string Text(JsonNode notebook, int cell) =>
        string.Concat(notebook["cells"]![cell]!["outputs"]!.AsArray().Select(o =>
            TestNotebook.Text(o!["text"]) + TestNotebook.Text(o["data"]?["text/plain"]) + TestNotebook.Text(o["evalue"])));
}
