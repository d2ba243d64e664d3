namespace SeqGan.Research.Notebooks;

/// <summary>A <c>#r "nuget: Name, Version"</c> line: <paramref name="Version"/> is a NuGet version or range, null for
/// the newest stable one (what .NET Interactive does without a version).</summary>
internal sealed record PackageRequest(string Name, string? Version, int Line)
{
    /// <summary>As the cell wrote it, for messages.</summary>
    public string Directive => Version is null ? $"#r \"nuget: {Name}\"" : $"#r \"nuget: {Name}, {Version}\"";
}
