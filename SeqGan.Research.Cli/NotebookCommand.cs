using System.CommandLine;
using System.Globalization;
using SeqGan.Research.Notebooks;

namespace SeqGan.Research.Cli;

/// <summary>`seqgan notebook run NOTEBOOK.ipynb [--param name=value ...] [--output PATH]`: executes the
/// notebook's C# cells in order and writes the executed notebook. Exit code 0: every cell ran;
/// 1: a cell failed (named on stderr; its error is recorded in the written notebook); 2: bad input.</summary>
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
        var run = new Command("run", "Execute a notebook's C# cells in order, like a kernel, and write the executed notebook") { notebook, parameters, output };
        run.SetAction((parse, cancellationToken) =>
            RunAsync(parse.GetValue(notebook)!, parse.GetValue(parameters) ?? [], parse.GetValue(output), cancellationToken));
        return new Command("notebook", "Run notebooks with C# cells (Jupyter / .NET Interactive .ipynb)") { run };
    }

    internal static async Task<int> RunAsync(string path, IReadOnlyList<string> parameters, string? output, CancellationToken cancellationToken)
    {
        if (!File.Exists(path)) throw new FileNotFoundException($"notebook not found: {path}");
        var parsed = parameters.Select(NotebookParameter.Parse).ToList();
        var outputPath = output ?? NotebookRunner.DefaultOutputPath(path);
        // Taken now: while a cell runs, Console.Error is that cell's stderr.
        var log = Console.Error;
        var runner = new NotebookRunner(new NotebookRunOptions { Progress = new CellLog(log) });
        NotebookRunResult result;
        try
        {
            result = await runner.RunFileAsync(path, outputPath, parsed, cancellationToken);
        }
        catch (OperationCanceledException)
        {
            log.WriteLine($"stopped; the cells run so far are in {outputPath}");
            return 130;
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

    /// <summary>One line per cell on stderr. Synchronous on purpose: Progress&lt;T&gt; would post the line
    /// to the thread pool, where it could land while the next cell has the console.</summary>
    private sealed class CellLog(TextWriter log) : IProgress<CellProgress>
    {
        public void Report(CellProgress value) =>
            log.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"[{value.CellIndex + 1}/{value.CellCount}] In [{value.ExecutionCount}] {value.Elapsed.TotalSeconds,6:F2} s {(value.Failed ? "FAILED" : "ok    ")} {value.FirstLine}"));
    }
}
