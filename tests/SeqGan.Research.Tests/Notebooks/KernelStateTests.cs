namespace SeqGan.Research.Tests.Notebooks;

/// <summary>The runner behaves like a Jupyter kernel: state carries across cells, the last expression is
/// Out [n], display() shows values, the console of each cell is captured.</summary>
public sealed class KernelStateTests
{
    [Fact]
    public async Task Variables_types_and_imports_carry_from_cell_to_cell()
    {
        using var notebook = new TestNotebook()
            .Code("var x = 20;")
            .Code("record Point(int X, int Y);\nint Twice(int v) => 2 * v;")
            .Code("new Point(Twice(x), 2).X + 2");
        var result = await notebook.RunAsync();

        Assert.True(result.Succeeded, result.Failure?.Describe());
        Assert.Equal(3, result.ExecutedCells);
        var cells = notebook.ExecutedCells();
        Assert.Equal([1, 2, 3], cells.Select(c => c!["execution_count"]!.GetValue<int>()));
        var output = Assert.Single(notebook.Outputs(2));
        Assert.Equal("execute_result", output!["output_type"]!.GetValue<string>());
        Assert.Equal(3, output["execution_count"]!.GetValue<int>());
        Assert.Equal("42", TestNotebook.Text(output["data"]!["text/plain"]));
    }

    [Fact]
    public async Task Display_shows_values_in_order_and_the_last_expression_becomes_the_result()
    {
        using var notebook = new TestNotebook()
            .Code("""
                  class Badge { public string ToHtml() => "<b>badge</b>"; public override string ToString() => "badge"; }
                  display("first");
                  display(new Badge());
                  var progress = display("step 0");
                  progress.Update("step 9");
                  display("<i>raw</i>", "text/html");
                  new[] { 1, 2, 3 }.Sum()
                  """)
            .Code("Console.WriteLine(\"no value\")");
        var result = await notebook.RunAsync();

        Assert.True(result.Succeeded, result.Failure?.Describe());
        var outputs = notebook.Outputs(0);
        Assert.Equal(["display_data", "display_data", "display_data", "display_data", "execute_result"],
            outputs.Select(o => o!["output_type"]!.GetValue<string>()));
        Assert.Equal("first", TestNotebook.Text(outputs[0]!["data"]!["text/plain"]));
        Assert.Equal("<b>badge</b>", TestNotebook.Text(outputs[1]!["data"]!["text/html"]));
        Assert.Equal("badge", TestNotebook.Text(outputs[1]!["data"]!["text/plain"]));
        Assert.Equal("step 9", TestNotebook.Text(outputs[2]!["data"]!["text/plain"]));
        Assert.Equal("<i>raw</i>", TestNotebook.Text(outputs[3]!["data"]!["text/html"]));
        Assert.Equal("6", TestNotebook.Text(outputs[4]!["data"]!["text/plain"]));
        // A void call as the last line has no value: only its stdout.
        Assert.Equal(["stream"], notebook.Outputs(1).Select(o => o!["output_type"]!.GetValue<string>()));
    }

    [Fact]
    public async Task Stdout_and_stderr_are_captured_per_cell_in_order_and_the_console_is_given_back()
    {
        var consoleBefore = Console.Out;
        using var notebook = new TestNotebook()
            .Code("Console.WriteLine(\"a\");\nConsole.Write(\"b\");\nConsole.WriteLine();\nConsole.Error.WriteLine(\"oops\");\nConsole.WriteLine(\"c\");")
            .Code("System.Threading.Tasks.Parallel.For(0, 100, i => Console.WriteLine(i));\nawait Task.Delay(1);\nConsole.Out.Write(\"after await\\n\");");
        var result = await notebook.RunAsync();

        Assert.True(result.Succeeded, result.Failure?.Describe());
        Assert.Same(consoleBefore, Console.Out);
        var first = notebook.Outputs(0);
        Assert.Equal([("stdout", "a\nb\n"), ("stderr", "oops\n"), ("stdout", "c\n")],
            first.Select(o => (o!["name"]!.GetValue<string>(), TestNotebook.Text(o["text"]))));
        var second = Assert.Single(notebook.Outputs(1));
        var lines = TestNotebook.Text(second!["text"]).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(101, lines.Length);
        Assert.Equal(Enumerable.Range(0, 100).Select(i => i.ToString()).Order(), lines.Take(100).Order());
        Assert.Equal("after await", lines[^1]);
    }

    /// <summary>The imports are .NET Interactive's: what fails there fails here too.</summary>
    [Fact]
    public async Task Path_needs_using_System_IO_as_in_dotnet_interactive()
    {
        using var notebook = new TestNotebook().Code("Path.Combine(\"a\", \"b\")");
        var result = await notebook.RunAsync();

        Assert.Equal("CompilationError", result.Failure?.ErrorName);
        Assert.Contains("error CS0103: The name 'Path' does not exist in the current context", result.Failure!.ErrorValue);
    }

    [Fact]
    public async Task Cells_run_in_the_notebooks_folder()
    {
        using var notebook = new TestNotebook()
            .Code("using System.IO;\nFile.WriteAllText(\"written-by-cell.txt\", \"x\");\nEnvironment.CurrentDirectory");
        var before = Environment.CurrentDirectory;
        var result = await notebook.RunAsync();

        Assert.True(result.Succeeded, result.Failure?.Describe());
        Assert.True(File.Exists(Path.Combine(notebook.Folder, "written-by-cell.txt")));
        Assert.Equal(before, Environment.CurrentDirectory);
    }
}
