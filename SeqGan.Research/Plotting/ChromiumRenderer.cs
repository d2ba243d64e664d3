using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;

namespace SeqGan.Research.Plotting;

/// <summary>
/// Screenshots a local HTML page with headless Chromium — what Plotly.NET's image export does, without its
/// Node/Puppeteer layer. Each call is a fresh browser with a throwaway profile, so parallel renders and
/// crashed earlier runs cannot interfere. The network is off: every host name fails to resolve and every
/// other request goes to a closed loopback port, so a page shows what it carries (and file: URLs), nothing more.
/// A Chromium that crashes or hangs is reported like a missing one (<see cref="PlottingSetupException"/>):
/// callers that skip a figure when Chromium is missing skip it then too.
/// </summary>
internal static partial class ChromiumRenderer
{
    // Generous on purpose: a render takes about 2 s on an idle 2-core machine but over a minute when the CPU is
    // oversubscribed (parallel builds and tests); the limit only exists to end a hung browser.
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(300);

    private const string WorkPrefix = "seqgan-png-";

    /// <summary>A temporary folder for one render (page, screenshot, Chromium's profile), named by this process, after
    /// removing the folders that killed processes left behind.</summary>
    public static DirectoryInfo NewWorkDirectory()
    {
        RemoveLeftovers(Path.GetTempPath());
        return Directory.CreateTempSubdirectory($"{WorkPrefix}{Environment.ProcessId}-");
    }

    /// <summary>Deletes the render folders in <paramref name="temp"/> of processes that are no longer running.</summary>
    internal static void RemoveLeftovers(string temp)
    {
        foreach (var folder in Directory.EnumerateDirectories(temp, WorkPrefix + "*"))
        {
            var match = WorkFolderName().Match(Path.GetFileName(folder));
            if (!match.Success || ProcessLiveness.IsRunning(int.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture))) continue;
            try
            {
                Directory.Delete(folder, recursive: true);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                // Another user's, or removed meanwhile: not ours to insist on.
            }
        }
    }

    [GeneratedRegex(@"^seqgan-png-(\d{1,9})-")]
    private static partial Regex WorkFolderName();

    public static void Screenshot(string htmlPath, string pngPath, int width, int height, double scale, string workDirectory)
    {
        Run(htmlPath, workDirectory,
        [
            $"--force-device-scale-factor={scale.ToString(CultureInfo.InvariantCulture)}",
            $"--window-size={width},{height}",
            $"--screenshot={pngPath}",
        ]);
        if (!File.Exists(pngPath) || new FileInfo(pngPath).Length == 0)
            throw new PlottingSetupException($"headless Chromium exited without writing {pngPath}");
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
        start.Environment["TMPDIR"] = workDirectory;

        using var process = Process.Start(start) ?? throw new PlottingSetupException($"could not start {chromium}");
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(Timeout))
        {
            process.Kill(entireProcessTree: true);
            throw new PlottingSetupException($"headless Chromium ({chromium}) did not finish rendering within {Timeout.TotalSeconds:F0} s; check that it runs (`{chromium} --headless --screenshot about:blank`) or set {PlotlyAssets.ChromiumVariable} to one that does");
        }
        process.WaitForExit();
        if (process.ExitCode != 0)
        {
            var log = (output.Result + errors.Result).Split('\n').Where(l => l.Trim().Length > 0).TakeLast(15);
            throw new PlottingSetupException(
                $"headless Chromium ({chromium}) {Ended(process.ExitCode)} rendering {htmlPath}; check that it runs or set {PlotlyAssets.ChromiumVariable} to one that does. Its last output:\n{string.Join('\n', log)}");
        }
        return output.Result;
    }

    /// <summary>"exited with code N", or the signal that killed it (the runtime reports 128 + N).</summary>
    private static string Ended(int exitCode) => exitCode > 128 && exitCode < 160
        ? $"was killed by signal {exitCode - 128}"
        : $"exited with code {exitCode}";
}
