namespace SeqGan.Research.Plotting;

/// <summary>What <see cref="Figure.SaveHtmlAndPng"/> wrote, and what it skipped for a missing tool (and why).</summary>
public sealed record SavedFigure(IReadOnlyList<string> Files, IReadOnlyList<string> Skipped);

public sealed partial record Figure
{
    /// <summary>
    /// Writes <c>name.html</c> (plotly.js beside it) and <c>name.png</c> (at the figure's own size) into
    /// <paramref name="directory"/> — the one way the notebooks and the experiments save a figure. When plotly.js or
    /// Chromium is missing, <paramref name="skipMissingTools"/> skips that file with the reason in
    /// <see cref="SavedFigure.Skipped"/> (tables and curves already written are the results; a missing tool only costs the
    /// picture); otherwise the <see cref="PlottingSetupException"/> says how to install it.
    /// </summary>
    public SavedFigure SaveHtmlAndPng(string directory, string name, bool skipMissingTools = false)
    {
        var written = new List<string>();
        var skipped = new List<string>();
        foreach (var (extension, save) in new (string, Func<string, string>)[] { ("html", SaveHtml), ("png", path => SavePng(path)) })
        {
            try
            {
                written.Add(save(Path.Combine(directory, $"{name}.{extension}")));
            }
            catch (PlottingSetupException e) when (skipMissingTools)
            {
                skipped.Add($"{name}.{extension} not written: {e.Message}");
            }
        }
        return new SavedFigure(written, skipped);
    }
}
