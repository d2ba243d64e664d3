namespace SeqGan.Research.Plotting;

/// <summary>
/// A rows × columns grid of independent subplots (plotly's <c>layout.grid</c>, pattern "independent"):
/// subplot k, counted row by row from the top left, uses axes x{k}/y{k}.
/// </summary>
public sealed record SubplotGrid(int Rows, int Columns)
{
    /// <summary>Horizontal gap between subplots, as a fraction of a subplot's width.</summary>
    public double XGap { get; init; } = 0.12;

    /// <summary>Vertical gap as a fraction of a subplot's height; room for subplot titles.</summary>
    public double YGap { get; init; } = 0.3;

    public int Count => Rows * Columns;
}
