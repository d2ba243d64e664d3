using System.Globalization;

namespace SeqGan.Research.Plotting;

public static partial class Charts
{
    /// <summary>
    /// Rewards as a token × position heatmap: <paramref name="rewards"/>[row][position], one row label each
    /// (token strings), first row at the top. Repeated labels stay separate rows (plotly would merge equal
    /// category labels, so such rows are numbered and the labels become tick text).
    /// </summary>
    public static Figure RewardHeatmap(IReadOnlyList<IReadOnlyList<double>> rewards, IReadOnlyList<string> rowLabels, HeatmapOptions? options = null)
    {
        options ??= new HeatmapOptions();
        if (rewards.Count != rowLabels.Count)
            throw new ArgumentException($"{rewards.Count} rows of rewards but {rowLabels.Count} row labels", nameof(rowLabels));
        var positions = rewards.Count == 0 ? 0 : rewards[0].Count;
        var columnLabels = options.ColumnLabels ?? Enumerable.Range(1, positions).Select(p => p.ToString(CultureInfo.InvariantCulture)).ToList();
        var repeated = rowLabels.Distinct().Count() != rowLabels.Count;
        var trace = new HeatmapTrace(rewards)
        {
            X = columnLabels,
            Y = repeated ? null : rowLabels,
            YValues = repeated ? Enumerable.Range(0, rowLabels.Count).Select(i => (double)i).ToList() : null,
            ColorScale = options.ColorScale,
            ColorBarTitle = options.ColorBarTitle,
            ZMin = options.ZMin,
            ZMax = options.ZMax,
            CellText = options.CellText,
        };
        // Labels are categories even when they look like numbers (token ids), or plotly would place row "12" at y = 12.
        var yAxis = repeated
            ? new Axis(options.YTitle) { Reversed = true, TickValues = trace.YValues, TickLabels = rowLabels }
            : new Axis(options.YTitle) { Reversed = true, Scale = AxisScale.Category };
        var xAxis = new Axis(options.XTitle) { Scale = options.ColumnLabels is null ? null : AxisScale.Category };
        var figure = new Figure().Add(trace).WithXAxis(xAxis).WithYAxis(yAxis);
        // Rows stay readable: about 24 px each, within sensible bounds, unless the caller chose a height.
        var height = options.Height ?? Math.Clamp(160 + 24 * rowLabels.Count, 320, 1400);
        return Decorate(figure, options.Title, options.Width, height);
    }

    /// <summary><see cref="RewardHeatmap(IReadOnlyList{IReadOnlyList{double}}, IReadOnlyList{string}, HeatmapOptions?)"/> with token ids as row labels.</summary>
    public static Figure RewardHeatmap(IReadOnlyList<IReadOnlyList<double>> rewards, IReadOnlyList<int> tokenIds, HeatmapOptions? options = null) =>
        RewardHeatmap(rewards, tokenIds.Select(t => t.ToString(CultureInfo.InvariantCulture)).ToList(), options);
}
