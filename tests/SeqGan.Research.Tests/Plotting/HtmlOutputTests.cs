using System.Text.Json.Nodes;
using SeqGan.Research.Plotting;

namespace SeqGan.Research.Tests.Plotting;

/// <summary>Standalone pages, saved files beside their plotly.js, notebook fragments, and the pinned plotly.js.</summary>
public class HtmlOutputTests
{
    private static readonly Figure Line = new Figure().WithTitle("curve").Add(new ScatterTrace([0, 1, 2], [3, 1, 2]) { Name = "MLE" });

    [Fact]
    public void PageLoadsPlotlyFromBesideItAndCallsNewPlot()
    {
        var html = Line.ToHtml();
        Assert.StartsWith("<!DOCTYPE html>", html);
        Assert.Contains("<script src=\"plotly.min.js\"></script>", html);
        Assert.Contains("Plotly.newPlot(\"seqgan-figure\", figure.data, figure.layout", html);
        Assert.Contains(Line.ToJson(), html);
        Assert.Contains("<title>curve</title>", html);
    }

    [Fact]
    public void PageCanLoadPlotlyFromAnotherSource()
    {
        Assert.Contains("<script src=\"https://example.org/p.js\"></script>", Line.ToHtml("https://example.org/p.js"));
    }

    [Fact]
    public void SaveHtmlCopiesPlotlyBesideTheFile()
    {
        var directory = Directory.CreateTempSubdirectory("seqgan-html-");
        try
        {
            var path = Line.SaveHtml(Path.Combine(directory.FullName, "figures", "curve.html"));
            Assert.True(File.Exists(path));
            var beside = Path.Combine(Path.GetDirectoryName(path)!, "plotly.min.js");
            Assert.True(File.Exists(beside));
            Assert.Equal(new FileInfo(PlotlyAssets.FindPlotlyJs()).Length, new FileInfo(beside).Length);
            Assert.Contains($"plotly.js v{PlotlyAssets.PinnedVersion}", File.ReadLines(beside).Take(5).Aggregate((a, b) => a + b));
            Assert.Contains("Plotly.newPlot", File.ReadAllText(path));
            // A second figure in the same folder shares the copy.
            Line.WithTitle("again").SaveHtml(Path.Combine(directory.FullName, "figures", "again.html"));
            Assert.Single(Directory.GetFiles(Path.GetDirectoryName(path)!, "*.js"));
        }
        finally
        {
            directory.Delete(recursive: true);
        }
    }

    [Fact]
    public void NotebookFragmentShowsItsPngAndUpgradesOnlyWithPlotlyOnThePage()
    {
        var first = Line.ToHtmlFragment();
        var second = Line.ToHtmlFragment("iVBORw0KGgo=");
        Assert.Contains("Plotly.newPlot(div, figure.data, figure.layout", first);
        Assert.Contains("if (!div || !window.Plotly) return false;", first);
        Assert.Contains($"window.addEventListener(\"{PlotlyScript.ReadyEvent}\", render", first);
        foreach (var fetch in new[] { "http:", "https:", "requirejs", "createElement(\"script\")" }) Assert.DoesNotContain(fetch, first);
        Assert.DoesNotContain("<img", first);
        Assert.Contains("PlotlyScript.Bundled()", first);   // says what would show it
        Assert.Contains("src=\"data:image/png;base64,iVBORw0KGgo=\"", second);
        Assert.Contains("class=\"seqgan-figure\"", second);
        string DivId(string html) => html.Split("id=\"")[1].Split('"')[0];
        Assert.NotEqual(DivId(first), DivId(second));
    }

    [Fact]
    public void PinnedPlotlyVersionMatchesPackageJsonAndTheLockFile()
    {
        var root = RepositoryRoot();
        var package = JsonNode.Parse(File.ReadAllText(Path.Combine(root, "package.json")))!;
        Assert.Equal(PlotlyAssets.PinnedVersion, (string?)package["dependencies"]!["plotly.js-dist-min"]);
        var lockFile = JsonNode.Parse(File.ReadAllText(Path.Combine(root, "package-lock.json")))!;
        Assert.Equal(PlotlyAssets.PinnedVersion, (string?)lockFile["packages"]!["node_modules/plotly.js-dist-min"]!["version"]);
    }

    [Fact]
    public void MissingPlotlyNamesTheCommandToRun()
    {
        var previous = Environment.GetEnvironmentVariable(PlotlyAssets.PlotlyJsVariable);
        Environment.SetEnvironmentVariable(PlotlyAssets.PlotlyJsVariable, "/nonexistent/plotly.min.js");
        try
        {
            var error = Assert.Throws<PlottingSetupException>(() => Line.SaveHtml(Path.Combine(Path.GetTempPath(), "never.html")));
            Assert.Contains(PlotlyAssets.PlotlyJsVariable, error.Message);
        }
        finally
        {
            Environment.SetEnvironmentVariable(PlotlyAssets.PlotlyJsVariable, previous);
        }
    }

    internal static string RepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
            if (File.Exists(Path.Combine(directory.FullName, "package.json")) && File.Exists(Path.Combine(directory.FullName, "SeqGan.Research.slnx")))
                return directory.FullName;
        throw new DirectoryNotFoundException("repository root (package.json beside SeqGan.Research.slnx) not found above " + AppContext.BaseDirectory);
    }
}
