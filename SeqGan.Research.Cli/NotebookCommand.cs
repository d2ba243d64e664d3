using System.CommandLine;
using System.Globalization;
using System.Runtime.InteropServices;
using SeqGan.Research.Notebooks;
using SeqGan.Research.Storage;

namespace SeqGan.Research.Cli;

/// <summary>`seqgan notebook run NOTEBOOK.ipynb [--param name=value ...] [--output PATH] [--cell-timeout S] [--timeout S]`:
/// executes the notebook's C# cells in order and writes the executed notebook (after every cell). Exit code 0: every
/// cell ran; 1: a cell failed or ran over a timeout (named on stderr; its error is recorded in the written notebook);
/// 2: bad input; 130 / 143: stopped by SIGINT (Ctrl+C) / SIGTERM.</summary>
internal static class NotebookCommand
{
    public static Command Create()
    {
        var notebook = new Argument<string>("notebook") { Description = "the .ipynb to run (nbformat 4, C# code cells)" };
        var parameters = new Option<string[]>("--param", "-p")
        {
            Description = "name=value: assign a variable declared in the cell tagged 'parameters' (repeatable). "
                + "Numbers, bools and strings are parsed by the variable's declared type (a string is taken as typed, unquoted); "
                + "for any other type the value is C# source, e.g. OraclePreset.Smoke",
            Arity = ArgumentArity.ZeroOrMore,
        };
        var output = new Option<string?>("--output", "-o") { Description = "where to write the executed notebook (default: NAME.executed.ipynb beside the input)" };
        var cellTimeout = new Option<double?>("--cell-timeout") { Description = "seconds one code cell may run; a cell over it is stopped and the run fails there (default: no limit)" };
        var timeout = new Option<double?>("--timeout") { Description = "seconds the whole run may take (default: no limit)" };
        var run = new Command("run", "Execute a notebook's C# cells in order, like a kernel, and write the executed notebook")
            { notebook, parameters, output, cellTimeout, timeout };
        run.SetAction((parse, cancellationToken) =>
            RunAsync(parse.GetValue(notebook)!, parse.GetValue(parameters) ?? [], parse.GetValue(output), cancellationToken,
                new NotebookLimits(Seconds(parse.GetValue(cellTimeout), "--cell-timeout"), Seconds(parse.GetValue(timeout), "--timeout"))));
        return new Command("notebook", "Run notebooks with C# cells (Jupyter / .NET Interactive .ipynb)") { run };
    }

    /// <summary>The time limits of a run; null: none.</summary>
    internal sealed record NotebookLimits(TimeSpan? Cell, TimeSpan? Run);

    internal static async Task<int> RunAsync(string path, IReadOnlyList<string> parameters, string? output, CancellationToken cancellationToken,
        NotebookLimits? limits = null)
    {
        if (!File.Exists(path)) throw new FileNotFoundException($"notebook not found: {path}");
        var parsed = parameters.Select(NotebookParameter.Parse).ToList();
        var outputPath = OutputLocation.CheckFile(output ?? NotebookRunner.DefaultOutputPath(path), "--output");
        // Taken now: while a cell runs, Console.Error is that cell's stderr.
        var log = Console.Error;
        var runner = new NotebookRunner(new NotebookRunOptions { Progress = new CellLog(log), CellTimeout = limits?.Cell, RunTimeout = limits?.Run });
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        using var abandon = new CancellationTokenSource();
        var signals = new StopSignals(log, stop, abandon);
        NotebookRunResult result;
        using (PosixSignalRegistration.Create(PosixSignal.SIGINT, signals.Handle))
        using (PosixSignalRegistration.Create(PosixSignal.SIGTERM, signals.Handle))
        {
            try
            {
                result = await runner.RunFileAsync(path, outputPath, parsed, stop.Token, abandon.Token);
            }
            catch (OperationCanceledException)
            {
                log.WriteLine($"stopped; the cells run so far are in {outputPath}");
                return signals.First == PosixSignal.SIGTERM ? 143 : CliErrors.Stopped;
            }
        }
        if (result.Failure is { } failure)
        {
            log.WriteLine($"error: {failure.Describe()}");
            log.WriteLine($"the executed notebook, with the error recorded, is {outputPath}");
            return 1;
        }
        Console.WriteLine($"wrote {outputPath} ({result.ExecutedCells} cells run in {result.Elapsed.TotalSeconds.ToString("F1", CultureInfo.InvariantCulture)} s)");
        return 0;
    }

    private static TimeSpan? Seconds(double? value, string option) => value switch
    {
        null => null,
        > 0 and <= 1e7 => TimeSpan.FromSeconds(value.Value),
        _ => throw new ArgumentException($"{option} must be a number of seconds above 0, got {value.Value.ToString(CultureInfo.InvariantCulture)}"),
    };

    /// <summary>SIGINT and SIGTERM: the first asks the running cell to stop (it gets a grace period to reach an
    /// interruption check), the second stops waiting for it; later ones are ignored while the notebook is written.</summary>
    private sealed class StopSignals(TextWriter log, CancellationTokenSource stop, CancellationTokenSource abandon)
    {
        private int count;

        public PosixSignal? First { get; private set; }

        public void Handle(PosixSignalContext context)
        {
            context.Cancel = true;
            switch (Interlocked.Increment(ref count))
            {
                case 1:
                    First = context.Signal;
                    log.WriteLine($"{context.Signal}: stopping the running cell (again to stop at once)");
                    CancelAside(stop);
                    break;
                case 2:
                    log.WriteLine($"{context.Signal}: stopping at once");
                    CancelAside(abandon);
                    break;
            }
        }

        /// <summary>Off the signal thread: what the cancellation sets going (the runner's next steps) must not delay
        /// the handling of the next signal.</summary>
        private static void CancelAside(CancellationTokenSource source) => ThreadPool.QueueUserWorkItem(_ =>
        {
            try
            {
                source.Cancel();
            }
            catch (ObjectDisposedException)
            {
                // The run ended meanwhile.
            }
        });
    }

    /// <summary>One line per cell on stderr. Synchronous on purpose: Progress&lt;T&gt; would post the line
    /// to the thread pool, where it could land while the next cell has the console.</summary>
    private sealed class CellLog(TextWriter log) : IProgress<CellProgress>
    {
        public void Report(CellProgress value) =>
            log.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"[{value.CellIndex + 1}/{value.CellCount}] In [{value.ExecutionCount}] {value.Elapsed.TotalSeconds,6:F2} s {(value.Failed ? "FAILED" : "ok    ")} {value.FirstLine}"));
    }
}
