using System.Text.Json.Nodes;

namespace SeqGan.Research.Plotting;

/// <summary>A line and/or marker trace over numeric x.</summary>
public sealed record ScatterTrace(IReadOnlyList<double> X, IReadOnlyList<double> Y) : Trace
{
    public override string PlotlyType => "scatter";

    public ScatterMode Mode { get; init; } = ScatterMode.Lines;

    /// <summary>CSS colour of the line and markers; plotly's colourway when null.</summary>
    public string? Color { get; init; }

    public double? LineWidth { get; init; }

    public LineDash Dash { get; init; } = LineDash.Solid;

    public double? MarkerSize { get; init; }

    public ScatterFill Fill { get; init; } = ScatterFill.None;

    public string? FillColor { get; init; }

    protected override void WriteData(JsonObject json)
    {
        PlotlyJson.CheckSameLength(X.Count, Y.Count, $"scatter trace '{Name}' y");
        json["x"] = PlotlyJson.Numbers(X);
        json["y"] = PlotlyJson.Numbers(Y);
        json["mode"] = PlotlyNames.Of(Mode);
        if (Mode != ScatterMode.Markers)
        {
            var line = new JsonObject { ["dash"] = PlotlyNames.Of(Dash) };
            if (Color is not null) line["color"] = Color;
            if (LineWidth is { } width) line["width"] = width;
            json["line"] = line;
        }
        if (Mode != ScatterMode.Lines)
        {
            var marker = new JsonObject();
            if (Color is not null) marker["color"] = Color;
            if (MarkerSize is { } size) marker["size"] = size;
            json["marker"] = marker;
        }
        if (Fill != ScatterFill.None) json["fill"] = PlotlyNames.Of(Fill);
        if (FillColor is not null) json["fillcolor"] = FillColor;
    }
}
