using System.Diagnostics;
using SeqGan.Research.Notebooks;
using Xunit.Abstractions;

namespace SeqGan.Research.Tests.Notebooks.Jupyter;

/// <summary>
/// Every notebook in notebooks/ executed by Jupyter itself (`jupyter nbconvert --execute`) with its smoke parameters,
/// once on the kit's kernel and once on .NET Interactive's, each kernel started once for the notebook. The parameterised
/// copy is written as papermill writes it (a cell tagged injected-parameters after the parameters cell). Neither kernel
/// may leave an error; both must show the same figures and tables in the same cells, every figure carrying its PNG in
/// its HTML (the one MIME type .NET Interactive keeps) and, in the kit's kernel, as image/png too.
/// </summary>
[Collection(nameof(BothKernelsCollection))]
public sealed class NotebooksUnderBothKernelsTests(BothKernels kernels, ITestOutputHelper log)
{
    /// <summary>Per kernel; the smoke parameters keep each far below it (seconds to a minute on two idle cores; 09 took
    /// 9 minutes on two cores shared with a load of 40).</summary>
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(15);

    public static TheoryData<string> Notebooks() => TeachingNotebookTests.Notebooks();

    [Theory]
    [MemberData(nameof(Notebooks))]
    public async Task Runs_under_both_kernels_with_the_same_figures_and_tables(string name)
    {
        var temp = Directory.CreateTempSubdirectory("seqgan-both-kernels-").FullName;
        try
        {
            // Each kernel gets its own folder (its parameterised copy, its outputs and checkpoints): the two run at once, and
            // a run refuses a checkpoint folder that another run has claimed.
            string KernelFolder(string kernel) => Directory.CreateDirectory(Path.Combine(temp, kernel)).FullName;
            foreach (var kernel in BothKernels.Kernels)
            {
                var notebook = NotebookDocument.Load(Path.Combine(TeachingNotebookTests.NotebooksFolder, name + ".ipynb"));
                ParameterInjection.Inject(notebook, TeachingNotebookTests.SmokeParametersFor(name, KernelFolder(kernel)));
                notebook.Save(Path.Combine(KernelFolder(kernel), name + ".ipynb"));
            }

            // Both kernels at once: on two cores one kernel's start-up and compilation overlap the other's training.
            var watch = Stopwatch.StartNew();
            var executed = await Task.WhenAll(BothKernels.Kernels.Select(kernel => Task.Run(() =>
            {
                var run = Stopwatch.StartNew();
                var result = kernels.Jupyter.Execute(Path.Combine(KernelFolder(kernel), name + ".ipynb"), kernel, TeachingNotebookTests.NotebooksFolder,
                    Path.Combine(KernelFolder(kernel), $"{name}.executed.ipynb"), Timeout);
                log.WriteLine($"{name} on {kernel}: {run.Elapsed.TotalSeconds:F1} s");
                return (Kernel: kernel, Notebook: result);
            })));
            log.WriteLine($"{name}, both kernels: {watch.Elapsed.TotalSeconds:F1} s");

            foreach (var (kernel, result) in executed)
            {
                var errors = ExecutedOutputs.Errors(result).ToList();
                Assert.True(errors.Count == 0, $"{name} on {kernel}:\n{string.Join("\n", errors)}");
                var rich = ExecutedOutputs.Rich(result).ToList();
                Assert.Contains(rich, r => r.Kind == OutputKind.Figure);
                Assert.Single(rich, r => r.Kind == OutputKind.PlotlyScript);
                foreach (var (cell, _, data) in rich.Where(r => r.Kind == OutputKind.Figure))
                {
                    Assert.True(TestNotebook.Text(data["text/html"]).Contains(ExecutedOutputs.EmbeddedPng, StringComparison.Ordinal),
                        $"{name} on {kernel}, cell {cell}: the figure's HTML does not carry its PNG");
                    if (kernel == JupyterEnvironment.KernelName)
                        Assert.StartsWith("iVBORw0KGgo", TestNotebook.Text(data["image/png"]));
                }
            }
            var (kit, dotnetInteractive) = (Shown(executed[0].Notebook), Shown(executed[1].Notebook));
            Assert.True(kit.SequenceEqual(dotnetInteractive),
                $"{name}: the kernels show different things.\nkit:                {string.Join(" ", kit)}\n.NET Interactive:   {string.Join(" ", dotnetInteractive)}");
            foreach (var kernel in BothKernels.Kernels)
                Assert.False(Directory.Exists(Path.Combine(KernelFolder(kernel), "figures")), $"{name} on {kernel} wrote figures although saveFigures was false");
        }
        finally
        {
            Directory.Delete(temp, recursive: true);
        }
    }

    /// <summary>Figures, tables and the plotly.js output, by cell.</summary>
    private static List<string> Shown(System.Text.Json.Nodes.JsonNode notebook) =>
        ExecutedOutputs.Rich(notebook).Where(r => r.Kind != OutputKind.Other).Select(r => $"{r.Cell}:{r.Kind}").ToList();
}
