using System.Reflection;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Scripting;
using SeqGan.Research.Tensors;

namespace SeqGan.Research.Notebooks;

/// <summary>What every notebook starts with — references, imports, compilation settings — kept in
/// this one place. The imports are exactly those of the .NET Interactive C# kernel, so a cell that compiles
/// here compiles there too (a cell that uses <c>Path</c> needs <c>using System.IO;</c> in both). The kit's
/// own namespaces are referenced but not imported: notebooks name them with <c>using</c>, as they must for
/// .NET Interactive.</summary>
internal static class ScriptDefaults
{
    /// <summary>.NET Interactive 1.0's C# kernel: <c>CSharpKernel</c>'s constructor in dotnet/interactive
    /// (src/Microsoft.DotNet.Interactive.CSharp/CSharpKernel.cs), in its order.</summary>
    public static IReadOnlyList<string> Imports { get; } =
    [
        "System",
        "System.Text",
        "System.Collections",
        "System.Collections.Generic",
        "System.Threading.Tasks",
        "System.Linq",
    ];

    private static Assembly Library => typeof(Tensor).Assembly;

    /// <summary>SeqGan.Research, what its public types mention (System.Text.Json, System.Memory, …), and the
    /// assemblies behind the default imports. Roslyn's own defaults add the core of the framework.</summary>
    public static IReadOnlyList<Assembly> References() =>
    [
        typeof(object).Assembly,
        typeof(Enumerable).Assembly,
        typeof(List<>).Assembly,
        typeof(Console).Assembly,
        typeof(ScriptGlobals).Assembly,
        Library,
        .. Library.GetReferencedAssemblies().Select(Assembly.Load),
    ];

    /// <summary>Relative <c>#r</c> and <c>#load</c> paths resolve against the notebook's folder, as in
    /// Jupyter. Release code, since notebooks run training loops, but with debug information: stack
    /// traces then give the line in the cell.</summary>
    public static ScriptOptions Options(string notebookDirectory) =>
        ScriptOptions.Default
            .AddReferences(References().Distinct())
            .AddImports(Imports)
            .WithMetadataResolver(ScriptMetadataResolver.Default.WithBaseDirectory(notebookDirectory))
            .WithSourceResolver(ScriptSourceResolver.Default.WithBaseDirectory(notebookDirectory))
            .WithOptimizationLevel(OptimizationLevel.Release)
            .WithEmitDebugInformation(true)
            .WithFileEncoding(System.Text.Encoding.UTF8); // debug information needs the source's encoding
}
