using System.Globalization;
using SeqGan.Research.Display;

namespace SeqGan.Research.Plotting;

/// <summary>
/// plotly.js as a notebook output. Figures in notebooks are static pictures (their PNG) until plotly.js is on the
/// page; <c>display(PlotlyScript.Bundled())</c> in a notebook's first cell puts the kit's own copy there (the npm
/// package the bootstrap installs, about 4.8 MB, saved once in the notebook), so every figure below becomes the
/// interactive plot in front ends that run an output's scripts (JupyterLab, Notebook, VS Code, an exported HTML
/// page) — with no network. Viewers that run no scripts show the pictures.
/// </summary>
[TypeFormatterSource(typeof(PlotlyScriptFormatterSource), PreferredMimeTypes = new[] { MimeTypes.Html })]
public sealed class PlotlyScript : IMimeBundleSource
{
    /// <summary>Dispatched on <c>window</c> once plotly.js has run: figures shown before it upgrade then.</summary>
    public const string ReadyEvent = "seqgan-plotly-ready";

    private PlotlyScript(string source, string path) => (Source, SourcePath) = (source, path);

    /// <summary>The plotly.min.js text.</summary>
    public string Source { get; }

    /// <summary>Where it was read from.</summary>
    public string SourcePath { get; }

    /// <summary>The kit's plotly.js, found as <see cref="PlotlyAssets.FindPlotlyJs"/> finds it (node_modules or
    /// <c>SEQGAN_PLOTLY_JS</c>); the error names the command that installs it when it is missing.</summary>
    public static PlotlyScript Bundled()
    {
        var path = PlotlyAssets.FindPlotlyJs();
        return new PlotlyScript(File.ReadAllText(path), path);
    }

    /// <summary>A script element that runs plotly.js (which sets <c>window.Plotly</c>) and then signals
    /// <see cref="ReadyEvent"/>; a "&lt;/script" inside the source could not end the element early.</summary>
    public string ToHtml() =>
        "<script type=\"text/javascript\">\n"
        + Source.Replace("</script", "<\\/script", StringComparison.OrdinalIgnoreCase)
        + "\n;window.dispatchEvent(new Event(\"" + ReadyEvent + "\"));\n</script>";

    public IReadOnlyDictionary<string, string> ToMimeBundle(bool includePng) => new Dictionary<string, string>
    {
        [MimeTypes.Html] = ToHtml(),
        [MimeTypes.PlainText] = ToString(),
    };

    public override string ToString() =>
        $"plotly.js {PlotlyAssets.PinnedVersion} ({(Source.Length / 1e6).ToString("F1", CultureInfo.InvariantCulture)} MB, {SourcePath}): the figures below are interactive where scripts run";
}

/// <summary><see cref="PlotlyScript"/>'s formatters for the .NET Interactive kernel (found through its attribute).</summary>
public sealed class PlotlyScriptFormatterSource
{
    public IEnumerable<TypeFormatter> CreateTypeFormatters() =>
    [
        TypeFormatter.For<PlotlyScript>(MimeTypes.Html, script => script.ToHtml()),
        TypeFormatter.For<PlotlyScript>(MimeTypes.PlainText, script => script.ToString()),
    ];
}
