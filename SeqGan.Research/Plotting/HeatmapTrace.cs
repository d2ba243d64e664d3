using System.Text.Json.Nodes;

namespace SeqGan.Research.Plotting;

/// <summary>A matrix as colours: <see cref="Z"/>[row][column], rows along y and columns along x.</summary>
public sealed record HeatmapTrace(IReadOnlyList<IReadOnlyList<double>> Z) : Trace
{
    public override string PlotlyType => "heatmap";

    /// <summary>Column labels (one per column of <see cref="Z"/>).</summary>
    public IReadOnlyList<string>? X { get; init; }

    /// <summary>Row labels (one per row). plotly merges equal category labels, so rows whose labels repeat
    /// need numeric y with tick labels on the axis instead (as <see cref="Charts.RewardHeatmap(IReadOnlyList{IReadOnlyList{double}}, IReadOnlyList{string}, HeatmapOptions?)"/> does).</summary>
    public IReadOnlyList<string>? Y { get; init; }

    /// <summary>Row positions when the rows are numbered rather than labelled.</summary>
    public IReadOnlyList<double>? YValues { get; init; }

    /// <summary>A plotly colourscale name ("Viridis", "RdBu", "Blues", ...).</summary>
    public string ColorScale { get; init; } = "Viridis";

    public bool ReverseScale { get; init; }

    public string? ColorBarTitle { get; init; }

    public double? ZMin { get; init; }

    public double? ZMax { get; init; }

    /// <summary>Text drawn in each cell (same shape as <see cref="Z"/>), e.g. the token at that position.</summary>
    public IReadOnlyList<IReadOnlyList<string>>? CellText { get; init; }

    protected override void WriteData(JsonObject json)
    {
        var columns = Z.Count == 0 ? 0 : Z[0].Count;
        foreach (var row in Z) PlotlyJson.CheckSameLength(columns, row.Count, "heatmap z row");
        json["z"] = PlotlyJson.Matrix(Z);
        if (X is not null)
        {
            PlotlyJson.CheckSameLength(columns, X.Count, "heatmap x labels");
            json["x"] = PlotlyJson.Strings(X);
        }
        if (Y is not null && YValues is not null) throw new ArgumentException("a heatmap takes row labels or row values, not both");
        if (Y is not null)
        {
            PlotlyJson.CheckSameLength(Z.Count, Y.Count, "heatmap y labels");
            json["y"] = PlotlyJson.Strings(Y);
        }
        if (YValues is not null)
        {
            PlotlyJson.CheckSameLength(Z.Count, YValues.Count, "heatmap y values");
            json["y"] = PlotlyJson.Numbers(YValues);
        }
        json["colorscale"] = ColorScale;
        if (ReverseScale) json["reversescale"] = true;
        if (ZMin is { } min) json["zmin"] = min;
        if (ZMax is { } max) json["zmax"] = max;
        if (ColorBarTitle is not null) json["colorbar"] = new JsonObject { ["title"] = PlotlyJson.Title(ColorBarTitle) };
        if (CellText is not null)
        {
            PlotlyJson.CheckSameLength(Z.Count, CellText.Count, "heatmap cell text rows");
            foreach (var row in CellText) PlotlyJson.CheckSameLength(columns, row.Count, "heatmap cell text row");
            json["text"] = PlotlyJson.Matrix(CellText);
            json["texttemplate"] = "%{text}";
        }
    }
}
