namespace SeqGan.Research.Notebooks;

/// <summary>What <c>display</c> returns: <see cref="Update"/> replaces the shown value in place, the
/// way .NET Interactive's DisplayedValue does (a progress line, a curve redrawn as training goes).</summary>
public sealed class DisplayedValue
{
    private readonly ScriptGlobals globals;
    private readonly ICellOutputs cell;
    private readonly int position;
    private readonly IReadOnlyList<string> mimeTypes;

    internal DisplayedValue(ScriptGlobals globals, ICellOutputs cell, int position, IReadOnlyList<string> mimeTypes)
    {
        this.globals = globals;
        this.cell = cell;
        this.position = position;
        this.mimeTypes = mimeTypes;
    }

    public void Update(object? value) => cell.Replace(position, new DisplayDataOutput(globals.Represent(value, mimeTypes)));
}
