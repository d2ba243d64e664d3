namespace SeqGan.Research.Notebooks;

/// <summary>A code cell after its .NET Interactive directives were dealt with.</summary>
internal abstract record PreparedCell
{
    /// <summary>C# to submit — with the same line numbers as the cell, so errors point at the right line —
    /// and the runner's own assemblies that <c>#r</c> lines asked for.</summary>
    public sealed record Run(string Code, IReadOnlyList<string> References) : PreparedCell
    {
        /// <summary>The <c>#r "nuget:…"</c> packages to restore before the code runs.</summary>
        public IReadOnlyList<PackageRequest> Packages { get; init; } = [];

        /// <summary>The <c>#i "nuget: SOURCE"</c> package sources the cell adds.</summary>
        public IReadOnlyList<string> PackageSources { get; init; } = [];
    }

    /// <summary>Not C# to run: a <c>#!markdown</c> cell or an empty one.</summary>
    public sealed record Skip : PreparedCell;

    /// <summary>A cell this runner cannot run (another kernel's language, a magic command it does not know).</summary>
    public sealed record Rejected(string ErrorName, string Message) : PreparedCell;
}
