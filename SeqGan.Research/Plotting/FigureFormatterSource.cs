using SeqGan.Research.Display;

namespace SeqGan.Research.Plotting;

/// <summary>
/// <see cref="Figure"/>'s formatters for the .NET Interactive kernel (found through the attribute on Figure).
/// HTML only: a kernel display should not start a browser; executed notebooks get the PNG through
/// <see cref="DisplayFormatter"/>.
/// </summary>
public sealed class FigureFormatterSource
{
    public IEnumerable<TypeFormatter> CreateTypeFormatters() =>
    [
        TypeFormatter.For<Figure>(MimeTypes.Html, figure => figure.ToHtmlFragment()),
        TypeFormatter.For<Figure>(MimeTypes.PlainText, figure => figure.ToString()),
    ];
}
