using SeqGan.Research.Cli;

namespace SeqGan.Research.Tests.Notebooks;

/// <summary>The first failing cell stops the run: its error is an `error` output, the notebook is still
/// written, and `seqgan notebook run` exits non-zero naming the cell.</summary>
public sealed class CellErrorTests
{
    [Fact]
    public async Task A_compile_error_is_recorded_and_stops_the_run()
    {
        using var notebook = new TestNotebook()
            .Markdown("# errors")
            .Code("var ok = 1;")
            .Code("\nint broken = \"text\";")
            .Code("Console.WriteLine(\"never\");");
        var result = await notebook.RunAsync();

        var failure = Assert.IsType<SeqGan.Research.Notebooks.CellFailure>(result.Failure);
        Assert.Equal(2, failure.CellIndex);
        Assert.Equal(2, failure.ExecutionCount);
        Assert.Equal("int broken = \"text\";", failure.FirstLine);
        Assert.Equal("CompilationError", failure.ErrorName);
        var error = Assert.Single(notebook.Outputs(2));
        Assert.Equal("error", error!["output_type"]!.GetValue<string>());
        Assert.Equal("CompilationError", error["ename"]!.GetValue<string>());
        // Positions are within the cell: the error is on its second line.
        Assert.StartsWith("(2,14): error CS0029", error["evalue"]!.GetValue<string>());
        Assert.NotEmpty(error["traceback"]!.AsArray());
        var skipped = notebook.ExecutedCells()[3]!;
        Assert.Null(skipped["execution_count"]);
        Assert.Empty(skipped["outputs"]!.AsArray());
    }

    [Fact]
    public async Task An_exception_is_recorded_after_the_cells_earlier_output()
    {
        using var notebook = new TestNotebook()
            .Code("Console.WriteLine(\"before\");\nthrow new InvalidOperationException(\"boom\");");
        var result = await notebook.RunAsync();

        Assert.Equal(0, result.Failure?.CellIndex);
        Assert.Equal("InvalidOperationException", result.Failure?.ErrorName);
        var outputs = notebook.Outputs(0);
        Assert.Equal(["stream", "error"], outputs.Select(o => o!["output_type"]!.GetValue<string>()));
        Assert.Equal("boom", outputs[1]!["evalue"]!.GetValue<string>());
        Assert.Contains(outputs[1]!["traceback"]!.AsArray(), line => line!.GetValue<string>().Contains("InvalidOperationException: boom"));
        Assert.DoesNotContain(outputs[1]!["traceback"]!.AsArray(), line => line!.GetValue<string>().Contains("Microsoft.CodeAnalysis.Scripting"));
        // Debug information is emitted, so the frame names the line in the cell.
        Assert.Contains(outputs[1]!["traceback"]!.AsArray(), line => line!.GetValue<string>().EndsWith(" in cell 0, line 2"));
    }

    [Fact]
    public async Task The_command_exits_non_zero_naming_the_failing_cell_and_still_writes_the_notebook()
    {
        using var notebook = new TestNotebook()
            .Code("var fine = true;")
            .Code("// load the data\nthrow new System.IO.FileNotFoundException(\"data.txt\");");
        notebook.Write();
        var output = Path.Combine(notebook.Folder, "out", "run.ipynb");

        var (exitCode, stderr) = await RunCommandAsync(notebook.Path, output);

        Assert.Equal(1, exitCode);
        Assert.Contains("cell 1 (In [2], first line: // load the data) failed — FileNotFoundException: data.txt", stderr);
        Assert.True(File.Exists(output));
        Assert.Contains("\"ename\": \"FileNotFoundException\"", File.ReadAllText(output));
    }

    [Fact]
    public async Task The_command_exits_zero_and_writes_beside_the_input_by_default()
    {
        using var notebook = new TestNotebook("ok").Code("1 + 1");
        notebook.Write();

        var (exitCode, _) = await RunCommandAsync(notebook.Path, output: null);

        Assert.Equal(0, exitCode);
        Assert.Equal(Path.Combine(notebook.Folder, "ok.executed.ipynb"), notebook.ExecutedPath);
        Assert.True(File.Exists(notebook.ExecutedPath));
    }

    private static async Task<(int ExitCode, string Stderr)> RunCommandAsync(string path, string? output)
    {
        var stderr = new StringWriter();
        var previous = Console.Error;
        Console.SetError(stderr);
        try
        {
            var exitCode = await NotebookCommand.RunAsync(path, [], output, CancellationToken.None);
            return (exitCode, stderr.ToString());
        }
        finally
        {
            Console.SetError(previous);
        }
    }
}
