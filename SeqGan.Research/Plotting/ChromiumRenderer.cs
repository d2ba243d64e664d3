using System.Diagnostics;
using System.Globalization;

namespace SeqGan.Research.Plotting;

/// <summary>
/// Screenshots a local HTML page with headless Chromium — what Plotly.NET's image export does, without its
/// Node/Puppeteer layer. Each call is a fresh browser with a throwaway profile, so parallel renders and
/// crashed earlier runs cannot interfere. The network is off: every host name fails to resolve and every
/// other request goes to a closed loopback port, so a page shows what it carries (and file: URLs), nothing more.
/// </summary>
internal static class ChromiumRenderer
{
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);

    public static void Screenshot(string htmlPath, string pngPath, int width, int height, double scale, string workDirectory)
    {
        Run(htmlPath, workDirectory,
        [
            $"--force-device-scale-factor={scale.ToString(CultureInfo.InvariantCulture)}",
            $"--window-size={width},{height}",
            $"--screenshot={pngPath}",
        ]);
        if (!File.Exists(pngPath) || new FileInfo(pngPath).Length == 0)
            throw new InvalidOperationException($"headless Chromium exited without writing {pngPath}");
    }

    /// <summary>The page's DOM after its scripts ran (as <c>--dump-dom</c> prints it).</summary>
    public static string DumpDom(string htmlPath, string workDirectory) => Run(htmlPath, workDirectory, ["--dump-dom"]);

    /// <summary>Runs Chromium on the page; returns its stdout.</summary>
    private static string Run(string htmlPath, string workDirectory, IEnumerable<string> mode)
    {
        var chromium = PlotlyAssets.FindChromium();
        var profile = Path.Combine(workDirectory, "profile");
        var start = new ProcessStartInfo(chromium)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[]
        {
            "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
            "--disable-background-networking", "--disable-component-update", "--disable-sync", "--disable-extensions",
            "--host-resolver-rules=MAP * ~NOTFOUND", "--proxy-server=http://127.0.0.1:9",
            // Containers often have a 64 MB /dev/shm, too small for the renderer's shared memory.
            "--disable-dev-shm-usage", "--hide-scrollbars", "--mute-audio",
            "--run-all-compositor-stages-before-draw",
            // Virtual time runs the page's timers to completion before the screenshot without waiting in real time.
            "--virtual-time-budget=10000",
            $"--user-data-dir={profile}",
        }.Concat(mode).Append(new Uri(htmlPath).AbsoluteUri))
            start.ArgumentList.Add(argument);
        // Chromium writes caches and its NSS database under HOME: keep them in the throwaway directory.
        start.Environment["HOME"] = workDirectory;
        start.Environment["XDG_CONFIG_HOME"] = workDirectory;
        start.Environment["XDG_CACHE_HOME"] = workDirectory;

        using var process = Process.Start(start) ?? throw new PlottingSetupException($"could not start {chromium}");
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(Timeout))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"headless Chromium did not finish rendering {htmlPath} within {Timeout.TotalSeconds:F0} s");
        }
        process.WaitForExit();
        if (process.ExitCode != 0)
        {
            var log = (output.Result + errors.Result).Split('\n').Where(l => l.Trim().Length > 0).TakeLast(15);
            throw new InvalidOperationException(
                $"headless Chromium ({chromium}) exited with code {process.ExitCode} rendering {htmlPath}. Its last output:\n{string.Join('\n', log)}");
        }
        return output.Result;
    }
}
