using SeqGan.Research.Experiments;
using SeqGan.Research.Plotting;

namespace SeqGan.Research.Cli;

/// <summary>Writes a reproduction's figures (HTML, and PNG through headless Chromium) beside its tables.</summary>
internal static class FigureFiles
{
    public static IReadOnlyList<string> Write(ReproductionResult result, OraclePreset preset, string experiment, string directory)
    {
        var curves = result.PretrainingCurves.Concat(result.Results.SelectMany(r => r.Curve)).ToList();
        var figures = new List<(string Name, Figure Figure)>();
        if (experiment == "figure3")
            figures.Add(("figure3", OracleFigures.Figure3(curves, preset.PretrainEpochs, $"Figure 3 — SeqGAN training strategies ({preset.Name} preset)")));
        else
        {
            figures.Add(("figure2", OracleFigures.Figure2(curves, preset.PretrainEpochs, $"Figure 2 — NLL by oracle during training ({preset.Name} preset)")));
            if (result.Table is { } table) figures.Add(("table1", OracleFigures.Table1Bars(table, $"Table 1 — NLL-oracle ({preset.Name} preset)")));
        }
        return figures.SelectMany(f => WriteHtmlAndPng(f.Figure, directory, f.Name)).ToList();
    }

    /// <summary>
    /// Writes <c>name.html</c> and <c>name.png</c>, skipping either with a warning when plotly.js or Chromium is missing:
    /// the tables and curves already written are the results, a missing tool only costs the picture.
    /// </summary>
    public static IReadOnlyList<string> WriteHtmlAndPng(Figure figure, string directory, string name)
    {
        var written = new List<string>();
        foreach (var (extension, save) in new (string, Func<string, string>)[] { ("html", figure.SaveHtml), ("png", path => figure.SavePng(path)) })
        {
            try
            {
                written.Add(save(Path.Combine(directory, $"{name}.{extension}")));
            }
            catch (PlottingSetupException e)
            {
                Console.Error.WriteLine($"warning: {name}.{extension} not written: {e.Message}");
            }
        }
        return written;
    }
}
