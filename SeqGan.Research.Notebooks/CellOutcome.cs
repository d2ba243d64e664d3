namespace SeqGan.Research.Notebooks;

/// <summary>How one submission to the <see cref="ScriptKernel"/> ended.</summary>
internal abstract record CellOutcome
{
    /// <summary>Ran to the end; <paramref name="Value"/> is the last expression's value (null when there is none).</summary>
    public sealed record Completed(object? Value) : CellOutcome;

    public sealed record Failed(ErrorOutput Error) : CellOutcome;
}
