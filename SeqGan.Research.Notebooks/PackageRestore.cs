using System.Diagnostics;
using System.Security;
using System.Text.Json.Nodes;

namespace SeqGan.Research.Notebooks;

/// <summary>
/// The NuGet packages of one notebook session, restored as .NET Interactive restores them: a throwaway project that
/// references every package asked for so far (so their dependencies agree), <c>dotnet restore</c> with this machine's
/// NuGet configuration (the user's and the machine's NuGet.Config; <c>#i "nuget: SOURCE"</c> adds a source), and the
/// packages' managed runtime assemblies from the restore's assets file. Assemblies the runner already has are taken
/// from the runner (a second copy would clash with the first). Native assets and content files are not used.
/// </summary>
internal sealed class PackageRestore(RunnerAssemblies runner)
{
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(5);

    private readonly Dictionary<string, PackageRequest> restored = new(StringComparer.OrdinalIgnoreCase);
    private readonly HashSet<string> sources = new(StringComparer.Ordinal);
    private readonly HashSet<string> referenced = new(StringComparer.Ordinal);

    /// <summary>Restores <paramref name="packages"/> (with the sources asked for so far and <paramref name="newSources"/>)
    /// and returns the assemblies that were not referenced yet. Throws <see cref="PackageRestoreException"/> naming
    /// the package when NuGet cannot restore it.</summary>
    public async Task<IReadOnlyList<string>> RestoreAsync(IReadOnlyList<PackageRequest> packages, IReadOnlyList<string> newSources,
        CancellationToken cancellationToken)
    {
        foreach (var package in packages)
            if (restored.TryGetValue(package.Name, out var earlier) && earlier.Version != package.Version)
                throw new PackageRestoreException(
                    $"line {package.Line}: {package.Directive}: this session already loaded {earlier.Directive}; a second version of a package cannot be loaded beside the first. Restart the kernel to change it.");
        sources.UnionWith(newSources);
        var wanted = restored.Values.Concat(packages.Where(p => !restored.ContainsKey(p.Name))).ToList();
        var project = Directory.CreateTempSubdirectory("seqgan-nuget-");
        try
        {
            File.WriteAllText(Path.Combine(project.FullName, "restore.csproj"), ProjectFile(wanted));
            var (exitCode, output) = await DotnetRestoreAsync(project.FullName, cancellationToken).ConfigureAwait(false);
            var assets = Path.Combine(project.FullName, "obj", "project.assets.json");
            if (exitCode != 0 || !File.Exists(assets)) throw Failure(packages, output);
            foreach (var package in packages) restored[package.Name] = package;
            return RuntimeAssemblies(JsonNode.Parse(File.ReadAllText(assets))!).Where(referenced.Add).ToList();
        }
        finally
        {
            project.Delete(recursive: true);
        }
    }

    private string ProjectFile(IEnumerable<PackageRequest> packages)
    {
        var framework = $"net{Environment.Version.Major}.{Environment.Version.Minor}";
        var references = string.Concat(packages.Select(p =>
            $"    <PackageReference Include=\"{SecurityElement.Escape(p.Name)}\" Version=\"{SecurityElement.Escape(p.Version ?? "*")}\" />\n"));
        var extraSources = sources.Count == 0 ? "" : $"    <RestoreAdditionalProjectSources>{SecurityElement.Escape(string.Join(';', sources))}</RestoreAdditionalProjectSources>\n";
        return "<Project Sdk=\"Microsoft.NET.Sdk\">\n  <PropertyGroup>\n"
            + $"    <TargetFramework>{framework}</TargetFramework>\n" + extraSources
            + "  </PropertyGroup>\n  <ItemGroup>\n" + references + "  </ItemGroup>\n</Project>\n";
    }

