using SeqGan.Research.Plotting;

namespace SeqGan.Research.Experiments;

/// <summary>The frontier as Caccia et al. draw it: NLL-test against NLL-oracle, one curve per method over α.</summary>
public static class FrontierFigures
{
    /// <summary>
    /// One line per method through its mean (over seeds) point at each α, a large marker at T = 1, and a vertical line at
    /// the oracle's entropy per token: points left of it have a lower NLL-oracle than the oracle's own samples (mode dropping).
    /// Lower left is better on both axes; read methods against each other at the same height (the same NLL-test).
    /// </summary>
    public static Figure Frontier(IReadOnlyList<FrontierPoint> points, double oracleEntropy, string? title = null)
    {
        if (points.Count == 0) throw new ArgumentException("the frontier needs at least one point", nameof(points));
        var figure = new Figure();
        var methods = points.Select(p => p.Method).Distinct().ToList();
        for (var i = 0; i < methods.Count; i++)
        {
            var color = Palette.Color(i);
            var curve = points.Where(p => p.Method == methods[i]).GroupBy(p => p.InverseTemperature).OrderBy(g => g.Key)
                .Select(g => (Alpha: g.Key, X: g.Average(p => p.NllOracle), Y: g.Average(p => p.NllTest))).ToList();
            figure = figure.Add(new ScatterTrace(curve.Select(c => c.X).ToList(), curve.Select(c => c.Y).ToList())
            {
                Name = methods[i], Mode = ScatterMode.LinesAndMarkers, Color = color, MarkerSize = 5, LegendGroup = methods[i],
            });
            var one = curve.Where(c => c.Alpha == 1).ToList();
            figure = figure.Add(new ScatterTrace(one.Select(c => c.X).ToList(), one.Select(c => c.Y).ToList())
            {
                Name = $"{methods[i]}, T = 1", Mode = ScatterMode.Markers, Color = color, MarkerSize = 13, LegendGroup = methods[i], ShowLegend = false,
            });
        }
        // The x range always holds the floor, so that the line is drawn inside the plot, not on its edge.
        var low = Math.Min(oracleEntropy, points.Min(p => p.NllOracle));
        var high = Math.Max(oracleEntropy, points.Max(p => p.NllOracle));
        var pad = Math.Max(0.05 * (high - low), 0.05);
        return figure
            .WithTitle(title ?? "Frontier — NLL-test against NLL-oracle over the temperature (large marker: T = 1)")
            .WithXAxis(new Axis("NLL-oracle of generated samples (lower: higher quality)") { Min = low - pad, Max = high + pad })
            .WithYAxis("NLL-test of held-out oracle samples (lower: more coverage)")
            .WithVerticalMarker(new VerticalMarker(oracleEntropy, $"oracle entropy {oracleEntropy:F2}: left of it, mode dropping"));
    }
}
