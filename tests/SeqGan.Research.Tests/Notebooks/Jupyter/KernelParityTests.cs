using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using SeqGan.Research.Notebooks;
using SeqGan.Research.Plotting;
using SeqGan.Research.Tests.Plotting;

namespace SeqGan.Research.Tests.Notebooks.Jupyter;

/// <summary>
/// One small notebook executed through Jupyter on each kernel: the same imports (<c>Path</c> needs
/// <c>using System.IO;</c> in both), tables as HTML, a NuGet package restored by <c>#r "nuget: …"</c> and used, and
/// figures that show with the network off — exported with `jupyter nbconvert --to html` and opened in headless
/// Chromium as pictures (scripts off, or plotly.js absent) and as interactive plots once the bundled plotly.js is
/// on the page, the figure shown before it included. Each figure is a bar chart of its own pure colour, so its
/// pixels can be counted on the screenshot.
/// </summary>
[Collection(nameof(BothKernelsCollection))]
public sealed class KernelParityTests(BothKernels kernels)
{
    private const string PathError = "error CS0103: The name 'Path' does not exist in the current context";
    private const int MinimumFigurePixels = 2_000;

    /// <summary>The start of both figures' pictures (their titles start alike); plotly.js's own source has other data: URLs.</summary>
    private const string FigurePicture = "<img alt=\"shown ";

    private static readonly string[] Cells =
    [
        "#r \"../SeqGan.Research/bin/Release/net10.0/SeqGan.Research.dll\"\nusing SeqGan.Research.Display;\nusing SeqGan.Research.Plotting;",
        "Path.Combine(\"a\", \"b\")",
        "using System.IO;\nPath.Combine(\"a\", \"b\")",
        "display(new Figure().WithTitle(\"shown before plotly.js\").Add(new BarTrace([\"a\", \"b\", \"c\"], [3, 1, 2]) { Color = \"#ff0000\" }));",
        "display(PlotlyScript.Bundled());",
        "display(new Figure().WithTitle(\"shown after plotly.js\").Add(new BarTrace([\"a\", \"b\", \"c\"], [1, 3, 2]) { Color = \"#0000ff\" }));",
        "new DisplayTable([\"method\", \"NLL-oracle\"], [[\"MLE\", \"9.038\"]])",
        "#r \"nuget: Humanizer.Core, 2.14.1\"\nusing Humanizer;\n\"restored_from_nu_get\".Humanize()",
    ];

    public static TheoryData<string> Kernels() => BothKernels.KernelNames();

    [Theory]
    [MemberData(nameof(Kernels))]
    public void Imports_tables_packages_and_offline_figures_behave_alike(string kernel)
    {
        var temp = Directory.CreateTempSubdirectory("seqgan-parity-").FullName;
        try
        {
            var notebook = NotebookDocument.Create();
            foreach (var cell in Cells) notebook.AddCell(NotebookCell.NewCode(cell, []));
            var input = Path.Combine(temp, "parity.ipynb");
            notebook.Save(input);
            var executedPath = Path.Combine(temp, "executed.ipynb");
            var executed = kernels.Jupyter.Execute(input, kernel, TeachingNotebookTests.NotebooksFolder, executedPath,
                TimeSpan.FromMinutes(5), allowErrors: true);

            var error = Assert.Single(ExecutedOutputs.Errors(executed));
            Assert.StartsWith("cell 1:", error);                       // no System.IO without a using, in either kernel
            Assert.Contains(PathError, error);
            Assert.Contains("a/b", ExecutedOutputs.Text(executed, 2));
            Assert.Contains("restored from nu get", ExecutedOutputs.Text(executed, 7));
            var rich = ExecutedOutputs.Rich(executed).ToList();
            var table = Assert.Single(rich, r => r.Kind == OutputKind.Table);
            Assert.Equal(6, table.Cell);
            Assert.Contains("<td>MLE</td>", TestNotebook.Text(table.Data["text/html"]));
            Assert.Equal([3, 5], rich.Where(r => r.Kind == OutputKind.Figure).Select(r => r.Cell));

            // Interactive where plotly.js is on the page; pictures where scripts do not run.
            var page = Export(executedPath, temp, "page");
            var upgraded = ChromiumRenderer.DumpDom(page, Work(temp));
            Assert.Equal(2, Occurrences(upgraded, "class=\"plot-container plotly\""));
            Assert.Equal(0, Occurrences(upgraded, FigurePicture));
            AssertBothFiguresShow(page, temp);
            // As a viewer that strips scripts (GitHub, an untrusted notebook) shows it.
            var scriptless = Path.Combine(temp, "scriptless.html");
            File.WriteAllText(scriptless, Regex.Replace(File.ReadAllText(page), "<script\\b.*?</script>", "", RegexOptions.Singleline));
            Assert.DoesNotContain("<script", File.ReadAllText(scriptless));
            AssertBothFiguresShow(scriptless, temp);

            // Without the plotly.js output, scripts run but find no plotly: the pictures stay, nothing is fetched.
            var withoutPlotly = JsonNode.Parse(File.ReadAllText(executedPath))!;
            withoutPlotly["cells"]![4]!["outputs"] = new JsonArray();
            var staticPath = Path.Combine(temp, "without-plotly.ipynb");
            File.WriteAllText(staticPath, withoutPlotly.ToJsonString());
            var staticPage = Export(staticPath, temp, "static");
            var pictures = ChromiumRenderer.DumpDom(staticPage, Work(temp));
            Assert.Equal(0, Occurrences(pictures, "plot-container"));
            Assert.Equal(2, Occurrences(pictures, FigurePicture));
            AssertBothFiguresShow(staticPage, temp);
        }
        finally
        {
            Directory.Delete(temp, recursive: true);
        }
    }

