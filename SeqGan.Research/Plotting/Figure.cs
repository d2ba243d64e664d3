using System.Collections.Immutable;
using System.Text.Json.Nodes;
using SeqGan.Research.Display;

namespace SeqGan.Research.Plotting;

/// <summary>
/// A plotly.js figure: traces plus layout, serialised to the JSON schema plotly.js and Plotly.NET use
/// (<c>{"data": [...], "layout": {...}}</c>). Immutable: every <c>With…</c>/<see cref="Add(Trace[])"/> returns
/// a new figure, so a notebook can branch a figure without surprising an earlier cell.
/// </summary>
[TypeFormatterSource(typeof(FigureFormatterSource), PreferredMimeTypes = new[] { MimeTypes.Html })]
public sealed partial record Figure
{
    public const int DefaultWidth = 900;
    public const int DefaultHeight = 540;

    public ImmutableList<Trace> Traces { get; init; } = ImmutableList<Trace>.Empty;

    public Layout Layout { get; init; } = new();

    public Figure Add(params Trace[] traces) => this with { Traces = Traces.AddRange(traces) };

    public Figure Add(IEnumerable<Trace> traces) => this with { Traces = Traces.AddRange(traces) };

    public Figure WithTitle(string title) => this with { Layout = Layout with { Title = title } };

    public Figure WithSize(int width, int height) => this with { Layout = Layout with { Width = width, Height = height } };

    public Figure WithXAxis(Axis axis, int subplot = 1) => this with { Layout = Layout with { XAxes = Layout.XAxes.SetItem(subplot, axis) } };

    public Figure WithYAxis(Axis axis, int subplot = 1) => this with { Layout = Layout with { YAxes = Layout.YAxes.SetItem(subplot, axis) } };

    public Figure WithXAxis(string title, int subplot = 1) => WithXAxis(XAxisOf(subplot) with { Title = title }, subplot);

    public Figure WithYAxis(string title, int subplot = 1) => WithYAxis(YAxisOf(subplot) with { Title = title }, subplot);

    /// <summary>Lays subplots out on a grid; traces choose theirs with <see cref="Trace.Subplot"/>.</summary>
    public Figure WithGrid(int rows, int columns) => WithGrid(new SubplotGrid(rows, columns));

    public Figure WithGrid(SubplotGrid grid)
    {
        if (grid.Rows < 1 || grid.Columns < 1) throw new ArgumentOutOfRangeException(nameof(grid), grid, "a grid needs at least one row and one column");
        return this with { Layout = Layout with { Grid = grid } };
    }

    public Figure WithSubplotTitle(int subplot, string title) =>
        this with { Layout = Layout with { SubplotTitles = Layout.SubplotTitles.SetItem(subplot, title) } };

    public Figure WithVerticalMarker(VerticalMarker marker) => this with { Layout = Layout with { Markers = Layout.Markers.Add(marker) } };

    public Figure WithVerticalMarker(double x, string? label = null, int subplot = 1) => WithVerticalMarker(new VerticalMarker(x, label) { Subplot = subplot });

    public Figure WithBarMode(BarMode mode) => this with { Layout = Layout with { BarMode = mode } };

    public Figure WithLegend(bool show) => this with { Layout = Layout with { ShowLegend = show } };

    public Axis XAxisOf(int subplot) => Layout.XAxes.TryGetValue(subplot, out var axis) ? axis : new Axis();

    public Axis YAxisOf(int subplot) => Layout.YAxes.TryGetValue(subplot, out var axis) ? axis : new Axis();

    public JsonObject ToJsonNode() => new()
    {
        ["data"] = new JsonArray(Traces.Select(t => (JsonNode?)t.ToJson()).ToArray()),
        ["layout"] = Layout.ToJson(),
    };

    /// <summary>The figure as plotly JSON; &lt;, &gt; and &amp; are escaped so it can be embedded in a script element.</summary>
    public string ToJson(bool indented = false) => ToJsonNode().ToJsonString(indented ? PlotlyJson.Indented : PlotlyJson.Compact);

    /// <summary>A standalone page that loads plotly.js from <paramref name="plotlyScriptSource"/>; the default is the
    /// file beside the page, as <see cref="SaveHtml"/> writes it.</summary>
    public string ToHtml(string plotlyScriptSource = PlotlyAssets.FileName) => FigureHtml.Page(this, plotlyScriptSource, staticPlot: false);

    /// <summary>A notebook output fragment: a div showing the PNG, which becomes the interactive plot where plotly.js is
    /// on the page (see <see cref="PlotlyScript"/>); nothing is fetched.</summary>
    public string ToHtmlFragment(string? pngBase64 = null) => FigureHtml.Fragment(this, pngBase64);

    public override string ToString()
    {
        var kinds = string.Join(", ", Traces.GroupBy(t => t.PlotlyType).Select(g => g.Count() == 1 ? g.Key : $"{g.Count()} {g.Key}"));
        var title = Layout.Title is null ? "Figure" : $"Figure \"{Layout.Title}\"";
        return Traces.Count == 0 ? $"{title} (no traces)" : $"{title} ({kinds})";
    }
}
