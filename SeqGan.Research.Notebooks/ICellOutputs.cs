namespace SeqGan.Research.Notebooks;

/// <summary>Where a running cell's outputs go: collected into the notebook by the runner, or published to
/// a Jupyter front end as they happen by the kernel. Console writes may come from any thread.</summary>
internal interface ICellOutputs
{
    /// <summary>Text the cell wrote to <paramref name="streamName"/> (stdout or stderr).</summary>
    void Write(string streamName, string text);

    /// <summary>Adds an output and returns its position, which <see cref="Replace"/> takes.</summary>
    int Add(CellOutput output);

    /// <summary>Shows <paramref name="output"/> in place of the one added at <paramref name="position"/>
    /// (<c>DisplayedValue.Update</c>).</summary>
    void Replace(int position, CellOutput output);
}
