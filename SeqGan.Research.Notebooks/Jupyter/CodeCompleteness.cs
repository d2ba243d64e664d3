using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace SeqGan.Research.Notebooks.Jupyter;

/// <summary>is_complete_request: whether a console front end should run the code on Enter ("complete") or wait
/// for more lines ("incomplete": an open brace, an unfinished statement).</summary>
internal static class CodeCompleteness
{
    public static string Status(string code)
    {
        if (code.Trim().Length == 0) return "complete";
        var tree = SyntaxFactory.ParseSyntaxTree(code, new CSharpParseOptions(kind: SourceCodeKind.Script));
        return SyntaxFactory.IsCompleteSubmission(tree) ? "complete" : "incomplete";
    }
}
