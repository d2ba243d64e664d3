using SeqGan.Research.Notebooks;

namespace SeqGan.Research.Tests.Notebooks;

/// <summary>papermill's convention: --param values land in a cell tagged injected-parameters right after
/// the cell tagged parameters, typed by the declarations there.</summary>
public sealed class ParameterInjectionTests
{
    private const string Defaults = """
        int epochs = 3;
        var learningRate = 0.01;
        string name = "default";
        bool fast = false;
        float? clip = 5f;
        var day = DayOfWeek.Monday;
        """;

    [Fact]
    public async Task Values_are_injected_after_the_parameters_cell_as_literals_of_the_declared_types()
    {
        using var notebook = new TestNotebook()
            .Markdown("# A parameterised notebook")
            .Code(Defaults, "parameters")
            .Code("$\"{epochs} {learningRate} {name} {fast} {clip is null} {day}\"");
        var result = await notebook.RunAsync(
            new NotebookParameter("epochs", "7"),
            new NotebookParameter("learningRate", "1e-3"),
            new NotebookParameter("name", "say \"hi\""),
            new NotebookParameter("fast", "True"),
            new NotebookParameter("clip", "null"),
            new NotebookParameter("day", "DayOfWeek.Friday"));

        Assert.True(result.Succeeded, result.Failure?.Describe());
        var cells = notebook.ExecutedCells();
        Assert.Equal(4, cells.Count);
        var injected = cells[2]!;
        Assert.Equal(["injected-parameters"], injected["metadata"]!["tags"]!.AsArray().Select(t => t!.GetValue<string>()));
        Assert.Equal("""
            // Parameters injected by `seqgan notebook run`
            epochs = 7;
            learningRate = 0.001d;
            name = "say \"hi\"";
            fast = true;
            clip = null;
            day = DayOfWeek.Friday;

            """.Replace("\r\n", "\n"), TestNotebook.Text(injected["source"]));
        Assert.Equal("7 0.001 say \"hi\" True True Friday", TestNotebook.Text(Assert.Single(notebook.Outputs(3))!["data"]!["text/plain"]));
    }

    [Fact]
    public async Task Running_an_executed_notebook_again_replaces_its_injected_cell()
    {
        using var notebook = new TestNotebook().Code(Defaults, "parameters").Code("epochs");
        await notebook.RunAsync(new NotebookParameter("epochs", "7"));
        var again = await new NotebookRunner().RunFileAsync(notebook.ExecutedPath, parameters: [new NotebookParameter("epochs", "9")]);

        Assert.True(again.Succeeded);
        var cells = again.Notebook.Cells;
        Assert.Equal(3, cells.Count);
        Assert.Single(cells, c => c.HasTag("injected-parameters"));
        Assert.Equal(NotebookRunner.DefaultOutputPath(notebook.ExecutedPath), again.OutputPath);
        Assert.Equal("9", TestNotebook.Text(cells[2].Outputs.Single()!["data"]!["text/plain"]));
    }

    [Theory]
    [InlineData("epochs", "three", "'three' is not a valid int")]
    [InlineData("batchSize", "64", "declares no variable 'batchSize' (it declares: epochs, learningRate, name, fast, clip, day)")]
    [InlineData("fast", "yes", "'yes' is not a valid bool")]
    public async Task A_bad_parameter_is_an_error_before_any_cell_runs(string name, string value, string message)
    {
        using var notebook = new TestNotebook().Code(Defaults, "parameters").Code("File.WriteAllText(\"ran.txt\", \"\");");
        var error = await Assert.ThrowsAsync<ArgumentException>(() => notebook.RunAsync(new NotebookParameter(name, value)));

        Assert.Contains(message, error.Message);
        Assert.False(File.Exists(Path.Combine(notebook.Folder, "ran.txt")));
    }

    [Fact]
    public async Task Parameters_without_a_parameters_cell_are_an_error()
    {
        using var notebook = new TestNotebook().Code("var epochs = 1;");
        var error = await Assert.ThrowsAsync<ArgumentException>(() => notebook.RunAsync(new NotebookParameter("epochs", "2")));
        Assert.Contains("tagged 'parameters'", error.Message);
    }

    [Theory]
    [InlineData("long n = 1;", "12", "12L")]
    [InlineData("decimal price = 1m;", "2.50", "2.50m")]
    [InlineData("float scale = 1f;", "0.5", "0.5f")]
    [InlineData("double x = 1;", "-Infinity", "double.NegativeInfinity")]
    [InlineData("var x = -1;", "-4", "-4")]
    [InlineData("char c = 'a';", "\n", "'\\n'")]
    [InlineData("string? s = null;", "null", "null")]
    [InlineData("var preset = OraclePreset.Smoke;", "OraclePreset.Quick", "OraclePreset.Quick")]
    public void Literals_follow_the_declared_type(string declaration, string value, string literal)
    {
        var declared = Assert.Single(ParameterDeclaration.ReadAll(declaration).Values);
        Assert.Equal(literal, ParameterLiteral.Format(declared, value));
    }

    [Fact]
    public void Param_options_split_at_the_first_equals_sign()
    {
        Assert.Equal(new NotebookParameter("expr", "a=b"), NotebookParameter.Parse("expr=a=b"));
        Assert.Equal(new NotebookParameter("empty", ""), NotebookParameter.Parse("empty="));
        Assert.Throws<ArgumentException>(() => NotebookParameter.Parse("novalue"));
    }
}
