namespace SeqGan.Research.Plotting;

/// <summary>How a scatter trace draws its points (plotly's <c>mode</c>).</summary>
public enum ScatterMode { Lines, Markers, LinesAndMarkers }

/// <summary>Line style (plotly's <c>line.dash</c>).</summary>
public enum LineDash { Solid, Dash, Dot, DashDot }

/// <summary>Area fill of a scatter trace (plotly's <c>fill</c>).</summary>
public enum ScatterFill
{
    None,
    /// <summary>Close the trace's own outline and fill it: how one trace draws an error band.</summary>
    ToSelf,
    /// <summary>Fill down to the previous trace: the two-trace way of drawing a band.</summary>
    ToNextY,
    ToZeroY,
}

/// <summary>How several bar or histogram traces share an axis (plotly's <c>layout.barmode</c>).</summary>
public enum BarMode { Group, Overlay, Stack }

/// <summary>What a histogram's bar heights mean (plotly's <c>histnorm</c>).</summary>
public enum HistogramNormalization { Count, Percent, Probability, Density, ProbabilityDensity }

/// <summary>Axis scale (plotly's <c>axis.type</c>).</summary>
public enum AxisScale { Linear, Log, Category }

internal static class PlotlyNames
{
    public static string Of(ScatterMode mode) => mode switch
    {
        ScatterMode.Lines => "lines",
        ScatterMode.Markers => "markers",
        ScatterMode.LinesAndMarkers => "lines+markers",
        _ => throw new ArgumentOutOfRangeException(nameof(mode)),
    };

    public static string Of(LineDash dash) => dash switch
    {
        LineDash.Solid => "solid",
        LineDash.Dash => "dash",
        LineDash.Dot => "dot",
        LineDash.DashDot => "dashdot",
        _ => throw new ArgumentOutOfRangeException(nameof(dash)),
    };

    public static string Of(ScatterFill fill) => fill switch
    {
        ScatterFill.None => "none",
        ScatterFill.ToSelf => "toself",
        ScatterFill.ToNextY => "tonexty",
        ScatterFill.ToZeroY => "tozeroy",
        _ => throw new ArgumentOutOfRangeException(nameof(fill)),
    };

    public static string Of(BarMode mode) => mode switch
    {
        BarMode.Group => "group",
        BarMode.Overlay => "overlay",
        BarMode.Stack => "stack",
        _ => throw new ArgumentOutOfRangeException(nameof(mode)),
    };

    public static string Of(HistogramNormalization norm) => norm switch
    {
        HistogramNormalization.Count => "",
        HistogramNormalization.Percent => "percent",
        HistogramNormalization.Probability => "probability",
        HistogramNormalization.Density => "density",
        HistogramNormalization.ProbabilityDensity => "probability density",
        _ => throw new ArgumentOutOfRangeException(nameof(norm)),
    };

    public static string Of(AxisScale scale) => scale switch
    {
        AxisScale.Linear => "linear",
        AxisScale.Log => "log",
        AxisScale.Category => "category",
        _ => throw new ArgumentOutOfRangeException(nameof(scale)),
    };
}
