namespace SeqGan.Research.Notebooks;

/// <summary>The executed notebook (outputs filled in, the failing cell's error recorded) and how the run went.</summary>
public sealed record NotebookRunResult(NotebookDocument Notebook, int ExecutedCells, CellFailure? Failure, TimeSpan Elapsed)
{
    public bool Succeeded => Failure is null;

    /// <summary>Where the executed notebook was written, when the run was of a file.</summary>
    public string? OutputPath { get; init; }
}

/// <summary>The first cell that failed; the run stopped there.</summary>
/// <param name="CellIndex">position in the executed notebook's cells (0-based, counting markdown and injected cells)</param>
/// <param name="FirstLine">the cell's first non-blank line</param>
public sealed record CellFailure(int CellIndex, int? ExecutionCount, string FirstLine, string ErrorName, string ErrorValue)
{
    public string Describe()
    {
        var value = ErrorValue.Replace("\r\n", "\n").Split('\n')[0];
        var more = ErrorValue.Contains('\n') ? " …" : "";
        return $"cell {CellIndex} (In [{ExecutionCount}], first line: {FirstLine}) failed — {ErrorName}: {value}{more}";
    }
}
