namespace SeqGan.Research.Plotting;

/// <summary>
/// Finds the two things figure output needs outside .NET: plotly.js (npm package <c>plotly.js-dist-min</c>,
/// installed at the repository root by <c>scripts/bootstrap.sh</c>) and a headless Chromium (Debian
/// <c>chromium</c>). Nothing is cached: the lookups are a few file checks.
/// </summary>
public static class PlotlyAssets
{
    /// <summary>The name plotly's "directory" convention expects beside an HTML file.</summary>
    public const string FileName = "plotly.min.js";

    /// <summary>The version package.json pins (a test keeps them equal). Nothing loads plotly.js from a network: pages
    /// use the file beside them, notebooks the copy a <see cref="PlotlyScript"/> output puts on the page.</summary>
    public const string PinnedVersion = "4.1.2";

    public const string PlotlyJsVariable = "SEQGAN_PLOTLY_JS";

    public const string ChromiumVariable = "SEQGAN_CHROMIUM";

    private static readonly string PackagePath = Path.Combine("node_modules", "plotly.js-dist-min", FileName);

    private static readonly string[] ChromiumNames = ["chromium", "chromium-browser", "google-chrome", "google-chrome-stable"];

    /// <summary>plotly.min.js from <c>SEQGAN_PLOTLY_JS</c>, else from <c>node_modules</c> in the first ancestor of the
    /// working directory, the app's directory or this library's directory that has it.</summary>
    public static string FindPlotlyJs()
    {
        if (Environment.GetEnvironmentVariable(PlotlyJsVariable) is { Length: > 0 } configured)
            return File.Exists(configured)
                ? Path.GetFullPath(configured)
                : throw new PlottingSetupException($"{PlotlyJsVariable} is set to '{configured}', which does not exist. Point it at a plotly.min.js or unset it.");

        var starts = new[] { Environment.CurrentDirectory, AppContext.BaseDirectory, Path.GetDirectoryName(typeof(PlotlyAssets).Assembly.Location) }
            .Where(d => !string.IsNullOrEmpty(d)).Select(d => Path.TrimEndingDirectorySeparator(Path.GetFullPath(d!))).Distinct().ToList();
        foreach (var start in starts)
            for (var directory = new DirectoryInfo(start); directory is not null; directory = directory.Parent)
            {
                var candidate = Path.Combine(directory.FullName, PackagePath);
                if (File.Exists(candidate)) return candidate;
            }
        throw new PlottingSetupException(
            $"plotly.js was not found: no {PackagePath} above {string.Join(" or ", starts)}, and {PlotlyJsVariable} is not set. " +
            "Run scripts/bootstrap.sh (it installs nodejs/npm as root and runs `npm ci` at the repository root), " +
            $"or run `npm ci` in the repository root yourself, or set {PlotlyJsVariable}=/path/to/plotly.min.js.");
    }

    /// <summary>The Chromium binary from <c>SEQGAN_CHROMIUM</c>, else the first of chromium, chromium-browser,
    /// google-chrome on PATH (/usr/bin/chromium on Debian).</summary>
    public static string FindChromium()
    {
        if (Environment.GetEnvironmentVariable(ChromiumVariable) is { Length: > 0 } configured)
            return File.Exists(configured)
                ? configured
                : throw new PlottingSetupException($"{ChromiumVariable} is set to '{configured}', which does not exist. Point it at a Chromium or Chrome binary or unset it.");

        var path = (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries);
        foreach (var name in ChromiumNames)
            foreach (var directory in path.Append("/usr/bin"))
            {
                var candidate = Path.Combine(directory, name);
                if (File.Exists(candidate)) return candidate;
            }
        throw new PlottingSetupException(
            "PNG output renders figures in headless Chromium, which was not found (looked for chromium, chromium-browser, google-chrome on PATH). " +
            $"Install it as root: `apt-get install -y chromium` (or run scripts/bootstrap.sh as root), or set {ChromiumVariable}=/path/to/chromium.");
    }
}
