using System.Diagnostics;
using SeqGan.Research.Display;
using SeqGan.Research.Plotting;
using Xunit.Abstractions;

namespace SeqGan.Research.Tests.Plotting;

/// <summary>Real renders in headless Chromium (Debian's chromium, installed by scripts/bootstrap.sh), checked pixel by pixel.</summary>
public class PngRenderingTests(ITestOutputHelper output)
{
    private const string LineColor = "#d62728";

    private static readonly Figure RedLine = new Figure()
        .WithTitle("render check")
        .Add(new ScatterTrace([0, 1, 2, 3, 4], [3, 1, 4, 1, 5]) { Name = "MLE", Color = LineColor, LineWidth = 3 })
        .WithXAxis("epoch").WithYAxis("NLL")
        .WithVerticalMarker(2, "pretraining ends");

    /// <summary>Pixels within a small distance of the line's colour (antialiasing blends the edges).</summary>
    private static int PixelsNear(PngImage image, (int R, int G, int B) color, int tolerance = 24) =>
        image.Pixels().Count(p => Math.Abs(p.R - color.R) <= tolerance && Math.Abs(p.G - color.G) <= tolerance && Math.Abs(p.B - color.B) <= tolerance);

    [Fact]
    public void SavePngDrawsTheLineInHeadlessChromium()
    {
        var directory = Directory.CreateTempSubdirectory("seqgan-png-test-");
        try
        {
            var watch = Stopwatch.StartNew();
            var path = RedLine.SavePng(Path.Combine(directory.FullName, "line.png"), width: 640, height: 400);
            output.WriteLine($"rendered {path} in {watch.Elapsed.TotalSeconds:F2} s");

            var image = PngImage.Decode(File.ReadAllBytes(path));
            Assert.Equal((640, 400), (image.Width, image.Height));
            var colours = image.Pixels().Distinct().Count();
            var white = image.Pixels().Count(p => p is { R: 255, G: 255, B: 255 });
            var red = PixelsNear(image, (0xd6, 0x27, 0x28));
            output.WriteLine($"{colours} distinct colours, {white} white pixels, {red} line-coloured pixels of {640 * 400}");
            Assert.True(colours > 10, $"the image has only {colours} colours: blank?");
            Assert.True(white > 640 * 400 / 2, "the background should be mostly white");
            // A 3 px polyline across ~500 px of plot area covers well over a thousand pixels.
            Assert.True(red > 800, $"only {red} pixels have the line's colour");
        }
        finally
        {
            directory.Delete(recursive: true);
        }
    }

    [Fact]
    public void NotebookBundleCarriesThePngAndEmbedsItAsTheHtmlFallback()
    {
        var bundle = DisplayFormatter.Format(RedLine.WithSize(480, 320));
        var png = Convert.FromBase64String(bundle[MimeTypes.Png]);
        var image = PngImage.Decode(png);
        Assert.Equal((480, 320), (image.Width, image.Height));
        Assert.True(PixelsNear(image, (0xd6, 0x27, 0x28)) > 400);
        Assert.Contains($"data:image/png;base64,{bundle[MimeTypes.Png]}", bundle[MimeTypes.Html]);
    }

    [Fact]
    public void SavePngWithoutASizeUsesTheFiguresOwnLayoutSize()
    {
        var directory = Directory.CreateTempSubdirectory("seqgan-png-test-");
        try
        {
            var path = RedLine.WithSize(360, 240).SavePng(Path.Combine(directory.FullName, "sized.png"));
            var image = PngImage.Decode(File.ReadAllBytes(path));
            Assert.Equal((360, 240), (image.Width, image.Height));
        }
        finally
        {
            directory.Delete(recursive: true);
        }
    }
}
