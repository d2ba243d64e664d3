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
    /// <paramref name="outputPath"/> (default: <see cref="DefaultOutputPath"/>) whether or not a cell failed;
    /// also when cancelled, with the cells run so far.</summary>
    public async Task<NotebookRunResult> RunFileAsync(string inputPath, string? outputPath = null,
        IReadOnlyList<NotebookParameter>? parameters = null, CancellationToken cancellationToken = default)
    {
        var notebook = NotebookDocument.Load(inputPath);
        var output = outputPath ?? DefaultOutputPath(inputPath);
        var directory = Path.GetDirectoryName(Path.GetFullPath(inputPath))!;
        NotebookRunResult result;
        try
        {
            result = await RunAsync(notebook, directory, parameters, cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            notebook.Save(output);
            throw;
        }
        notebook.Save(output);
        return result with { OutputPath = output };
    }

    /// <summary>Runs <paramref name="notebook"/> in place: parameters injected, outputs replaced.
    /// <paramref name="notebookDirectory"/> is where relative <c>#r</c> paths point.</summary>
    public async Task<NotebookRunResult> RunAsync(NotebookDocument notebook, string notebookDirectory,
        IReadOnlyList<NotebookParameter>? parameters = null, CancellationToken cancellationToken = default)
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
                if (!cells[i].IsCode) continue;
                var prepared = session.Prepare(cells[i]);
                if (prepared is PreparedCell.Skip) continue;

                var count = executed.Count + 1;
                var outputs = new CellOutputCollector();
                executed.Add((cells[i], count, outputs));
                var cellWatch = Stopwatch.StartNew();
                var error = await session.RunAsync(prepared, $"cell {i}", count, outputs, cancellationToken).ConfigureAwait(false);
                var firstLine = MultilineText.FirstLine(prepared is PreparedCell.Run r ? r.Code : cells[i].Source);
                if (error is not null)
                {
                    outputs.Add(error);
                    failure = new CellFailure(i, count, firstLine, error.Name, error.Value);
                }
                options.Progress?.Report(new CellProgress(i, cells.Count, count, firstLine, cellWatch.Elapsed, error is not null));
            }
        }
        finally
        {
            Environment.CurrentDirectory = previousDirectory;
            // Written last: a display shown in one cell may be updated from a later one.
            foreach (var (cell, count, outputs) in executed) cell.SetExecution(count, outputs.Snapshot());
        }
        return new NotebookRunResult(notebook, executed.Count, failure, watch.Elapsed);
    }
}
