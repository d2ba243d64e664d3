namespace SeqGan.Research.Notebooks;

/// <summary>What a notebook's code sees as globals (Roslyn scripting's globals object). Only
/// <c>display</c>: every other name stays free for the notebook's own variables.</summary>
public sealed class ScriptGlobals
{
    private readonly DisplayFormatterChain formatter;

    internal ScriptGlobals(DisplayFormatterChain formatter) => this.formatter = formatter;

    /// <summary>The cell running now; set by the runner before each cell.</summary>
    internal ICellOutputs? CurrentCell { get; set; }

    /// <summary>Shows <paramref name="value"/> as a display_data output of the running cell. Lower-case
    /// on purpose: .NET Interactive notebooks call <c>display(x)</c>, and the same cells must run here.
    /// With <paramref name="mimeTypes"/>, only those representations are kept; a string asked for as
    /// text/html is taken to be HTML. (.NET Interactive 1.0.712001 shows such a string escaped, as text: the
    /// teaching notebooks display the kit's types, which both kernels show alike.)</summary>
    public DisplayedValue display(object? value, params string[] mimeTypes)
    {
        var cell = CurrentCell ?? throw new InvalidOperationException("display() was called while no cell was running");
        var output = new DisplayDataOutput(Represent(value, mimeTypes));
        return new DisplayedValue(this, cell, cell.Add(output), mimeTypes);
    }

    internal IReadOnlyDictionary<string, string> Represent(object? value, IReadOnlyList<string> mimeTypes)
    {
        var data = formatter.Format(value);
        if (mimeTypes.Count > 0)
        {
            var kept = data.Where(p => mimeTypes.Contains(p.Key, StringComparer.Ordinal)).ToDictionary(StringComparer.Ordinal);
            if (kept.Count == 0 && value is string text) kept[mimeTypes[0]] = text;
            data = kept.Count > 0 ? kept : data;
        }
        // Fail in the cell that displayed a malformed JSON representation, not when the notebook is written.
        _ = CellOutput.MimeBundle(data);
        return data;
    }
}
