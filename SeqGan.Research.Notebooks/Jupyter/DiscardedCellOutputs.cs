namespace SeqGan.Research.Notebooks.Jupyter;

/// <summary>Where a silent execute_request's outputs go: nowhere, as the protocol asks.</summary>
internal sealed class DiscardedCellOutputs : ICellOutputs
{
    private int count;

    public void Write(string streamName, string text) { }

    public int Add(CellOutput output) => Interlocked.Increment(ref count) - 1;

    public void Replace(int position, CellOutput output) { }
}
