using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace SeqGan.Research.Notebooks.Jupyter;

/// <summary>
/// Completions at the cursor from Roslyn's semantic model of the cell compiled as the next submission, so the
/// names of earlier cells are offered. After <c>expr.</c> the members of the expression's type (or of the named
/// type or namespace), extension methods included; elsewhere every name in scope. Matches start with the word
/// typed so far (ignoring case); the front end filters further as the user types.
/// </summary>
internal static class CodeCompletion
{
    public sealed record Result(IReadOnlyList<string> Matches, int Start, int End);

    /// <param name="cursor">UTF-16 index into <paramref name="code"/></param>
    public static Result Complete(ScriptKernel kernel, string code, int cursor)
    {
        cursor = Math.Clamp(cursor, 0, code.Length);
        var start = cursor;
        while (start > 0 && (char.IsLetterOrDigit(code[start - 1]) || code[start - 1] == '_')) start--;
        var prefix = code[start..cursor];

        var compilation = kernel.CompileNext(code);
        var tree = compilation.SyntaxTrees.Single();
        var model = compilation.GetSemanticModel(tree);
        var symbols = MemberAccessTarget(tree, code, start) is { } target
            ? MembersOf(model, target, start)
            : model.LookupSymbols(start);

        var matches = symbols
            .Where(s => s.CanBeReferencedByName && s.Name.StartsWith(prefix, StringComparison.OrdinalIgnoreCase))
            .Select(s => s.Name)
            .Distinct(StringComparer.Ordinal)
            .Order(StringComparer.OrdinalIgnoreCase)
            .ToList();
        return new Result(matches, start, cursor);
    }

    /// <summary>The expression before the dot when the word at <paramref name="wordStart"/> follows one.</summary>
    private static ExpressionSyntax? MemberAccessTarget(SyntaxTree tree, string code, int wordStart)
    {
        var dot = wordStart - 1;
        while (dot >= 0 && char.IsWhiteSpace(code[dot])) dot--;
        if (dot < 0 || code[dot] != '.') return null;
        var token = tree.GetRoot().FindToken(dot);
        return token.Parent switch
        {
            MemberAccessExpressionSyntax access => access.Expression,
            QualifiedNameSyntax qualified => qualified.Left,
            _ => null,
        };
    }

    private static IEnumerable<ISymbol> MembersOf(SemanticModel model, ExpressionSyntax target, int position)
    {
        var named = model.GetSymbolInfo(target).Symbol;
        if (named is INamespaceOrTypeSymbol container)
            // A type or namespace name: its static members and nested types.
            return model.LookupSymbols(position, container).Where(s => s.IsStatic || s is INamespaceOrTypeSymbol);
        var type = model.GetTypeInfo(target).Type;
        if (type is null || type.TypeKind == TypeKind.Error) return [];
        return model.LookupSymbols(position, type, includeReducedExtensionMethods: true).Where(s => !s.IsStatic || s is IMethodSymbol { ReducedFrom: not null });
    }
}
