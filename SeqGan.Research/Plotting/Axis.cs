using System.Text.Json.Nodes;

namespace SeqGan.Research.Plotting;

/// <summary>Settings of one x or y axis; unset fields are left to plotly.</summary>
public sealed record Axis
{
    public Axis() { }

    public Axis(string title) => Title = title;

    public string? Title { get; init; }

    public AxisScale? Scale { get; init; }

    /// <summary>Both ends of the range, or neither (plotly needs the pair).</summary>
    public double? Min { get; init; }

    public double? Max { get; init; }

    /// <summary>Top-to-bottom rows (a heatmap whose first row should be at the top).</summary>
    public bool Reversed { get; init; }

    /// <summary>Tick positions with their labels, for numbered rows whose labels repeat.</summary>
    public IReadOnlyList<double>? TickValues { get; init; }

    public IReadOnlyList<string>? TickLabels { get; init; }

    public JsonObject ToJson()
    {
        var json = new JsonObject();
        if (Title is not null) json["title"] = PlotlyJson.Title(Title);
        if (Scale is { } scale) json["type"] = PlotlyNames.Of(scale);
        if (Min.HasValue != Max.HasValue) throw new ArgumentException("an axis range needs both Min and Max");
        if (Min is { } min && Max is { } max)
            json["range"] = Reversed ? PlotlyJson.Numbers([max, min]) : PlotlyJson.Numbers([min, max]);
        else if (Reversed) json["autorange"] = "reversed";
        if (TickValues is not null)
        {
            json["tickmode"] = "array";
            json["tickvals"] = PlotlyJson.Numbers(TickValues);
            if (TickLabels is not null)
            {
                PlotlyJson.CheckSameLength(TickValues.Count, TickLabels.Count, "axis tick labels");
                json["ticktext"] = PlotlyJson.Strings(TickLabels);
            }
        }
        return json;
    }
}
