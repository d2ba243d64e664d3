namespace SeqGan.Research.Plotting;

/// <summary>
/// A shaded band between a lower and an upper curve, drawn the way plotly's own examples do: one scatter
/// trace that walks x forward along the upper bound and back along the lower one, closed with
/// <c>fill: "toself"</c>. One trace (not two with "tonexty") keeps the band independent of trace order.
/// </summary>
public static class ErrorBand
{
    public static ScatterTrace Create(IReadOnlyList<double> x, IReadOnlyList<double> lower, IReadOnlyList<double> upper, string fillColor)
    {
        PlotlyJson.CheckSameLength(x.Count, lower.Count, "error band lower bound");
        PlotlyJson.CheckSameLength(x.Count, upper.Count, "error band upper bound");
        var outlineX = x.Concat(x.Reverse()).ToArray();
        var outlineY = upper.Concat(lower.Reverse()).ToArray();
        return new ScatterTrace(outlineX, outlineY)
        {
            Mode = ScatterMode.Lines,
            Color = "rgba(0,0,0,0)",
            LineWidth = 0,
            Fill = ScatterFill.ToSelf,
            FillColor = fillColor,
            ShowLegend = false,
            HoverInfo = "skip",
        };
    }
}
