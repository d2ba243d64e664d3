using System.Diagnostics;
using System.Text.Json.Nodes;

namespace SeqGan.Research.Notebooks;

/// <summary>
/// One C# notebook session: the Roslyn scripting state shared from cell to cell, the <c>display</c> globals and
/// the .NET Interactive cell conventions. The notebook runner and the Jupyter kernel both run their cells
/// through it, so a cell means the same in <c>seqgan notebook run</c>, JupyterLab and VS Code.
/// </summary>
internal sealed class ScriptSession
{
    private readonly ScriptGlobals globals;
    private readonly RunnerAssemblies runnerAssemblies = RunnerAssemblies.OfCurrentProcess();
    private readonly PackageRestore packages;

    /// <param name="notebookDirectory">where relative <c>#r</c> and <c>#load</c> paths point</param>
    public ScriptSession(string notebookDirectory, IEnumerable<IDisplayFormatter> displayFormatters)
    {
        globals = new ScriptGlobals(new DisplayFormatterChain(displayFormatters));
        packages = new PackageRestore(runnerAssemblies);
        Kernel = new ScriptKernel(ScriptDefaults.Options(notebookDirectory), globals);
    }

    /// <summary>The Roslyn state, for completion and inspection against what the cells defined so far.</summary>
    public ScriptKernel Kernel { get; }

    public PreparedCell Prepare(NotebookCell cell) => CellPreparation.Prepare(cell.Source, cell.Metadata, runnerAssemblies);

    public PreparedCell Prepare(string source) => CellPreparation.Prepare(source, new JsonObject(), runnerAssemblies);

    /// <summary>
    /// Runs a prepared cell with the console and <c>display</c> pointed at <paramref name="outputs"/>; the last
    /// expression's value is added there as Out [<paramref name="executionCount"/>]. Returns the cell's error,
    /// or null when it ran to the end. <paramref name="cancellationToken"/> is also the ambient
    /// <see cref="Interruption"/> token, so the kit's training loops inside the cell stop between batches:
    /// then <see cref="OperationCanceledException"/> is thrown and the session keeps its state from before the cell.
    /// <paramref name="compiled"/> is told when the cell compiled and its code starts.
    /// </summary>
    public async Task<ErrorOutput?> RunAsync(PreparedCell cell, string cellName, int executionCount, ICellOutputs outputs,
        CancellationToken cancellationToken, Action? compiled = null)
    {
        switch (cell)
        {
            case PreparedCell.Rejected rejected:
                return CellErrors.Rejected(rejected.ErrorName, rejected.Message);
            case PreparedCell.Skip:
                return null;
            case PreparedCell.Run run:
            {
                // Left set after the cell: a task the cell started may still display into it.
                globals.CurrentCell = outputs;
                using var console = new CapturedConsole(outputs);
                using var interruption = Interruption.Enter(cancellationToken);
                var references = run.References;
                if (run.Packages.Count > 0)
                {
                    try
                    {
                        var restored = await packages.RestoreAsync(run.Packages, run.PackageSources, cancellationToken).ConfigureAwait(false);
                        references = [.. references, .. restored];
                        Console.WriteLine($"Restored {string.Join(", ", run.Packages.Select(p => p.Version is null ? p.Name : $"{p.Name} {p.Version}"))}");
                    }
                    catch (PackageRestoreException e)
                    {
                        return CellErrors.Rejected("NuGetRestoreFailed", e.Message);
                    }
                }
                var outcome = await Kernel.ExecuteAsync(run.Code, cellName, references, cancellationToken, compiled).ConfigureAwait(false);
                return outcome switch
                {
                    CellOutcome.Failed failed => failed.Error,
                    CellOutcome.Completed { Value: { } value } => AddResult(value, executionCount, outputs),
                    _ => null,
                };
            }
            default:
                throw new UnreachableException();
        }
    }

    private ErrorOutput? AddResult(object value, int executionCount, ICellOutputs outputs)
    {
        try
        {
            outputs.Add(new ExecuteResultOutput(executionCount, globals.Represent(value, [])));
            return null;
        }
        catch (Exception e)
        {
            // A ToHtml() that throws fails the cell, as it would in a kernel.
            return CellErrors.FromException(e);
        }
    }
}
