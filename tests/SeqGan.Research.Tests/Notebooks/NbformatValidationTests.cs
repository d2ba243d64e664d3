using System.Diagnostics;
using SeqGan.Research.Notebooks;

namespace SeqGan.Research.Tests.Notebooks;

/// <summary>Jupyter's own tools accept what the runner writes: nbformat's schema validation and nbconvert's
/// HTML export (Debian's python3-nbformat and jupyter-nbconvert, installed by scripts/bootstrap.sh).</summary>
public sealed class NbformatValidationTests
{
    /// <summary>Debian's, not a pyenv python3 that may be first on PATH without nbformat.</summary>
    private const string Python = "/usr/bin/python3";

    /// <summary>A 1×1 PNG, so that nbconvert embeds a real image.</summary>
    private const string OnePixelPng = "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==";

    [Fact]
    public async Task The_executed_notebook_validates_with_nbformat_and_converts_to_html()
    {
        var options = new NotebookRunOptions().WithFormatter(new PngForCharts());
        using var notebook = new TestNotebook()
            .Markdown("# Every kind of output\nwith $\\LaTeX$: $Q(s, a)$")
            .Code("int steps = 2;", "parameters")
            .Code("Console.WriteLine(\"stdout ünïcode ✓\");\nConsole.Error.WriteLine(\"stderr\");")
            .Code("class Chart { public string ToHtml() => \"<div class='chart'></div>\"; }\ndisplay(new Chart());\ndisplay(\"<b>html</b>\", \"text/html\");\nsteps * 21")
            .Code("#!markdown\nskipped")
            .Code("throw new InvalidOperationException(\"recorded, not fatal to the file\");");
        var result = await notebook.RunAsync(options, new NotebookParameter("steps", "3"));
        Assert.Equal("InvalidOperationException", result.Failure?.ErrorName);

        Run(Python, "-c", "import nbformat, sys; nbformat.validate(nbformat.read(sys.argv[1], as_version=4))", notebook.ExecutedPath);
        var html = Path.Combine(notebook.Folder, "html");
        Run(Python, "-m", "nbconvert", "--to", "html", "--output-dir", html, notebook.ExecutedPath);
        var page = File.ReadAllText(Path.Combine(html, "test.executed.html"));
        Assert.Contains("stdout ünïcode ✓", page);
        Assert.Contains(OnePixelPng, page);
        Assert.Contains("<b>html</b>", page);
        Assert.Contains("recorded, not fatal to the file", page);
    }

    private static void Run(string program, params string[] arguments)
    {
        var start = new ProcessStartInfo(program) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in arguments) start.ArgumentList.Add(argument);
        Process process;
        try
        {
            process = Process.Start(start)!;
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            throw new InvalidOperationException($"{program} is needed: run scripts/bootstrap.sh as root (python3-nbformat, jupyter-nbconvert)", e);
        }
        using (process)
        {
            var stdout = process.StandardOutput.ReadToEndAsync();
            var stderr = process.StandardError.ReadToEnd();
            process.WaitForExit();
            Assert.True(process.ExitCode == 0,
                $"{program} {string.Join(' ', arguments)} exited {process.ExitCode} (python3-nbformat and jupyter-nbconvert come from scripts/bootstrap.sh):\n{stdout.Result}\n{stderr}");
        }
    }

    /// <summary>PNG only: nbconvert prefers text/html when both are there, and the test wants to see the image.</summary>
    private sealed class PngForCharts : IDisplayFormatter
    {
        public IReadOnlyDictionary<string, string> Format(object value) => value.GetType().Name == "Chart"
            ? new Dictionary<string, string> { ["image/png"] = OnePixelPng }
            : new Dictionary<string, string>();
    }
}
