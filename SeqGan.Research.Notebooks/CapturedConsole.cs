using System.Text;

namespace SeqGan.Research.Notebooks;

/// <summary>Points Console.Out / Console.Error at a cell's outputs while the cell runs, and stdin at
/// nothing (a notebook run has no one to answer). The console is process-wide, so the previous
/// writers are put back on dispose — and two notebooks cannot run at once in one process.</summary>
internal sealed class CapturedConsole : IDisposable
{
    private readonly TextWriter previousOut = Console.Out;
    private readonly TextWriter previousError = Console.Error;
    private readonly TextReader previousIn = Console.In;

    public CapturedConsole(ICellOutputs cell)
    {
        Console.SetOut(new StreamWriterToCell(cell, "stdout"));
        Console.SetError(new StreamWriterToCell(cell, "stderr"));
        Console.SetIn(TextReader.Null);
    }

    public void Dispose()
    {
        Console.SetOut(previousOut);
        Console.SetError(previousError);
        Console.SetIn(previousIn);
    }

    private sealed class StreamWriterToCell(ICellOutputs cell, string streamName) : TextWriter
    {
        public override Encoding Encoding => Encoding.UTF8;

        public override void Write(char value) => cell.Write(streamName, value.ToString());

        public override void Write(string? value) => cell.Write(streamName, value ?? "");

        public override void Write(char[] buffer, int index, int count) => cell.Write(streamName, new string(buffer, index, count));

        public override void Write(ReadOnlySpan<char> buffer) => cell.Write(streamName, new string(buffer));

        public override void WriteLine(string? value) => cell.Write(streamName, (value ?? "") + "\n");
    }
}
