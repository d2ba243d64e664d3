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

    /// <summary>
    /// A notebook output: a div plus a script that plots into it with whatever plotly.js the front end has
    /// (already loaded, through require.js in classic Jupyter, else from the CDN). With
    /// <paramref name="pngBase64"/> the div starts out holding the static image, which the script replaces:
    /// viewers that strip scripts (GitHub, an untrusted notebook) still show the picture.
    /// </summary>
    public static string Fragment(Figure figure, string? pngBase64)
    {
        // Unique per output: a notebook page may show the same figure twice.
        var id = "seqgan-figure-" + Guid.NewGuid().ToString("N");
        var json = figure.ToJsonNode();
        var layout = (JsonObject)json["layout"]!;
        layout["height"] ??= figure.Layout.Height ?? Figure.DefaultHeight;
        var requireName = $"plotly-{PlotlyAssets.PinnedVersion}";
        var cdnWithoutExtension = PlotlyAssets.CdnUrl[..^".js".Length];
        var html = new StringBuilder();
        html.Append("<div id=\"").Append(id).Append("\" style=\"width:100%;\">");
        if (pngBase64 is not null)
            html.Append("<img alt=\"").Append(HtmlText.Escape(figure.Layout.Title ?? "figure"))
                .Append("\" style=\"max-width:100%;\" src=\"data:image/png;base64,").Append(pngBase64).Append("\">");
        html.Append("</div>\n<script type=\"text/javascript\">\n(function () {\n")
            .Append("  var figure = ").Append(json.ToJsonString(PlotlyJson.Compact)).Append(";\n")
            .Append("  function render(Plotly) {\n")
            .Append("    var div = document.getElementById(\"").Append(id).Append("\");\n")
            .Append("    if (!div || !Plotly) return;\n")
            .Append("    div.innerHTML = \"\";\n")
            .Append("    Plotly.newPlot(div, figure.data, figure.layout, {responsive: true});\n")
            .Append("  }\n")
            .Append("  if (window.Plotly) { render(window.Plotly); return; }\n")
            .Append("  if (typeof window.requirejs === \"function\") {\n")
            .Append("    window.requirejs.config({paths: {\"").Append(requireName).Append("\": \"").Append(cdnWithoutExtension).Append("\"}});\n")
            .Append("    window.requirejs([\"").Append(requireName).Append("\"], render);\n")
            .Append("    return;\n  }\n")
            .Append("  var script = document.createElement(\"script\");\n")
            .Append("  script.src = \"").Append(PlotlyAssets.CdnUrl).Append("\";\n")
            .Append("  script.onload = function () { render(window.Plotly); };\n")
            .Append("  document.head.appendChild(script);\n")
            .Append("})();\n</script>");
        return html.ToString();
    }
}
