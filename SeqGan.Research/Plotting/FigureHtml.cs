using System.Text;
using System.Text.Json.Nodes;
using SeqGan.Research.Display;

namespace SeqGan.Research.Plotting;

/// <summary>The HTML around a figure's JSON: a standalone page, and a fragment for notebook outputs.</summary>
internal static class FigureHtml
{
    public const string PageDivId = "seqgan-figure";

    /// <summary>A full page; plotly.js comes from <paramref name="plotlyScriptSource"/> (a relative or file: URL).</summary>
    public static string Page(Figure figure, string plotlyScriptSource, bool staticPlot)
    {
        var layout = figure.Layout;
        var size = layout is { Width: { } w, Height: { } h } ? $"width:{w}px;height:{h}px;" : "width:100%;height:100vh;";
        var config = staticPlot ? "{\"staticPlot\":true}" : "{\"responsive\":true}";
        return new StringBuilder()
            .Append("<!DOCTYPE html>\n<html>\n<head>\n<meta charset=\"utf-8\">\n")
            .Append("<title>").Append(HtmlText.Escape(layout.Title ?? "figure")).Append("</title>\n")
            .Append("<script src=\"").Append(HtmlText.Escape(plotlyScriptSource)).Append("\"></script>\n")
            .Append("<style>html, body { margin: 0; padding: 0; background: #ffffff; overflow: hidden; }</style>\n")
            .Append("</head>\n<body>\n")
            .Append("<div id=\"").Append(PageDivId).Append("\" style=\"").Append(size).Append("\"></div>\n")
            .Append("<script>\n")
            .Append("const figure = ").Append(figure.ToJson()).Append(";\n")
            .Append("Plotly.newPlot(\"").Append(PageDivId).Append("\", figure.data, figure.layout, ").Append(config).Append(");\n")
            .Append("</script>\n</body>\n</html>\n")
            .ToString();
    }

    /// <summary>The class of every notebook figure's div, so pages and tests can find the figures.</summary>
    public const string FragmentClass = "seqgan-figure";

    /// <summary>
    /// A notebook output: a div holding the static picture (<paramref name="pngBase64"/>) and a script that replaces it
    /// by the interactive plot only when plotly.js is already on the page — put there by a <see cref="PlotlyScript"/>
    /// output, which signals <see cref="PlotlyScript.ReadyEvent"/> when it comes later. Nothing is fetched: offline,
    /// in a viewer that strips scripts and in an untrusted notebook the picture stays. Without a PNG the div says
    /// what would show the figure.
    /// </summary>
    public static string Fragment(Figure figure, string? pngBase64)
    {
        // Unique per output: a notebook page may show the same figure twice.
        var id = "seqgan-figure-" + Guid.NewGuid().ToString("N");
        var json = figure.ToJsonNode();
        var layout = (JsonObject)json["layout"]!;
        layout["height"] ??= figure.Layout.Height ?? Figure.DefaultHeight;
        var title = HtmlText.Escape(figure.Layout.Title ?? "figure");
        var html = new StringBuilder();
        html.Append("<div id=\"").Append(id).Append("\" class=\"").Append(FragmentClass).Append("\" style=\"width:100%;\">");
        if (pngBase64 is not null)
            html.Append("<img alt=\"").Append(title).Append("\" style=\"max-width:100%;\" src=\"data:image/png;base64,").Append(pngBase64).Append("\">");
        else
            html.Append("<p>").Append(title).Append(": shown by plotly.js, which this page does not have (display(PlotlyScript.Bundled()) loads the kit's copy).</p>");
        html.Append("</div>\n<script type=\"text/javascript\">\n(function () {\n")
            .Append("  var figure = ").Append(json.ToJsonString(PlotlyJson.Compact)).Append(";\n")
            .Append("  function render() {\n")
            .Append("    var div = document.getElementById(\"").Append(id).Append("\");\n")
            .Append("    if (!div || !window.Plotly) return false;\n")
            .Append("    div.innerHTML = \"\";\n")
            .Append("    window.Plotly.newPlot(div, figure.data, figure.layout, {responsive: true});\n")
            .Append("    return true;\n")
            .Append("  }\n")
            .Append("  if (!render()) window.addEventListener(\"").Append(PlotlyScript.ReadyEvent).Append("\", render, {once: true});\n")
            .Append("})();\n</script>");
        return html.ToString();
    }
}
