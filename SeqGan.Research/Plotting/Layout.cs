using System.Collections.Immutable;
using System.Text.Json.Nodes;

namespace SeqGan.Research.Plotting;

/// <summary>Everything of a figure that is not a trace: title, size, axes, grid, markers.</summary>
public sealed record Layout
{
    public string? Title { get; init; }

    /// <summary>Pixels; null lets the page (or the PNG size) decide.</summary>
    public int? Width { get; init; }

    public int? Height { get; init; }

    /// <summary>Axis settings by subplot number (1 for a single plot).</summary>
    public ImmutableDictionary<int, Axis> XAxes { get; init; } = ImmutableDictionary<int, Axis>.Empty;

    public ImmutableDictionary<int, Axis> YAxes { get; init; } = ImmutableDictionary<int, Axis>.Empty;

    public SubplotGrid? Grid { get; init; }

    /// <summary>Titles over subplots, by subplot number; plotly has none of its own, so they are annotations.</summary>
    public ImmutableDictionary<int, string> SubplotTitles { get; init; } = ImmutableDictionary<int, string>.Empty;

    public ImmutableList<VerticalMarker> Markers { get; init; } = ImmutableList<VerticalMarker>.Empty;

    public BarMode? BarMode { get; init; }

    public bool? ShowLegend { get; init; }

    public JsonObject ToJson()
    {
        var json = new JsonObject();
        if (Title is not null) json["title"] = PlotlyJson.Title(Title);
        if (Width is { } width) json["width"] = width;
        if (Height is { } height) json["height"] = height;
        if (Grid is { } grid)
            json["grid"] = new JsonObject
            {
                ["rows"] = grid.Rows, ["columns"] = grid.Columns, ["pattern"] = "independent",
                ["xgap"] = grid.XGap, ["ygap"] = grid.YGap,
            };
        // Every grid cell gets its axes declared, so "x3 domain" references resolve even in an empty cell.
        var subplots = Enumerable.Range(1, Grid?.Count ?? 1).Concat(XAxes.Keys).Concat(YAxes.Keys)
            .Concat(SubplotTitles.Keys).Concat(Markers.Select(m => m.Subplot)).Distinct().Order();
        foreach (var subplot in subplots)
        {
            PlotlyJson.CheckSubplot(subplot);
            json[PlotlyJson.LayoutAxisKey('x', subplot)] = XAxes.TryGetValue(subplot, out var x) ? x.ToJson() : new JsonObject();
            json[PlotlyJson.LayoutAxisKey('y', subplot)] = YAxes.TryGetValue(subplot, out var y) ? y.ToJson() : new JsonObject();
        }

        var shapes = new JsonArray();
        var annotations = new JsonArray();
        foreach (var marker in Markers)
        {
            var yReference = VerticalReference(marker.Subplot);
            var xReference = PlotlyJson.AxisReference('x', marker.Subplot);
            shapes.Add(new JsonObject
            {
                ["type"] = "line", ["xref"] = xReference, ["yref"] = yReference,
                ["x0"] = marker.X, ["x1"] = marker.X, ["y0"] = 0, ["y1"] = 1,
                ["line"] = new JsonObject { ["color"] = marker.Color, ["width"] = marker.Width, ["dash"] = PlotlyNames.Of(marker.Dash) },
            });
            if (marker.Label is not null)
                annotations.Add(new JsonObject
                {
                    ["text"] = marker.Label, ["xref"] = xReference, ["yref"] = yReference, ["x"] = marker.X, ["y"] = 1,
                    // Just right of the line, inside the top of the plot: clear of the title and of the curves' start.
                    ["xanchor"] = "left", ["yanchor"] = "top", ["xshift"] = 4, ["showarrow"] = false,
                    ["font"] = new JsonObject { ["color"] = marker.Color, ["size"] = 11 },
                });
        }
        foreach (var (subplot, title) in SubplotTitles.OrderBy(t => t.Key))
            annotations.Add(new JsonObject
            {
                ["text"] = title, ["xref"] = $"{PlotlyJson.AxisReference('x', subplot)} domain", ["yref"] = $"{PlotlyJson.AxisReference('y', subplot)} domain",
                ["x"] = 0.5, ["y"] = 1, ["xanchor"] = "center", ["yanchor"] = "bottom", ["yshift"] = 4, ["showarrow"] = false,
                ["font"] = new JsonObject { ["size"] = 13 },
            });
        if (shapes.Count > 0) json["shapes"] = shapes;
        if (annotations.Count > 0) json["annotations"] = annotations;
        if (BarMode is { } barMode) json["barmode"] = PlotlyNames.Of(barMode);
        if (ShowLegend is { } showLegend) json["showlegend"] = showLegend;
        return json;
    }

    /// <summary>"paper" spans the whole figure, right for a single plot; in a grid a marker spans only its own subplot.</summary>
    private string VerticalReference(int subplot) =>
        Grid is null && subplot == 1 ? "paper" : $"{PlotlyJson.AxisReference('y', subplot)} domain";
}
