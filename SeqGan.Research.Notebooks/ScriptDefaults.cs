using System.Reflection;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Scripting;
using SeqGan.Research.Tensors;

namespace SeqGan.Research.Notebooks;

/// <summary>What every notebook starts with — references, imports, compilation settings — kept in
/// this one place. The imports are those a .NET Interactive C# kernel has, plus every namespace of
/// SeqGan.Research (read from the assembly, so a new layer is importable without a change here).</summary>
internal static class ScriptDefaults
{
    public static IReadOnlyList<string> SystemImports { get; } =
    [
        "System",
        "System.Collections.Generic",
        "System.IO",
        "System.Linq",
        "System.Text",
        "System.Threading",
        "System.Threading.Tasks",
    ];

    private static Assembly Library => typeof(Tensor).Assembly;

    public static IReadOnlyList<string> Imports() => [.. SystemImports, .. LibraryNamespaces()];

    public static IEnumerable<string> LibraryNamespaces() =>
        Library.GetExportedTypes().Select(t => t.Namespace).OfType<string>()
            .Where(ns => ns.StartsWith("SeqGan.Research", StringComparison.Ordinal)).Distinct().Order(StringComparer.Ordinal);

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
            .AddImports(Imports())
            .WithMetadataResolver(ScriptMetadataResolver.Default.WithBaseDirectory(notebookDirectory))
            .WithSourceResolver(ScriptSourceResolver.Default.WithBaseDirectory(notebookDirectory))
            .WithOptimizationLevel(OptimizationLevel.Release)
            .WithEmitDebugInformation(true)
            .WithFileEncoding(System.Text.Encoding.UTF8); // debug information needs the source's encoding
}