    private static async Task<(int ExitCode, string Output)> DotnetRestoreAsync(string projectDirectory, CancellationToken cancellationToken)
    {
        // The dotnet that runs this process when it is `dotnet seqgan.dll`; else the SDK's on PATH.
        var dotnet = Path.GetFileNameWithoutExtension(Environment.ProcessPath) == "dotnet" ? Environment.ProcessPath! : "dotnet";
        var start = new ProcessStartInfo(dotnet)
        {
            WorkingDirectory = projectDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[] { "restore", "restore.csproj", "--nologo", "--verbosity", "quiet" }) start.ArgumentList.Add(argument);
        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        start.Environment["DOTNET_NOLOGO"] = "1";
        Process process;
        try
        {
            process = Process.Start(start) ?? throw new PackageRestoreException($"could not start {dotnet}");
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            throw new PackageRestoreException($"#r \"nuget: …\" restores with the .NET SDK's `dotnet restore`, and {dotnet} could not be started ({e.Message}): install the .NET SDK or put its dotnet on PATH.");
        }
        using (process)
        {
            var stdout = process.StandardOutput.ReadToEndAsync(CancellationToken.None);
            var stderr = process.StandardError.ReadToEndAsync(CancellationToken.None);
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(Timeout);
            try
            {
                await process.WaitForExitAsync(timeout.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                process.Kill(entireProcessTree: true);
                cancellationToken.ThrowIfCancellationRequested();
                throw new PackageRestoreException($"dotnet restore did not finish within {Timeout.TotalMinutes:F0} minutes");
            }
            return (process.ExitCode, await stdout.ConfigureAwait(false) + await stderr.ConfigureAwait(false));
        }
    }

    private static PackageRestoreException Failure(IReadOnlyList<PackageRequest> packages, string output)
    {
        var errors = output.Split('\n').Select(l => l.Trim()).Where(l => l.Contains("error", StringComparison.OrdinalIgnoreCase))
            // "…/restore.csproj : error NU1101: …": the throwaway project's path says nothing to the reader.
            .Select(l => l.Contains(" : error ", StringComparison.Ordinal) ? l[(l.IndexOf(" : error ", StringComparison.Ordinal) + 3)..] : l)
            .Distinct().ToList();
        var unreachable = errors.Any(e => e.Contains("NU1301", StringComparison.Ordinal));
        var names = string.Join(", ", packages.Select(p => $"'{p.Name}'{(p.Version is null ? "" : " " + p.Version)}"));
        var lines = string.Join(", ", packages.Select(p => p.Line).Distinct());
        var why = unreachable
            ? "no package source could be reached (is there a network, and do `dotnet nuget list source` and NuGet.Config name a reachable registry?)"
            : "NuGet could not restore it with this machine's NuGet configuration";
        return new PackageRestoreException(
            $"line {lines}: {string.Join(' ', packages.Select(p => p.Directive))}: {names}: {why}.\n{string.Join('\n', errors.DefaultIfEmpty(output.Trim()))}");
    }

    /// <summary>The runtime assemblies of every package in the restore, for the running framework.</summary>
    private IEnumerable<string> RuntimeAssemblies(JsonNode assets)
    {
        var packageFolder = assets["packageFolders"]!.AsObject().First().Key;
        var libraries = assets["libraries"]!.AsObject();
        var target = assets["targets"]!.AsObject().First().Value!.AsObject();
        foreach (var (key, entry) in target)
        {
            if (entry?["type"]?.GetValue<string>() != "package" || entry["runtime"] is not JsonObject runtime) continue;
            var folder = libraries[key]!["path"]!.GetValue<string>();
            foreach (var (file, _) in runtime)
            {
                if (Path.GetFileName(file) == "_._") continue;   // the package has nothing for this framework
                var own = runner.PathOf(Path.GetFileNameWithoutExtension(file));
                yield return own ?? Path.GetFullPath(Path.Combine(packageFolder, folder, file));
            }
        }
    }
}

/// <summary>A NuGet package could not be restored; the message names it and says why.</summary>
internal sealed class PackageRestoreException(string message) : Exception(message);
