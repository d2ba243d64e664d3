namespace SeqGan.Research.Plotting;

/// <summary>Titles and decorations of <see cref="Charts.TrainingCurves"/>.</summary>
public sealed record CurveChartOptions
{
    public string? Title { get; init; }
    public string XTitle { get; init; } = "epoch";
    public string? YTitle { get; init; }
    /// <summary>x of a vertical marker (where pretraining ends); none when null.</summary>
    public double? MarkerX { get; init; }
    public string MarkerLabel { get; init; } = "pretraining ends";
    /// <summary>Draw mean ± spread bands where the series have a spread.</summary>
    public bool ShowBands { get; init; } = true;
    public double BandOpacity { get; init; } = 0.2;
    public int? Width { get; init; }
    public int? Height { get; init; }
}

/// <summary>One subplot of <see cref="Charts.CurvePanel"/>: a title and its curves.</summary>
public sealed record PanelCurves(string Title, IReadOnlyList<Series> Series);

/// <summary>Layout of <see cref="Charts.CurvePanel"/>; curve decorations come from <see cref="Curves"/>.</summary>
public sealed record CurvePanelOptions
{
    public int Columns { get; init; } = 2;
    /// <summary>Give every subplot the same y range so panels compare at a glance.</summary>
    public bool SharedYRange { get; init; } = true;
    public CurveChartOptions Curves { get; init; } = new();
}

/// <summary>One bar: a label, its value and an optional error-bar half-length.</summary>
public sealed record BarValue(string Label, double Value, double? Error = null);

public sealed record BarChartOptions
{
    public string? Title { get; init; }
    public string? XTitle { get; init; }
    public string? YTitle { get; init; }
    /// <summary>Both or neither: a y range that does not start at 0, when differences are small next to the values.</summary>
    public double? YMin { get; init; }
    public double? YMax { get; init; }
    /// <summary>Print each value (and ± error) on its bar.</summary>
    public bool ShowValues { get; init; } = true;
    public string ValueFormat { get; init; } = "F3";
    public int? Width { get; init; }
    public int? Height { get; init; }
}

/// <summary>Titles and colours of <see cref="Charts.RewardHeatmap(IReadOnlyList{IReadOnlyList{double}}, IReadOnlyList{string}, HeatmapOptions?)"/>.</summary>
public sealed record HeatmapOptions
{
    public string? Title { get; init; }
    public string XTitle { get; init; } = "position";
    public string YTitle { get; init; } = "token";
    public string ColorBarTitle { get; init; } = "reward";
    public string ColorScale { get; init; } = "Viridis";
    /// <summary>Column labels; positions 1, 2, ... when null.</summary>
    public IReadOnlyList<string>? ColumnLabels { get; init; }
    /// <summary>Text in each cell (same shape as the rewards), e.g. the sampled token.</summary>
    public IReadOnlyList<IReadOnlyList<string>>? CellText { get; init; }
    public double? ZMin { get; init; }
    public double? ZMax { get; init; }
    public int? Width { get; init; }
    public int? Height { get; init; }
}
