namespace SeqGan.Research.Notebooks;

/// <summary>How a <see cref="NotebookRunner"/> runs notebooks.</summary>
public sealed record NotebookRunOptions
{
    /// <summary>Asked before the <see cref="DefaultDisplayFormatter"/>, in order, for every displayed value
    /// and every cell result. By default the kit's own (figures as HTML + PNG, tables as HTML).</summary>
    public IReadOnlyList<IDisplayFormatter> DisplayFormatters { get; init; } = [new KitDisplayFormatter()];

    /// <summary>Told after each code cell, on the runner's thread and with the console already given back,
    /// so a handler may print.</summary>
    public IProgress<CellProgress>? Progress { get; init; }

    /// <summary>The current directory while the notebook runs; null: the notebook's folder, where Jupyter
    /// and VS Code start their kernels (so relative paths in cells mean the same everywhere).</summary>
    public string? WorkingDirectory { get; init; }

    public NotebookRunOptions WithFormatter(IDisplayFormatter formatter) =>
        this with { DisplayFormatters = [formatter, .. DisplayFormatters] };
}

/// <summary>One code cell done: <paramref name="CellIndex"/> is its position in the executed notebook's cells.</summary>
public sealed record CellProgress(int CellIndex, int CellCount, int? ExecutionCount, string FirstLine, TimeSpan Elapsed, bool Failed);
