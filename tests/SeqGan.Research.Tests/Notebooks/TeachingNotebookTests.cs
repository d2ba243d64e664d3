using System.Diagnostics;
using System.Text.Json.Nodes;
using SeqGan.Research.Notebooks;

namespace SeqGan.Research.Tests.Notebooks;

/// <summary>
/// Every teaching notebook in notebooks/ runs end to end through the runner with its smoke parameters: no cell fails,
/// every displayed figure carries both its interactive HTML and its PNG fallback, and Jupyter's nbformat accepts the
/// executed file. Also checks the conventions that keep the notebooks runnable under the .NET Interactive kernel.
/// </summary>
public sealed class TeachingNotebookTests
{
    /// <summary>Debian's, not a pyenv python3 that may be first on PATH without nbformat.</summary>
    private const string Python = "/usr/bin/python3";

    private const string LibraryReference = "#r \"../SeqGan.Research/bin/Release/net10.0/SeqGan.Research.dll\"";

    /// <summary>
    /// Tiny worlds and few steps, so the whole set stays well under two minutes on two cores (a figure costs about a
    /// second of headless Chromium). <c>{temp}</c> is the test's temporary folder. Every notebook also gets
    /// <c>saveFigures=false</c> and <c>figuresDirectory={temp}/figures</c>. A notebook without an entry here fails
    /// <see cref="Every_notebook_has_smoke_parameters_and_follows_the_conventions"/>.
    /// </summary>
    internal static readonly Dictionary<string, string[]> SmokeParameters = new()
    {
        ["01-gan-objective"] = ["steps=200", "discriminatorFitSteps=100"],
        ["02-mle-exposure-bias"] =
        [
            "usePaperOracle=false", "randomOracleSize=new(VocabularySize: 50, EmbeddingSize: 8, HiddenSize: 8, SequenceLength: 8)",
            "epochs=2", "trainingSequences=256", "testSequences=128", "evaluationSamples=128", "batchSize=32",
        ],
        ["03-rollout-rewards"] =
        [
            "usePaperOracle=false", "randomOracleSize=new(VocabularySize: 50, EmbeddingSize: 8, HiddenSize: 8, SequenceLength: 8)",
            "trainingSequences=256", "pretrainEpochs=1", "discriminatorRounds=1", "discriminatorFilters=4", "rollouts=4",
            "heatmapSequences=3", "varianceRepeats=4", "policyGradientBatch=16",
        ],
        ["04-table1-figure2"] = ["preset=OraclePreset.Smoke", "outputDirectory={temp}/out"],
        // The four strategies make 132 generator steps and 65 discriminator epochs per iteration: one iteration.
        ["05-figure3-strategies"] = ["preset=OraclePreset.Smoke with { AdversarialIterations = 1 }", "outputDirectory={temp}/out"],
        ["06-poems"] = ["preset=RealDataPreset.Smoke with { PretrainEpochs = 1, AdversarialIterations = 1, EvaluationSamples = 32 }", "outputDirectory={temp}/out"],
        ["07-obama"] = ["preset=RealDataPreset.Smoke with { PretrainEpochs = 1, AdversarialIterations = 1, EvaluationSamples = 32 }", "outputDirectory={temp}/out"],
        ["08-music"] = ["preset=RealDataPreset.Smoke with { PretrainEpochs = 1, AdversarialIterations = 1, EvaluationSamples = 32 }", "outputDirectory={temp}/out", "pianoRollTunes=2"],
        ["09-organ-objectives"] = ["preset=OrganPreset.Smoke", "outputDirectory={temp}/out"],
        ["10-algorithm-1"] = ["preset=OraclePreset.Smoke"],
        ["11-gradient-estimators"] = ["preset=EstimatorLabPreset.Smoke", "myRollouts=2"],
        ["12-temperature-frontier"] = ["preset=OraclePreset.Smoke", "seeds=1", "outputDirectory={temp}/out"],
    };

    /// <summary>A notebook's smoke parameters with <c>{temp}</c> set, its figures off and pointed into <paramref name="temp"/>.</summary>
    internal static IReadOnlyList<NotebookParameter> SmokeParametersFor(string name, string temp) =>
        SmokeParameters[name]
            .Concat(["saveFigures=false", "figuresDirectory={temp}/figures"])
            .Select(p => NotebookParameter.Parse(p.Replace("{temp}", temp)))
            .ToList();

    public static TheoryData<string> Notebooks() => new(NotebookPaths().Select(Path.GetFileNameWithoutExtension).OfType<string>());

    [Theory]
    [MemberData(nameof(Notebooks))]
    public async Task Runs_with_smoke_parameters_and_every_figure_has_html_and_png(string name)
    {
        var temp = Directory.CreateTempSubdirectory("seqgan-teaching-").FullName;
        try
        {
            var parameters = SmokeParametersFor(name, temp);
            var output = Path.Combine(temp, name + ".executed.ipynb");
            var result = await new NotebookRunner().RunFileAsync(Path.Combine(NotebooksFolder, name + ".ipynb"), output, parameters);
            Assert.True(result.Succeeded, $"{name}: {result.Failure?.Describe()}\n{result.Failure?.ErrorValue}");

            var figures = FigureOutputs(JsonNode.Parse(File.ReadAllText(output))!).ToList();
            Assert.NotEmpty(figures);
            foreach (var (cell, data) in figures)
            {
                Assert.True(data["text/html"] is not null, $"{name}, cell {cell}: a figure without text/html");
                var png = data["image/png"]?.GetValue<string>();
                Assert.False(string.IsNullOrEmpty(png), $"{name}, cell {cell}: a figure without image/png");
                Assert.Equal(new byte[] { 0x89, (byte)'P', (byte)'N', (byte)'G' }, Convert.FromBase64String(png!)[..4]);
            }
            Assert.False(Directory.Exists(Path.Combine(temp, "figures")), $"{name} wrote figures although saveFigures was false");
            Validate(output);
        }
        finally
        {
            Directory.Delete(temp, recursive: true);
        }
    }

