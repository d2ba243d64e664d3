using System.Globalization;

namespace SeqGan.Research.Plotting;

public static partial class Charts
{
    /// <summary>One bar per value, each in its own palette colour, with ± error bars where an error is given.</summary>
    public static Figure BarsWithErrors(IReadOnlyList<BarValue> bars, BarChartOptions? options = null)
    {
        options ??= new BarChartOptions();
        string Number(double v) => v.ToString(options.ValueFormat, CultureInfo.InvariantCulture);
        var trace = new BarTrace(bars.Select(b => b.Label).ToList(), bars.Select(b => b.Value).ToList())
        {
            ErrorY = bars.Any(b => b.Error is not null) ? bars.Select(b => b.Error ?? 0).ToList() : null,
            Colors = bars.Select((_, i) => Palette.Color(i)).ToList(),
            Text = options.ShowValues
                ? bars.Select(b => b.Error is { } e ? $"{Number(b.Value)} ± {Number(e)}" : Number(b.Value)).ToList()
                : null,
            ShowLegend = false,
        };
        // Category even when labels look like numbers, so every bar keeps its own slot.
        var figure = new Figure().Add(trace).WithXAxis(new Axis { Title = options.XTitle, Scale = AxisScale.Category });
        var yAxis = new Axis { Title = options.YTitle, Min = options.YMin, Max = options.YMax };
        figure = figure.WithYAxis(yAxis);
        return Decorate(figure, options.Title, options.Width, options.Height);
    }
}
