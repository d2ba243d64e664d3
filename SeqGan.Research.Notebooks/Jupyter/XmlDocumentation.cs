using System.Collections.Concurrent;
using System.Xml;
using System.Xml.Linq;
using Microsoft.CodeAnalysis;

namespace SeqGan.Research.Notebooks.Jupyter;

/// <summary>The doc summary of a symbol: from its source (a cell's own <c>///</c> comments) or from the XML
/// documentation file beside its assembly (SeqGan.Research.xml ships with the kit), with whitespace collapsed.
/// Scripting references assemblies without their documentation, hence the lookup by file.</summary>
internal static class XmlDocumentation
{
    /// <summary>Each documentation file parsed once per process: read-only content, and SeqGan.Research.xml takes
    /// tens of milliseconds to parse, too slow to repeat on every Shift+Tab.</summary>
    private static readonly ConcurrentDictionary<string, IReadOnlyDictionary<string, XElement>> FilesByAssembly = new();

    public static string? Summary(ISymbol symbol)
    {
        var member = FromSource(symbol) ?? FromFile(symbol);
        var summary = member?.Element("summary");
        return summary is null ? null : string.Join(" ", Text(summary).Split((char[])[' ', '\n', '\r', '\t'], StringSplitOptions.RemoveEmptyEntries));
    }

    /// <summary>The element's text with references written as their names: <c>&lt;paramref name="data"/&gt;</c> → data,
    /// <c>&lt;see cref="T:A.B"/&gt;</c> → B.</summary>
    private static string Text(XElement element) => string.Concat(element.Nodes().Select(node => node switch
    {
        XText text => text.Value,
        XElement { Name.LocalName: "paramref" or "typeparamref" } reference => reference.Attribute("name")?.Value ?? "",
        XElement { Name.LocalName: "see" or "seealso" } see when !see.Nodes().Any() =>
            see.Attribute("langword")?.Value ?? see.Attribute("cref")?.Value.Split(':', 2)[^1].Split('(')[0].Split('.')[^1] ?? "",
        XElement other => Text(other),
        _ => "",
    }));

    private static XElement? FromSource(ISymbol symbol)
    {
        var xml = symbol.GetDocumentationCommentXml();
        if (string.IsNullOrWhiteSpace(xml)) return null;
        try
        {
            return XElement.Parse(xml);
        }
        catch (XmlException)
        {
            return null;
        }
    }

    private static XElement? FromFile(ISymbol symbol)
    {
        var symbolForDocs = symbol is IMethodSymbol { ReducedFrom: { } extension } ? extension : symbol.OriginalDefinition;
        if (symbolForDocs.GetDocumentationCommentId() is not { } id || symbolForDocs.ContainingAssembly?.Identity.Name is not { } assemblyName) return null;
        var members = FilesByAssembly.GetOrAdd(assemblyName, Load);
        return members.GetValueOrDefault(id);
    }

    private static IReadOnlyDictionary<string, XElement> Load(string assemblyName)
    {
        var assembly = AppDomain.CurrentDomain.GetAssemblies().FirstOrDefault(a => a.GetName().Name == assemblyName && !a.IsDynamic);
        var path = assembly is null || assembly.Location.Length == 0 ? null : Path.ChangeExtension(assembly.Location, ".xml");
        if (path is null || !File.Exists(path)) return new Dictionary<string, XElement>();
        try
        {
            return XDocument.Load(path).Descendants("member")
                .Where(m => m.Attribute("name") is not null)
                .GroupBy(m => m.Attribute("name")!.Value)
                .ToDictionary(g => g.Key, g => g.First());
        }
        catch (XmlException)
        {
            return new Dictionary<string, XElement>();
        }
    }
}
