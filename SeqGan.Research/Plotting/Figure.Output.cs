using SeqGan.Research.Display;
using SeqGan.Research.Storage;

namespace SeqGan.Research.Plotting;

/// <summary>Writing a figure out: HTML beside its plotly.js, PNG through headless Chromium, notebook bundles.</summary>
public sealed partial record Figure : IMimeBundleSource
{
    /// <summary>
    /// Writes the page to <paramref name="path"/> and plotly.min.js beside it (plotly's "directory" convention),
    /// so the file opens offline and a folder of figures shares one copy. Both are written atomically: a kill leaves the
    /// previous file or the new one, never half of one. Returns the full path.
    /// </summary>
    public string SaveHtml(string path)
    {
        var fullPath = Path.GetFullPath(path);
        var directory = Path.GetDirectoryName(fullPath)!;
        Directory.CreateDirectory(directory);
        CopyIfChanged(PlotlyAssets.FindPlotlyJs(), Path.Combine(directory, PlotlyAssets.FileName));
        AtomicFile.WriteAllText(fullPath, ToHtml());
        return fullPath;
    }

    /// <summary>
    /// Renders the figure at <paramref name="width"/> × <paramref name="height"/> CSS pixels in headless Chromium
    /// and writes the PNG (<paramref name="scale"/> 2 doubles the pixels for print). Without a size, the figure's own
    /// layout size is used (a chart built with a height keeps it), else 900 × 540. Needs Debian's chromium and
    /// plotly.js; the error (a <see cref="PlottingSetupException"/>, also when Chromium crashes or hangs) says how to
    /// install whichever is missing. Written atomically, like <see cref="SaveHtml"/>. Returns the full path.
    /// </summary>
    public string SavePng(string path, int? width = null, int? height = null, double scale = 1)
    {
        var fullPath = Path.GetFullPath(path);
        Directory.CreateDirectory(Path.GetDirectoryName(fullPath)!);
        var png = ToPng(width, height, scale);
        AtomicFile.Write(fullPath, stream => stream.Write(png));
        return fullPath;
    }

    /// <summary>The PNG bytes of <see cref="SavePng"/>.</summary>
    public byte[] ToPng(int? width = null, int? height = null, double scale = 1)
    {
        return RenderPng(width ?? Layout.Width ?? DefaultWidth, height ?? Layout.Height ?? DefaultHeight, scale);
    }

    private byte[] RenderPng(int width, int height, double scale)
    {
        if (width < 16 || height < 16) throw new ArgumentOutOfRangeException(nameof(width), $"{width}×{height} is too small for a figure");
        if (!(scale > 0 && scale <= 8)) throw new ArgumentOutOfRangeException(nameof(scale), scale, "scale must be in (0, 8]");
        var plotlyJs = PlotlyAssets.FindPlotlyJs();
        PlotlyAssets.FindChromium();
        var work = ChromiumRenderer.NewWorkDirectory();
        try
        {
            // The page's size is the window's, so plotly draws exactly the screenshot's area.
            var sized = WithSize(width, height);
            var htmlPath = Path.Combine(work.FullName, "figure.html");
            File.WriteAllText(htmlPath, FigureHtml.Page(sized, new Uri(plotlyJs).AbsoluteUri, staticPlot: true));
            var pngPath = Path.Combine(work.FullName, "figure.png");
            ChromiumRenderer.Screenshot(htmlPath, pngPath, width, height, scale, work.FullName);
            return File.ReadAllBytes(pngPath);
        }
        finally
        {
            try { work.Delete(recursive: true); }
            catch (IOException) { } // Chromium's helpers can hold a profile file for a moment after exit; temp is cleaned anyway.
            catch (UnauthorizedAccessException) { }
        }
    }

    /// <summary>text/plain, text/html (with the PNG inside as the scriptless fallback) and image/png when <paramref name="includePng"/>.</summary>
    public IReadOnlyDictionary<string, string> ToMimeBundle(bool includePng)
    {
        var png = includePng
            ? Convert.ToBase64String(ToPng())
            : null;
        var bundle = new Dictionary<string, string>
        {
            [MimeTypes.PlainText] = ToString(),
            [MimeTypes.Html] = ToHtmlFragment(png),
        };
        if (png is not null) bundle[MimeTypes.Png] = png;
        return bundle;
    }

    private static void CopyIfChanged(string source, string destination)
    {
        var from = new FileInfo(source);
        var to = new FileInfo(destination);
        if (to.Exists && to.Length == from.Length && to.LastWriteTimeUtc >= from.LastWriteTimeUtc) return;
        AtomicFile.Write(destination, stream =>
        {
            using var input = File.OpenRead(source);
            input.CopyTo(stream);
        });
    }
}
