namespace SeqGan.Research.Plotting;

/// <summary>
/// A vertical line across a subplot at <see cref="X"/> with an optional label at its top (where pretraining
/// ends, say). Drawn as a layout shape whose y spans the plot area (yref "paper", or "y2 domain" in a grid)
/// so it stays full height whatever the data's range.
/// </summary>
public sealed record VerticalMarker(double X, string? Label = null)
{
    public int Subplot { get; init; } = 1;

    public string Color { get; init; } = "#444444";

    public LineDash Dash { get; init; } = LineDash.Dash;

    public double Width { get; init; } = 1.5;
}
