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
        var written = new List<string>();
        foreach (var (name, figure) in figures)
        {
            written.Add(figure.SaveHtml(Path.Combine(directory, $"{name}.html")));
            try
            {
                written.Add(figure.SavePng(Path.Combine(directory, $"{name}.png")));
            }
            catch (PlottingSetupException e)
            {
                // The tables and curves are the results; a missing browser only costs the static picture.
                Console.Error.WriteLine($"warning: {name}.png not written: {e.Message}");
            }
        }
        return written;
    }
}
