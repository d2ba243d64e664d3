using Microsoft.CodeAnalysis;

namespace SeqGan.Research.Notebooks.Jupyter;

/// <summary>What Shift+Tab shows in Jupyter: the signature of the symbol at the cursor (the method, type, variable
/// or member the name there binds to in the cell compiled as the next submission) and its doc summary when the
/// symbol has one (see <see cref="XmlDocumentation"/>).</summary>
internal static class CodeInspection
{
    /// <summary>Type names without namespaces (the cells import them); parameters with their names and defaults.</summary>
    private static readonly SymbolDisplayFormat Signature = SymbolDisplayFormat.CSharpShortErrorMessageFormat
        .WithMemberOptions(SymbolDisplayMemberOptions.IncludeParameters | SymbolDisplayMemberOptions.IncludeContainingType
            | SymbolDisplayMemberOptions.IncludeType | SymbolDisplayMemberOptions.IncludeRef)
        .WithParameterOptions(SymbolDisplayParameterOptions.IncludeType | SymbolDisplayParameterOptions.IncludeName
            | SymbolDisplayParameterOptions.IncludeDefaultValue | SymbolDisplayParameterOptions.IncludeParamsRefOut);

    /// <param name="cursor">UTF-16 index into <paramref name="code"/></param>
    /// <returns>plain text, or null when there is no symbol at the cursor</returns>
    public static string? Inspect(ScriptKernel kernel, string code, int cursor)
    {
        cursor = Math.Clamp(cursor, 0, code.Length);
        var compilation = kernel.CompileNext(code);
        var tree = compilation.SyntaxTrees.Single();
        var model = compilation.GetSemanticModel(tree);
        var symbol = SymbolAt(model, tree, cursor) ?? (cursor > 0 ? SymbolAt(model, tree, cursor - 1) : null);
        if (symbol is null) return null;

        var signature = symbol.ToDisplayString(Signature);
        var kind = symbol switch
        {
            ILocalSymbol or IFieldSymbol { ContainingType.IsScriptClass: true } => "variable",
            INamedTypeSymbol type => type.TypeKind.ToString().ToLowerInvariant(),
            _ => symbol.Kind.ToString().ToLowerInvariant(),
        };
        // Variables, fields and properties show their type before the name (SymbolDisplayMemberOptions.IncludeType).
        var text = $"{kind} {signature}";
        return XmlDocumentation.Summary(symbol) is { Length: > 0 } summary ? $"{text}\n\n{summary}" : text;
    }

    private static ISymbol? SymbolAt(SemanticModel model, SyntaxTree tree, int position)
    {
        var token = tree.GetRoot().FindToken(position);
        for (var node = token.Parent; node is not null; node = node.Parent)
        {
            var info = model.GetSymbolInfo(node);
            var symbol = info.Symbol ?? info.CandidateSymbols.FirstOrDefault() ?? model.GetDeclaredSymbol(node);
            if (symbol is not null) return symbol;
            if (node.Span.Start < token.Span.Start || node.Span.End > token.Span.End + 1) break;
        }
        return null;
    }
}