    /// <summary>With no registry reachable (a NuGet.Config whose only source is a closed loopback port, an empty package
    /// folder), the kit's kernel fails the cell with an error naming the package and saying why.</summary>
    [Fact]
    public void A_package_with_no_registry_reachable_is_an_error_naming_it()
    {
        var temp = Directory.CreateTempSubdirectory("seqgan-no-registry-").FullName;
        try
        {
            var config = Path.Combine(temp, "home", ".nuget", "NuGet", "NuGet.Config");
            Directory.CreateDirectory(Path.GetDirectoryName(config)!);
            File.WriteAllText(config, """
                <?xml version="1.0" encoding="utf-8"?>
                <configuration>
                  <packageSources>
                    <clear />
                    <add key="unreachable" value="https://127.0.0.1:9/v3/index.json" />
                  </packageSources>
                </configuration>
                """);
            var notebook = NotebookDocument.Create();
            notebook.AddCell(NotebookCell.NewCode("#r \"nuget: Humanizer.Core, 2.14.1\"", []));
            var input = Path.Combine(temp, "no-registry.ipynb");
            notebook.Save(input);
            var executed = kernels.Jupyter.Execute(input, JupyterEnvironment.KernelName, TeachingNotebookTests.NotebooksFolder,
                Path.Combine(temp, "executed.ipynb"), TimeSpan.FromMinutes(5), allowErrors: true, environment: new Dictionary<string, string>
                {
                    ["HOME"] = Path.Combine(temp, "home"),
                    ["NUGET_PACKAGES"] = Path.Combine(temp, "packages"),
                });

            var error = executed["cells"]![0]!["outputs"]!.AsArray().Single(o => o!["output_type"]!.GetValue<string>() == "error")!;
            Assert.Equal("NuGetRestoreFailed", error["ename"]!.GetValue<string>());
            var message = error["evalue"]!.GetValue<string>();
            Assert.Contains("'Humanizer.Core' 2.14.1", message);
            Assert.True(message.Contains("no package source could be reached", StringComparison.Ordinal), message);
            Assert.Contains("NU1301", message);
        }
        finally
        {
            Directory.Delete(temp, recursive: true);
        }
    }

    private string Export(string notebookPath, string folder, string name)
    {
        var (code, _, stderr) = kernels.Jupyter.Run(JupyterEnvironment.Jupyter,
            ["nbconvert", "--to", "html", "--no-input", "--output-dir", folder, "--output", name, notebookPath], TimeSpan.FromMinutes(2));
        Assert.True(code == 0, $"nbconvert --to html failed:\n{stderr}");
        return Path.Combine(folder, name + ".html");
    }

    /// <summary>The red and the blue figure each cover many pixels of a network-less screenshot.</summary>
    private static void AssertBothFiguresShow(string page, string temp)
    {
        var png = Path.Combine(temp, $"shot-{Guid.NewGuid():N}.png");
        ChromiumRenderer.Screenshot(page, png, 1100, 1800, 1, Work(temp));
        var pixels = PngImage.Decode(File.ReadAllBytes(png)).Pixels().ToList();
        var red = pixels.Count(p => p.R > 200 && p.G < 60 && p.B < 60);
        var blue = pixels.Count(p => p.B > 200 && p.R < 60 && p.G < 60);
        Assert.True(red > MinimumFigurePixels && blue > MinimumFigurePixels,
            $"{Path.GetFileName(page)}: {red} red and {blue} blue pixels (the figures are blank)");
    }

    private static string Work(string temp) => Directory.CreateDirectory(Path.Combine(temp, $"chromium-{Guid.NewGuid().ToString("N")[..8]}")).FullName;

    private static int Occurrences(string text, string part) => (text.Length - text.Replace(part, "", StringComparison.Ordinal).Length) / part.Length;
}