    [Fact]
    public void Every_notebook_has_smoke_parameters_and_follows_the_conventions()
    {
        var paths = NotebookPaths().ToList();
        Assert.True(paths.Count >= 5, $"expected the teaching notebooks in {NotebooksFolder}, found {paths.Count}");
        foreach (var path in paths)
        {
            var name = Path.GetFileNameWithoutExtension(path);
            Assert.Matches(@"^\d\d-[a-z0-9-]+$", name);
            Assert.True(SmokeParameters.ContainsKey(name), $"{name} has no smoke parameters in {nameof(TeachingNotebookTests)}: the tests would not run it");

            var notebook = JsonNode.Parse(File.ReadAllText(path))!;
            // The kit's kernel (seqgan kernel install); "csharp" is VS Code's language id for C#. The polyglot_notebook
            // metadata, kept as it is, still tells .NET Interactive the cells are C#.
            Assert.Equal("seqgan-csharp", notebook["metadata"]?["kernelspec"]?["name"]?.GetValue<string>());
            Assert.Equal("C# (SeqGan.Research)", notebook["metadata"]?["kernelspec"]?["display_name"]?.GetValue<string>());
            Assert.Equal("csharp", notebook["metadata"]?["kernelspec"]?["language"]?.GetValue<string>());
            Assert.Equal("csharp", notebook["metadata"]?["language_info"]?["name"]?.GetValue<string>());
            var cells = notebook["cells"]!.AsArray().Select(c => c!).ToList();
            var code = cells.Where(c => c["cell_type"]!.GetValue<string>() == "code").ToList();
            Assert.StartsWith(LibraryReference, TestNotebook.Text(code[0]["source"]));
            Assert.All(code, c => Assert.Empty(c["outputs"]!.AsArray()));   // committed without outputs

            var parameterCells = code.Where(c => c["metadata"]?["tags"]?.AsArray().Any(t => t!.GetValue<string>() == "parameters") == true).ToList();
            Assert.Single(parameterCells);
            var parametersSource = TestNotebook.Text(parameterCells[0]["source"]);
            Assert.Contains("bool saveFigures = true;", parametersSource);
            Assert.Contains("string figuresDirectory = \"../figures\";", parametersSource);

            // .NET Interactive runs these cells too: plain C#, #r by path, no runner-only magics.
            foreach (var cell in code)
                foreach (var line in TestNotebook.Text(cell["source"]).Split('\n'))
                    Assert.False(line.TrimStart().StartsWith("#!", StringComparison.Ordinal) || line.Contains("nuget:", StringComparison.OrdinalIgnoreCase),
                        $"{name}: '{line}' is a magic or package reference the .NET Interactive kernel and the runner would treat differently");

            var markdown = string.Concat(cells.Where(c => c["cell_type"]!.GetValue<string>() == "markdown").Select(c => TestNotebook.Text(c["source"])));
            Assert.Contains("$", markdown);                                     // the equations are LaTeX
            Assert.Contains("dotnet build -c Release", markdown);              // how to get the #r path
        }
    }

    /// <summary>Outputs whose plain text is a figure's (<c>Figure "title" (…)</c>), with the cell index.</summary>
    internal static IEnumerable<(int Cell, JsonObject Data)> FigureOutputs(JsonNode notebook)
    {
        var cells = notebook["cells"]!.AsArray();
        for (var i = 0; i < cells.Count; i++)
            foreach (var output in cells[i]!["outputs"]?.AsArray() ?? [])
                if (output!["data"] is JsonObject data && TestNotebook.Text(data["text/plain"]).StartsWith("Figure", StringComparison.Ordinal))
                    yield return (i, data);
    }

    internal static string NotebooksFolder { get; } = FindNotebooksFolder();

    private static IEnumerable<string> NotebookPaths() =>
        Directory.GetFiles(NotebooksFolder, "*.ipynb").Where(p => !p.EndsWith(".executed.ipynb", StringComparison.Ordinal)).Order(StringComparer.Ordinal);

    private static string FindNotebooksFolder()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "SeqGan.Research.slnx")) && Directory.Exists(Path.Combine(dir.FullName, "notebooks")))
                return Path.Combine(dir.FullName, "notebooks");
        throw new DirectoryNotFoundException($"no notebooks/ folder beside a SeqGan.Research.slnx above {AppContext.BaseDirectory}");
    }

    private static void Validate(string notebookPath)
    {
        var start = new ProcessStartInfo(Python) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in new[] { "-c", "import nbformat, sys; nbformat.validate(nbformat.read(sys.argv[1], as_version=4))", notebookPath })
            start.ArgumentList.Add(argument);
        using var process = Process.Start(start)
            ?? throw new InvalidOperationException($"{Python} is needed: run scripts/bootstrap.sh as root (python3-nbformat)");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEnd();
        process.WaitForExit();
        Assert.True(process.ExitCode == 0, $"nbformat rejected {notebookPath}:\n{stdout.Result}\n{stderr}");
    }
}
