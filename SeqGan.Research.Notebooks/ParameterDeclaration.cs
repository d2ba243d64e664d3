using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace SeqGan.Research.Notebooks;

/// <summary>A variable declared at the top level of the parameters cell, with the C# type its value
/// must have: the declared keyword type (<c>int epochs = 3;</c>) or, for <c>var</c>, the type of a
/// literal initializer (<c>var lr = 0.01;</c> is double). <see cref="TypeKeyword"/> is null when the
/// type is anything else (an enum, a record, <c>var</c> over an expression).</summary>
internal sealed record ParameterDeclaration(string Name, string? TypeKeyword, bool AllowsNull, bool IsConst)
{
    public static IReadOnlyDictionary<string, ParameterDeclaration> ReadAll(string parametersCellCode)
    {
        var root = CSharpSyntaxTree.ParseText(parametersCellCode, CSharpParseOptions.Default.WithKind(SourceCodeKind.Script)).GetCompilationUnitRoot();
        var found = new Dictionary<string, ParameterDeclaration>(StringComparer.Ordinal);
        foreach (var member in root.Members)
        {
            // Top-level variables of a script parse as fields; inside a global statement as locals.
            var (declaration, modifiers) = member switch
            {
                FieldDeclarationSyntax field => (field.Declaration, field.Modifiers),
                GlobalStatementSyntax { Statement: LocalDeclarationStatementSyntax local } => (local.Declaration, local.Modifiers),
                _ => (null, default),
            };
            if (declaration is null) continue;
            var isConst = modifiers.Any(SyntaxKind.ConstKeyword);
            foreach (var variable in declaration.Variables)
            {
                var (keyword, allowsNull) = TypeOf(declaration.Type, variable.Initializer?.Value);
                found[variable.Identifier.ValueText] = new ParameterDeclaration(variable.Identifier.ValueText, keyword, allowsNull, isConst);
            }
        }
        return found;
    }

    private static (string? Keyword, bool AllowsNull) TypeOf(TypeSyntax type, ExpressionSyntax? initializer) => type switch
    {
        PredefinedTypeSyntax predefined => (predefined.Keyword.ValueText, false),
        NullableTypeSyntax { ElementType: PredefinedTypeSyntax element } => (element.Keyword.ValueText, true),
        IdentifierNameSyntax { IsVar: true } => (LiteralType(initializer), false),
        _ => (null, false),
    };

    private static string? LiteralType(ExpressionSyntax? initializer) => initializer switch
    {
        LiteralExpressionSyntax literal => literal.Kind() switch
        {
            SyntaxKind.StringLiteralExpression => "string",
            SyntaxKind.CharacterLiteralExpression => "char",
            SyntaxKind.TrueLiteralExpression or SyntaxKind.FalseLiteralExpression => "bool",
            SyntaxKind.NumericLiteralExpression => literal.Token.Value switch
            {
                int => "int",
                long => "long",
                uint => "uint",
                ulong => "ulong",
                float => "float",
                double => "double",
                decimal => "decimal",
                _ => null,
            },
            _ => null,
        },
        PrefixUnaryExpressionSyntax { RawKind: (int)SyntaxKind.UnaryMinusExpression, Operand: LiteralExpressionSyntax operand } => LiteralType(operand),
        ParenthesizedExpressionSyntax parenthesized => LiteralType(parenthesized.Expression),
        _ => null,
    };
}
