using System.Collections;
using System.Linq.Expressions;
using SeqGan.Research.Display;
using SeqGan.Research.Experiments;
using SeqGan.Research.Plotting;

namespace SeqGan.Research.Tests.Plotting;

/// <summary>Notebook output bundles, and the formatter-source convention the .NET Interactive kernel reads.</summary>
public class DisplayFormatterTests
{
    private static readonly Table1 Table = new(
    [
        new Table1Row("MLE", 9.0381, 0.02, 3, 0.001, 9.1, 12),
        new Table1Row("SeqGAN", 8.7362, 0.01, 3, null, 8.9, 30),
    ], "quick", "paper oracle");

    private static readonly Figure Line = new Figure().WithTitle("curve").Add(new ScatterTrace([0, 1], [1, 2]));

    [Fact]
    public void Table1DisplaysAsAnHtmlTableWithMarkdownAsPlainText()
    {
        var bundle = DisplayFormatter.Format(Table);
        var html = bundle[MimeTypes.Html];
        Assert.StartsWith("<table>", html);
        Assert.Contains("<td>SeqGAN</td>", html);
        Assert.Contains("8.736 ± 0.010", html);
        Assert.Contains("<th>p-value vs SeqGAN</th>", html.Replace(" style=\"text-align:right\"", ""));
        Assert.Contains("paper oracle", html);
        Assert.Equal(Table.ToMarkdown(), bundle[MimeTypes.PlainText]);
        Assert.False(bundle.ContainsKey(MimeTypes.Png));
    }

    [Fact]
    public void DisplayTableEscapesCells()
    {
        var table = new DisplayTable(["a", "b"], [["<x>", "1|2"]]) { Caption = "c" };
        var bundle = DisplayFormatter.Format(table);
        Assert.Contains("<td>&lt;x&gt;</td>", bundle[MimeTypes.Html]);
        Assert.Contains("| <x> | 1\\|2 |", bundle[MimeTypes.PlainText]);
    }

    [Fact]
    public void FigureWithoutPngIsHtmlAndText()
    {
        var bundle = DisplayFormatter.Format(Line, includePng: false);
        Assert.Equal(["text/html", "text/plain"], bundle.Keys.Order());
        Assert.Contains("Plotly.newPlot", bundle[MimeTypes.Html]);
        Assert.Equal("Figure \"curve\" (scatter)", bundle[MimeTypes.PlainText]);
    }

    [Fact]
    public void OtherValuesArePlainText()
    {
        Assert.Equal("42", Assert.Single(DisplayFormatter.Format(42)).Value);
        Assert.Equal("<null>", DisplayFormatter.Format(null)[MimeTypes.PlainText]);
        Assert.Equal("<b>", Assert.Single(DisplayFormatter.Format("<b>")).Value);
    }

    [Fact]
    public void TypesFollowingTheConventionFromAnotherNamespaceAreFormattedToo()
    {
        var bundle = DisplayFormatter.Format(new Foreign.Thing());
        Assert.Equal("<i>thing</i>", bundle[MimeTypes.Html]);
        Assert.Equal("Thing!", bundle[MimeTypes.PlainText]);
    }

    /// <summary>
    /// What the .NET Interactive kernel does with a type it has no compiled reference for: find the attribute by
    /// name, read FormatterSourceType and PreferredMimeTypes, call CreateTypeFormatters, read MimeType and Type,
    /// and compile Format into a Func&lt;object, TextWriter, bool&gt;. Done here step by step on Figure and Table1.
    /// </summary>
    [Theory]
    [InlineData(typeof(Figure))]
    [InlineData(typeof(Table1))]
    public void KernelReflectionFindsHtmlFormatters(Type type)
    {
        var attribute = Assert.Single(type.GetCustomAttributes(true), a => a.GetType().Name == "TypeFormatterSourceAttribute");
        var sourceType = Assert.IsType<Type>(attribute.GetType().GetProperty("FormatterSourceType")!.GetValue(attribute), exactMatch: false);
        Assert.Equal(["text/html"], Assert.IsType<string[]>(attribute.GetType().GetProperty("PreferredMimeTypes")!.GetValue(attribute)));
        var source = Activator.CreateInstance(sourceType)!;
        var formatters = Assert.IsAssignableFrom<IEnumerable>(source.GetType().GetMethod("CreateTypeFormatters")!.Invoke(source, null));

        var mimeTypes = new List<string>();
        foreach (var formatter in formatters)
        {
            var mimeType = Assert.IsType<string>(formatter.GetType().GetProperty("MimeType")!.GetValue(formatter));
            var formattedType = Assert.IsType<Type>(formatter.GetType().GetProperty("Type")!.GetValue(formatter), exactMatch: false);
            Assert.Equal(type, formattedType);
            var value = Expression.Parameter(typeof(object));
            var writer = Expression.Parameter(typeof(TextWriter));
            var call = Expression.Call(Expression.Constant(formatter), formatter.GetType().GetMethod("Format")!, value, writer);
            var format = Expression.Lambda<Func<object, TextWriter, bool>>(call, value, writer).Compile();

            using var output = new StringWriter();
            Assert.True(format(type == typeof(Figure) ? Line : Table, output));
            Assert.NotEmpty(output.ToString());
            mimeTypes.Add(mimeType);
        }
        Assert.Contains("text/html", mimeTypes);
    }
}
