namespace SeqGan.Research.Notebooks;

/// <summary>The assemblies this process was started with (its deps.json and the shared framework):
/// what a <c>#r "nuget:Name"</c> line is served by without a restore, and what a restored package must not load twice.</summary>
internal sealed class RunnerAssemblies
{
    private readonly Dictionary<string, string> pathsByName;

    private RunnerAssemblies(Dictionary<string, string> pathsByName) => this.pathsByName = pathsByName;

    public static RunnerAssemblies OfCurrentProcess()
    {
        var paths = AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES") is string list
            ? list.Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            : Directory.GetFiles(AppContext.BaseDirectory, "*.dll");
        var byName = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var path in paths) byName.TryAdd(Path.GetFileNameWithoutExtension(path), path);
        return new RunnerAssemblies(byName);
    }

    /// <summary>The file of the assembly with this simple name, if the runner has it.</summary>
    public string? PathOf(string assemblyName) => pathsByName.GetValueOrDefault(assemblyName.Trim());
}
