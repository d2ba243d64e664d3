using System.Text.Json.Nodes;

namespace SeqGan.Research.Plotting;

/// <summary>A histogram of raw values; plotly bins them in the browser.</summary>
public sealed record HistogramTrace(IReadOnlyList<double> X) : Trace
{
    public override string PlotlyType => "histogram";

    /// <summary>Maximum number of bins (plotly's <c>nbinsx</c>); plotly chooses when null.</summary>
    public int? BinCount { get; init; }

    public HistogramNormalization Normalization { get; init; } = HistogramNormalization.Count;

    public string? Color { get; init; }

    /// <summary>Below 1 when several histograms overlay (<see cref="BarMode.Overlay"/>).</summary>
    public double? Opacity { get; init; }

    protected override void WriteData(JsonObject json)
    {
        json["x"] = PlotlyJson.Numbers(X);
        if (BinCount is { } bins) json["nbinsx"] = bins;
        if (Normalization != HistogramNormalization.Count) json["histnorm"] = PlotlyNames.Of(Normalization);
        if (Color is not null) json["marker"] = new JsonObject { ["color"] = Color };
        if (Opacity is { } opacity) json["opacity"] = opacity;
    }
}
