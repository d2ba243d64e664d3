using System.Text.Json.Nodes;

namespace SeqGan.Research.Plotting;

/// <summary>One plotly trace. <see cref="Subplot"/> (from 1) picks the axes pair x/y, x2/y2, ... of a grid.</summary>
public abstract record Trace
{
    /// <summary>Legend and hover name.</summary>
    public string? Name { get; init; }

    public int Subplot { get; init; } = 1;

    public bool? ShowLegend { get; init; }

    /// <summary>Traces of one group toggle together from the legend (a curve and its error band).</summary>
    public string? LegendGroup { get; init; }

    /// <summary>plotly's <c>hoverinfo</c>; "skip" keeps a decoration (a band) out of the hover labels.</summary>
    public string? HoverInfo { get; init; }

    /// <summary>plotly's trace type: "scatter", "bar", "heatmap", "histogram".</summary>
    public abstract string PlotlyType { get; }

    public JsonObject ToJson()
    {
        PlotlyJson.CheckSubplot(Subplot);
        var json = new JsonObject { ["type"] = PlotlyType };
        if (Name is not null) json["name"] = Name;
        WriteData(json);
        json["xaxis"] = PlotlyJson.AxisReference('x', Subplot);
        json["yaxis"] = PlotlyJson.AxisReference('y', Subplot);
        if (ShowLegend is { } show) json["showlegend"] = show;
        if (LegendGroup is not null) json["legendgroup"] = LegendGroup;
        if (HoverInfo is not null) json["hoverinfo"] = HoverInfo;
        return json;
    }

    /// <summary>Writes the type's own fields (data arrays, styling).</summary>
    protected abstract void WriteData(JsonObject json);
}
