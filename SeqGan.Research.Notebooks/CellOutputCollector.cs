using System.Text;

namespace SeqGan.Research.Notebooks;

/// <summary>The outputs of one cell, in the order they happened. Console writes may come from any
/// thread (a Parallel.For in a cell), so every change is taken under one lock; consecutive writes
/// to the same stream are joined into one output, as Jupyter shows them.</summary>
internal sealed class CellOutputCollector : ICellOutputs
{
    private readonly Lock gate = new();
    private readonly List<CellOutput> outputs = [];
    private readonly StringBuilder openStream = new();
    private string? openStreamName;

    public void Write(string streamName, string text)
    {
        if (text.Length == 0) return;
        lock (gate)
        {
            if (openStreamName != streamName) CloseStream();
            openStreamName = streamName;
            openStream.Append(text);
        }
    }

    public int Add(CellOutput output)
    {
        lock (gate)
        {
            CloseStream();
            outputs.Add(output);
            return outputs.Count - 1;
        }
    }

    public void Replace(int position, CellOutput output)
    {
        lock (gate) outputs[position] = output;
    }

    public IReadOnlyList<CellOutput> Snapshot()
    {
        lock (gate)
        {
            var all = new List<CellOutput>(outputs);
            if (openStreamName is not null) all.Add(new StreamOutput(openStreamName, openStream.ToString()));
            return all;
        }
    }

    private void CloseStream()
    {
        if (openStreamName is null) return;
        outputs.Add(new StreamOutput(openStreamName, openStream.ToString()));
        openStream.Clear();
        openStreamName = null;
    }
}
