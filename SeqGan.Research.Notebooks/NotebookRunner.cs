using System.Diagnostics;

namespace SeqGan.Research.Notebooks;

/// <summary>Executes the C# code cells of an nbformat 4 notebook in order, with shared state like a
/// Jupyter kernel, and records their outputs in the notebook. Stops at the first failing cell, whose
/// error is recorded like the outputs. One run at a time per process: a run redirects the console and
/// sets the current directory, both process-wide.</summary>
public sealed class NotebookRunner(NotebookRunOptions? options = null)
{
    private readonly NotebookRunOptions options = options ?? new NotebookRunOptions();

    /// <summary><c>NAME.ipynb</c> → <c>NAME.executed.ipynb</c> in the same folder, so relative paths in
    /// the outputs (figures written next to the notebook) still resolve, and the source is never overwritten
    /// unless asked for.</summary>
    public static string DefaultOutputPath(string inputPath)
    {
        var directory = Path.GetDirectoryName(inputPath) ?? "";
        return Path.Combine(directory, Path.GetFileNameWithoutExtension(inputPath) + ".executed.ipynb");
    }

    /// <summary>Runs the notebook at <paramref name="inputPath"/> and writes the executed notebook to
    /// <paramref name="outputPath"/> (default: <see cref="DefaultOutputPath"/>) before and after every cell — so a
    /// process that dies inside a cell (Environment.Exit, a stack overflow, a crash on another thread, a kill) leaves
    /// every finished cell written and the cell it died in marked — and at the end, whether or not a cell failed;
    /// also when stopped, with the cells run so far and an error on the cell that was running.</summary>
    /// <param name="cancellationToken">a stop request: the running cell gets <see cref="NotebookRunOptions.StopGracePeriod"/>
    /// to stop, then <see cref="OperationCanceledException"/> is thrown (after the notebook is written)</param>
    /// <param name="abandonCancellation">stop waiting for the running cell at once (a second Ctrl+C)</param>
    public async Task<NotebookRunResult> RunFileAsync(string inputPath, string? outputPath = null,
        IReadOnlyList<NotebookParameter>? parameters = null, CancellationToken cancellationToken = default,
        CancellationToken abandonCancellation = default)
    {
        var notebook = NotebookDocument.Load(inputPath);
        var output = outputPath ?? DefaultOutputPath(inputPath);
        var directory = Path.GetDirectoryName(Path.GetFullPath(inputPath))!;
        var result = await RunCellsAsync(notebook, directory, parameters, () => notebook.Save(output), cancellationToken, abandonCancellation)
            .ConfigureAwait(false);
        return result with { OutputPath = output };
    }

    /// <summary>Runs <paramref name="notebook"/> in place: parameters injected, outputs replaced.
    /// <paramref name="notebookDirectory"/> is where relative <c>#r</c> paths point. Stopping works as in
    /// <see cref="RunFileAsync"/>.</summary>
    public Task<NotebookRunResult> RunAsync(NotebookDocument notebook, string notebookDirectory,
        IReadOnlyList<NotebookParameter>? parameters = null, CancellationToken cancellationToken = default,
        CancellationToken abandonCancellation = default) =>
        RunCellsAsync(notebook, notebookDirectory, parameters, save: null, cancellationToken, abandonCancellation);

    private async Task<NotebookRunResult> RunCellsAsync(NotebookDocument notebook, string notebookDirectory,
        IReadOnlyList<NotebookParameter>? parameters, Action? save, CancellationToken cancellationToken, CancellationToken abandon)
    {
        var watch = Stopwatch.StartNew();
        ParameterInjection.Inject(notebook, parameters ?? []);
        CSharpNotebookMetadata.Apply(notebook);
        var cells = notebook.Cells;
        foreach (var cell in cells.Where(c => c.IsCode)) cell.SetExecution(null, []);

        var session = new ScriptSession(notebookDirectory, options.DisplayFormatters);
        var executed = new List<(NotebookCell Cell, int Count, CellOutputCollector Outputs)>();
        CellFailure? failure = null;
        var previousDirectory = Environment.CurrentDirectory;
        Environment.CurrentDirectory = options.WorkingDirectory ?? notebookDirectory;
        try
        {
            for (var i = 0; i < cells.Count && failure is null; i++)
            {
                cancellationToken.ThrowIfCancellationRequested();
                if (!cells[i].IsCode) continue;
                var prepared = session.Prepare(cells[i]);
                if (prepared is PreparedCell.Skip) continue;

                var count = executed.Count + 1;
                var outputs = new CellOutputCollector();
                executed.Add((cells[i], count, outputs));
                if (save is not null)
                {
                    Record(executed, running: outputs);
                    save();
                }
                var cellWatch = Stopwatch.StartNew();
                var end = await RunCellAsync(session, prepared, i, count, outputs, options.RunTimeout - watch.Elapsed, cancellationToken, abandon)
                    .ConfigureAwait(false);
                var error = end switch
                {
                    CellEnd.Finished finished => finished.Error,
                    CellEnd.Stopped stopped => CellErrors.Stopped(stopped.Reason, stopped.Abandoned, options.CellTimeout, options.RunTimeout),
                    _ => throw new UnreachableException(),
                };
                var firstLine = MultilineText.FirstLine(prepared is PreparedCell.Run r ? r.Code : cells[i].Source);
                if (error is not null)
                {
                    outputs.Add(error);
                    failure = new CellFailure(i, count, firstLine, error.Name, error.Value);
                }
                options.Progress?.Report(new CellProgress(i, cells.Count, count, firstLine, cellWatch.Elapsed, error is not null));
                if (save is not null && failure is null)
                {
                    Record(executed, running: null);
                    save();
                }
                if (end is CellEnd.Stopped { Reason: CellStopReason.StopRequested }) throw new OperationCanceledException(cancellationToken);
            }
        }
        finally
        {
            Environment.CurrentDirectory = previousDirectory;
            // Recorded again at the end: a display shown in one cell may be updated from a later one.
            Record(executed, running: null);
            save?.Invoke();
        }
        return new NotebookRunResult(notebook, executed.Count, failure, watch.Elapsed);
    }

    /// <summary>One cell on a thread of its own (<see cref="CellWatch"/>). When it has to be left running, the console it
    /// captured is given back here: its own scope will not end.</summary>
    private async Task<CellEnd> RunCellAsync(ScriptSession session, PreparedCell prepared, int index, int count, CellOutputCollector outputs,
        TimeSpan? runRemaining, CancellationToken cancellationToken, CancellationToken abandon)
    {
        var (consoleOut, consoleError, consoleIn) = (Console.Out, Console.Error, Console.In);
        var end = await CellWatch.RunAsync((token, compiled) => session.RunAsync(prepared, $"cell {index}", count, outputs, token, compiled),
            options.CellTimeout, runRemaining, options.StopGracePeriod, cancellationToken, abandon).ConfigureAwait(false);
        if (end is CellEnd.Stopped { Abandoned: true })
        {
            Console.SetOut(consoleOut);
            Console.SetError(consoleError);
            Console.SetIn(consoleIn);
        }
        return end;
    }

    /// <summary>Puts every executed cell's outputs so far into the notebook; <paramref name="running"/>'s cell is marked
    /// as the one the process is in.</summary>
    private static void Record(List<(NotebookCell Cell, int Count, CellOutputCollector Outputs)> executed, CellOutputCollector? running)
    {
        foreach (var (cell, count, outputs) in executed)
            cell.SetExecution(count, outputs == running ? [.. outputs.Snapshot(), CellErrors.Running()] : outputs.Snapshot());
    }
}
