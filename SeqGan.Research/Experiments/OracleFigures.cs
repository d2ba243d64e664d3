using SeqGan.Research.Metrics;
using SeqGan.Research.Training;
using SeqGan.Research.Plotting;

namespace SeqGan.Research.Experiments;

/// <summary>The synthetic-data figures of the paper from the experiments' records (curve points, Table 1).</summary>
public static class OracleFigures
{
    /// <summary>The method name of the shared pretraining curve (see <see cref="OracleRun.PretrainingCurve"/>).</summary>
    public const string PretrainingMethod = SeqGanTrainer.PretrainingLabel;

    public const string NllAxisTitle = "NLL by oracle";

    public const string EpochAxisTitle = "epoch (pretraining, then training)";

    /// <summary>
    /// Figure 2: NLL-oracle against epochs for every method, mean ± sd over seeds, the pretraining curve first
    /// and a marker where pretraining ends. Feed it every curve point of a run (pretraining and methods).
    /// </summary>
    public static Figure Figure2(IEnumerable<CurvePoint> points, int pretrainEpochs, string? title = null) =>
        Charts.TrainingCurves(SeriesByMethod(points), new CurveChartOptions
        {
            Title = title ?? "Figure 2 — NLL-oracle during training (mean ± sd over seeds)",
            XTitle = EpochAxisTitle,
            YTitle = NllAxisTitle,
            MarkerX = pretrainEpochs,
        });

    /// <summary>
    /// Figure 3: one subplot per training strategy (2 × 2 for the paper's four), each with the pretraining curve
    /// and that strategy's SeqGAN curve. Methods labelled "SeqGAN (g-steps=…, …)" become subplot "g-steps=…, …".
    /// </summary>
    public static Figure Figure3(IEnumerable<CurvePoint> points, int pretrainEpochs, string? title = null)
    {
        var series = SeriesByMethod(points);
        var pretraining = series.Where(s => s.Name == PretrainingMethod).ToList();
        var panels = series.Where(s => s.Name != PretrainingMethod).Select(s =>
        {
            var (method, strategy) = SplitLabel(s.Name);
            return new PanelCurves(strategy, [.. pretraining, s with { Name = method }]);
        }).ToList();
        return Charts.CurvePanel(panels, new CurvePanelOptions
        {
            Curves = new CurveChartOptions
            {
                Title = title ?? "Figure 3 — NLL-oracle under four training strategies (mean ± sd over seeds)",
                XTitle = "epoch",
                YTitle = NllAxisTitle,
                MarkerX = pretrainEpochs,
                Height = 720,
            },
        });
    }

    /// <summary>Table 1 as bars: mean NLL-oracle ± sd per method, the y axis zoomed to where the bars differ.</summary>
    public static Figure Table1Bars(Table1 table, string? title = null)
    {
        var bars = table.Rows.Select(r => new BarValue(r.Method, r.Mean, r.StandardDeviation)).ToList();
        var low = table.Rows.Min(r => r.Mean - r.StandardDeviation);
        var high = table.Rows.Max(r => r.Mean + r.StandardDeviation);
        var pad = Math.Max(0.15 * (high - low), 0.05);
        return Charts.BarsWithErrors(bars, new BarChartOptions
        {
            Title = title ?? $"Table 1 — NLL-oracle, preset {table.Preset} (mean ± sd over seeds; lower is better)",
            YTitle = $"{NllAxisTitle} (axis starts at {Math.Floor((low - pad) * 10) / 10:0.0})",
            YMin = Math.Floor((low - pad) * 10) / 10,
            YMax = high + pad,
        });
    }

    /// <summary>One series per method of <paramref name="metric"/>'s points, in order of first appearance with pretraining
    /// first; mean ± sd over seeds per epoch.</summary>
    public static IReadOnlyList<Series> SeriesByMethod(IEnumerable<CurvePoint> points, string metric = OracleMetrics.NllOracleName)
    {
        // Random's result repeats the pretraining curve's epoch-0 point: count each (method, seed, epoch) once.
        var unique = points.Where(p => p.Metric == metric).DistinctBy(p => (p.Method, p.Seed, p.Epoch)).ToList();
        return unique.GroupBy(p => p.Method)
            .OrderBy(g => g.Key == PretrainingMethod ? 0 : 1)
            .Select(g => Series.MeanAndStandardDeviation(g.Key, g.Select(p => ((double)p.Epoch, p.Value))))
            .ToList();
    }

    private static (string Method, string Detail) SplitLabel(string label)
    {
        var open = label.IndexOf(" (", StringComparison.Ordinal);
        return open > 0 && label.EndsWith(')') ? (label[..open], label[(open + 2)..^1]) : (label, label);
    }
}
