using SeqGan.Research.Display;

namespace SeqGan.Research.Plotting;

/// <summary>
/// <see cref="Figure"/>'s formatters for the .NET Interactive kernel (found through the attribute on Figure). That
/// kernel keeps only the preferred MIME type, text/html, so the HTML carries the PNG itself (rendered in headless
/// Chromium, about a second): the figure shows offline and without scripts, as it does in the kit's own kernel.
/// </summary>
public sealed class FigureFormatterSource
{
    public IEnumerable<TypeFormatter> CreateTypeFormatters() =>
    [
        TypeFormatter.For<Figure>(MimeTypes.Html, figure => figure.ToHtmlFragment(Convert.ToBase64String(figure.ToPng()))),
        TypeFormatter.For<Figure>(MimeTypes.PlainText, figure => figure.ToString()),
    ];
}
