namespace SeqGan.Research.Plotting;

public static partial class Charts
{
    /// <summary>
    /// One subplot per panel on a grid (2 × 2 for four panels by default). A series name keeps one colour and
    /// one legend entry across panels; x titles sit on the bottom row, y titles on the left column.
    /// </summary>
    public static Figure CurvePanel(IReadOnlyList<PanelCurves> panels, CurvePanelOptions? options = null)
    {
        options ??= new CurvePanelOptions();
        if (panels.Count == 0) throw new ArgumentException("a panel needs at least one subplot", nameof(panels));
        if (options.Columns < 1) throw new ArgumentOutOfRangeException(nameof(options), options.Columns, "Columns must be at least 1");
        var curves = options.Curves;
        var columns = Math.Min(options.Columns, panels.Count);
        var rows = (panels.Count + columns - 1) / columns;

        var colors = new Dictionary<string, string>();
        foreach (var series in panels.SelectMany(p => p.Series))
            if (!colors.ContainsKey(series.Name)) colors[series.Name] = series.Color ?? Palette.Color(colors.Count);
        var inLegend = new HashSet<string>();
        var yRange = options.SharedYRange ? SharedRange(panels.SelectMany(p => p.Series), curves.ShowBands) : null;

        var figure = new Figure().WithGrid(rows, columns);
        for (var index = 0; index < panels.Count; index++)
        {
            var subplot = index + 1;
            foreach (var series in panels[index].Series)
                figure = figure.Add(CurveTraces(series, colors[series.Name], curves, subplot, showLegend: inLegend.Add(series.Name)));
            figure = figure.WithSubplotTitle(subplot, panels[index].Title);
            var bottomOfColumn = index + columns >= panels.Count;
            if (bottomOfColumn) figure = figure.WithXAxis(curves.XTitle, subplot);
            var yAxis = figure.YAxisOf(subplot) with { Title = index % columns == 0 ? curves.YTitle : null };
            if (yRange is var (min, max)) yAxis = yAxis with { Min = min, Max = max };
            figure = figure.WithYAxis(yAxis, subplot);
            if (curves.MarkerX is { } markerX) figure = figure.WithVerticalMarker(markerX, curves.MarkerLabel, subplot);
        }
        return Decorate(figure, curves.Title, curves.Width, curves.Height);
    }

    /// <summary>The y extent of every curve (and band) plus 5% on each side; null when there are no finite values.</summary>
    private static (double Min, double Max)? SharedRange(IEnumerable<Series> series, bool withBands)
    {
        var values = series.SelectMany(s => s.Points).SelectMany(p =>
            withBands && p.Spread is { } spread ? new[] { p.Y - spread, p.Y + spread } : new[] { p.Y })
            .Where(double.IsFinite).ToList();
        if (values.Count == 0) return null;
        var (min, max) = (values.Min(), values.Max());
        var pad = max > min ? 0.05 * (max - min) : Math.Max(Math.Abs(min) * 0.05, 0.5);
        return (min - pad, max + pad);
    }
}
