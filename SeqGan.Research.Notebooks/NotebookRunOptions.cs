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

    /// <summary>The longest one code cell may run (null: no limit), counted from when its code starts (compiling it —
    /// seconds for the first cell, while Roslyn warms up — does not count). A cell over it is stopped as an interrupted
    /// one is, and the run fails there with a <c>CellTimeoutError</c> on that cell.</summary>
    public TimeSpan? CellTimeout { get; init; }

    /// <summary>The longest the whole run may take (null: no limit); the cell running when it is reached fails as
    /// with <see cref="CellTimeout"/>.</summary>
    public TimeSpan? RunTimeout { get; init; }

    /// <summary>How long a cell asked to stop (a stop request, a timeout) gets to reach an interruption check — the
    /// kit's training loops check between batches — before the runner stops waiting for it. .NET cannot stop a
    /// thread, so such a cell (a <c>while (true) {}</c>) keeps running in the background: the run ends, the notebook
    /// is written, and the process should exit (the <c>seqgan notebook run</c> command does).</summary>
    public TimeSpan StopGracePeriod { get; init; } = TimeSpan.FromSeconds(3);

    public NotebookRunOptions WithFormatter(IDisplayFormatter formatter) =>
        this with { DisplayFormatters = [formatter, .. DisplayFormatters] };
}

/// <summary>One code cell done: <paramref name="CellIndex"/> is its position in the executed notebook's cells.</summary>
public sealed record CellProgress(int CellIndex, int CellCount, int? ExecutionCount, string FirstLine, TimeSpan Elapsed, bool Failed);
