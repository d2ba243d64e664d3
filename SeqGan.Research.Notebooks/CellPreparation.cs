using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace SeqGan.Research.Notebooks;

/// <summary>Reads the .NET Interactive conventions of a code cell: the <c>#!csharp</c> / <c>#!markdown</c>
/// magics on its first line, the cell language a Polyglot notebook records in its metadata, and the
/// <c>#r</c> lines. <c>#r "nuget:…"</c> and <c>#r "…/X.dll"</c> for an assembly the runner already has
/// are served from the runner's copy (a second copy of SeqGan.Research would clash with the first); other
/// <c>#r "nuget:…"</c> lines become package requests (<see cref="PackageRestore"/>), with the sources of
/// <c>#i "nuget:…"</c> lines; other <c>#r "path.dll"</c> lines are left to Roslyn, which resolves them against
/// the notebook's folder.</summary>
internal static partial class CellPreparation
{
    /// <param name="metadata">the cell's metadata, where Polyglot Notebooks record its language</param>
    public static PreparedCell Prepare(string source, JsonObject metadata, RunnerAssemblies runner)
    {
        var lines = source.Replace("\r\n", "\n").Split('\n');
        var first = Array.FindIndex(lines, line => line.Trim().Length > 0);
        if (first < 0) return new PreparedCell.Skip();

        var language = MetadataLanguage(metadata) ?? "csharp";
        var firstLine = lines[first].Trim();
        if (firstLine.StartsWith("#!", StringComparison.Ordinal))
        {
            language = firstLine[2..].Split(' ', 2)[0].ToLowerInvariant();
            lines[first] = "";
        }
        if (language is "markdown" or "md") return new PreparedCell.Skip();
        if (language is not ("csharp" or "c#"))
            return new PreparedCell.Rejected("UnsupportedCellLanguage",
                $"this cell is for the '{language}' kernel; seqgan notebook run and seqgan kernel execute C# cells only (#!csharp) and skip #!markdown");

        var references = new List<string>();
        var packages = new List<PackageRequest>();
        var sources = new List<string>();
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i].Trim();
            if (line.StartsWith("#!", StringComparison.Ordinal))
                return new PreparedCell.Rejected("UnsupportedMagicCommand",
                    $"line {i + 1}: '{line}' is not supported by seqgan notebook run and seqgan kernel (only #!csharp and #!markdown on a cell's first line are)");
            var packageSource = PackageSourceDirective().Match(line);
            if (packageSource.Success)
            {
                sources.Add(packageSource.Groups["source"].Value.Trim());
                lines[i] = "";
                continue;
            }
            var reference = ReferenceDirective().Match(line);
            if (!reference.Success) continue;
            var target = reference.Groups["target"].Value.Trim();
            var package = NuGetReference().Match(target);
            if (package.Success)
            {
                var name = package.Groups["name"].Value.Trim();
                if (runner.PathOf(name) is { } provided) references.Add(provided);
                else packages.Add(new PackageRequest(name, package.Groups["version"].Success ? package.Groups["version"].Value.Trim() : null, i + 1));
                lines[i] = "";
            }
            else if (target.EndsWith(".dll", StringComparison.OrdinalIgnoreCase) && runner.PathOf(Path.GetFileNameWithoutExtension(target)) is { } own)
            {
                references.Add(own);
                lines[i] = "";
            }
        }
        return new PreparedCell.Run(string.Join("\n", lines), references) { Packages = packages, PackageSources = sources };
    }

    /// <summary>The language Polyglot Notebooks (and .NET Interactive before it) record per cell.</summary>
    private static string? MetadataLanguage(JsonObject metadata)
    {
        var name = metadata["polyglot_notebook"]?["kernelName"] ?? metadata["dotnet_interactive"]?["language"];
        return name is JsonValue value && value.TryGetValue<string>(out var text) ? text.ToLowerInvariant() : null;
    }

    [GeneratedRegex("""^#r\s+"(?<target>[^"]*)"\s*(//.*)?$""")]
    private static partial Regex ReferenceDirective();

    [GeneratedRegex("""^nuget:\s*(?<name>[^,]+?)\s*(,\s*(?<version>.*))?$""", RegexOptions.IgnoreCase)]
    private static partial Regex NuGetReference();

    [GeneratedRegex("""^#i\s+"nuget:\s*(?<source>[^"]+)"\s*(//.*)?$""", RegexOptions.IgnoreCase)]
    private static partial Regex PackageSourceDirective();
}
