using System.Text.Json.Nodes;
using SeqGan.Research.Notebooks;

namespace SeqGan.Research.Tests.Notebooks.Jupyter;

/// <summary>
/// A teaching notebook executed by Jupyter itself (`jupyter nbconvert --execute`) on `seqgan kernel`: its
/// figures arrive as Jupyter outputs with both the interactive HTML and the PNG, and a failing cell appended to it
/// becomes a Jupyter error output carrying the C# exception's message.
/// </summary>
public sealed class NbconvertOnKernelTests : IDisposable
{
    // The quickest teaching notebook with smoke parameters (MLE on a small random oracle, two figures).
    private const string Notebook = "02-mle-exposure-bias";
    private const string FailingCellMessage = "a C# exception raised on purpose";

    private readonly JupyterEnvironment jupyter = new();

    [Fact]
    public void Executes_a_teaching_notebook_with_its_figures_and_reports_a_failing_cell()
    {
        var input = Path.Combine(jupyter.Folder, Notebook + ".ipynb");
        var notebook = NotebookDocument.Load(Path.Combine(TeachingNotebookTests.NotebooksFolder, Notebook + ".ipynb"));
        var parameters = TeachingNotebookTests.SmokeParameters[Notebook]
            .Concat(["saveFigures=false", $"figuresDirectory={jupyter.Folder}/figures"])
            .Select(NotebookParameter.Parse).ToList();
        ParameterInjection.Inject(notebook, parameters);
        notebook.AddCell(NotebookCell.NewCode($"throw new InvalidOperationException(\"{FailingCellMessage}\");", []));
        notebook.Save(input);

        var (exitCode, _, stderr) = jupyter.Run(JupyterEnvironment.Jupyter,
        [
            "nbconvert", "--to", "notebook", "--execute", "--allow-errors",
            $"--ExecutePreprocessor.kernel_name={JupyterEnvironment.KernelName}", "--ExecutePreprocessor.timeout=120",
            "--output", "executed.ipynb", input,
        ], TimeSpan.FromMinutes(3));
        Assert.True(exitCode == 0, $"nbconvert failed:\n{stderr}");
        var executed = JsonNode.Parse(File.ReadAllText(Path.Combine(jupyter.Folder, "executed.ipynb")))!;

        var cells = executed["cells"]!.AsArray();
        var errors = cells.SelectMany(c => c!["outputs"]?.AsArray() ?? []).Where(o => o!["output_type"]!.GetValue<string>() == "error").ToList();
        var error = Assert.Single(errors)!;   // only the appended cell fails
        Assert.Equal("InvalidOperationException", error["ename"]!.GetValue<string>());
        Assert.Equal(FailingCellMessage, error["evalue"]!.GetValue<string>());
        Assert.Same(cells[^1], error.Parent!.Parent);

        var figures = TeachingNotebookTests.FigureOutputs(executed).ToList();
        Assert.NotEmpty(figures);
        foreach (var (cell, data) in figures)
        {
            Assert.True(data["text/html"] is not null, $"cell {cell}: a figure without text/html");
            var png = Convert.FromBase64String(TestNotebook.Text(data["image/png"]));
            Assert.Equal(new byte[] { 0x89, (byte)'P', (byte)'N', (byte)'G' }, png[..4]);
        }
        Assert.Equal("csharp", executed["metadata"]!["language_info"]!["name"]!.GetValue<string>());
        Assert.False(Directory.Exists(Path.Combine(jupyter.Folder, "figures")), "the notebook wrote figures although saveFigures was false");
    }

    public void Dispose() => jupyter.Dispose();
}
