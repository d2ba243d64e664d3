namespace SeqGan.Research.Plotting;

/// <summary>
/// The kit's standard figures from plain data (no training types): training curves, a panel of curves,
/// bars with error bars, a reward heatmap. Experiments adapt their results to these inputs.
/// </summary>
public static partial class Charts
{
    /// <summary>
    /// Curves against epochs, each with a translucent mean ± spread band where it has a spread, and an optional
    /// vertical marker (labelled "pretraining ends" by default) at <see cref="CurveChartOptions.MarkerX"/>.
    /// </summary>
    public static Figure TrainingCurves(IReadOnlyList<Series> series, CurveChartOptions? options = null)
    {
        options ??= new CurveChartOptions();
        var figure = new Figure();
        for (var i = 0; i < series.Count; i++)
            figure = figure.Add(CurveTraces(series[i], series[i].Color ?? Palette.Color(i), options, subplot: 1, showLegend: true));
        figure = figure.WithXAxis(options.XTitle);
        if (options.YTitle is not null) figure = figure.WithYAxis(options.YTitle);
        if (options.MarkerX is { } markerX) figure = figure.WithVerticalMarker(markerX, options.MarkerLabel);
        return Decorate(figure, options.Title, options.Width, options.Height);
    }

    /// <summary>A curve's band (drawn first, so the line stays on top) and its line, toggled together from the legend.</summary>
    internal static IEnumerable<Trace> CurveTraces(Series series, string color, CurveChartOptions options, int subplot, bool showLegend)
    {
        var x = series.Points.Select(p => p.X).ToArray();
        var y = series.Points.Select(p => p.Y).ToArray();
        if (options.ShowBands && series.HasSpread)
        {
            var lower = series.Points.Select(p => p.Y - (p.Spread ?? 0)).ToArray();
            var upper = series.Points.Select(p => p.Y + (p.Spread ?? 0)).ToArray();
            yield return ErrorBand.Create(x, lower, upper, Palette.WithOpacity(color, options.BandOpacity)) with
            {
                Name = $"{series.Name} ± sd", LegendGroup = series.Name, Subplot = subplot,
            };
        }
        yield return new ScatterTrace(x, y)
        {
            Name = series.Name,
            // A lone point draws no line segment; show it as a marker.
            Mode = series.Points.Count < 2 ? ScatterMode.LinesAndMarkers : ScatterMode.Lines,
            Color = color,
            LineWidth = 2,
            LegendGroup = series.Name,
            ShowLegend = showLegend,
            Subplot = subplot,
        };
    }

    private static Figure Decorate(Figure figure, string? title, int? width, int? height)
    {
        if (title is not null) figure = figure.WithTitle(title);
        return figure with { Layout = figure.Layout with { Width = width ?? figure.Layout.Width, Height = height ?? figure.Layout.Height } };
    }
}
