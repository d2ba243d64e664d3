using System.Reflection;
using System.Text.RegularExpressions;
using Microsoft.CodeAnalysis;

namespace SeqGan.Research.Notebooks;

/// <summary>Builds Jupyter's error output (ename / evalue / traceback) from a failed cell.</summary>
internal static partial class CellErrors
{
    public const string CompilationErrorName = "CompilationError";
    public const string TimeoutErrorName = "CellTimeoutError";
    /// <summary>What Jupyter kernels call a cell stopped by an interrupt (the kit's kernel too).</summary>
    public const string InterruptedName = "KeyboardInterrupt";
    public const string NotFinishedName = "NotFinished";

    /// <summary>Recorded on a cell while it runs, so a process that dies inside it (Environment.Exit, a stack overflow,
    /// an exception on another thread, a kill) leaves a notebook that says where.</summary>
    public static ErrorOutput Running() => Rejected(NotFinishedName,
        "the process ended while this cell ran (Environment.Exit, a stack overflow, an unhandled exception on another thread, or a kill); the cells above it finished");

    public static ErrorOutput Stopped(CellStopReason reason, bool abandoned, TimeSpan? cellTimeout, TimeSpan? runTimeout)
    {
        var (name, what) = reason switch
        {
            CellStopReason.CellTimeout => (TimeoutErrorName, $"the cell ran longer than its timeout ({Seconds(cellTimeout)})"),
            CellStopReason.RunTimeout => (TimeoutErrorName, $"the run reached its timeout ({Seconds(runTimeout)}) while this cell ran"),
            _ => (InterruptedName, "the run was stopped while this cell ran"),
        };
        return Rejected(name, abandoned
            ? $"{what}; it reached no interruption check, so the runner stopped waiting for it (its thread was left running)"
            : what);
    }

    private static string Seconds(TimeSpan? span) =>
        string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{span?.TotalSeconds:0.###} s");

    /// <summary>Positions are (line,column) within the cell: the runner keeps a cell's line numbering.</summary>
    public static ErrorOutput FromCompilation(IReadOnlyList<Diagnostic> errors)
    {
        var lines = errors.Select(Describe).ToList();
        return new ErrorOutput(CompilationErrorName, string.Join("\n", lines), lines);
    }

    public static ErrorOutput FromException(Exception exception)
    {
        var thrown = Unwrap(exception);
        // Frames of Roslyn's scripting machinery say nothing about the notebook's code.
        var traceback = thrown.ToString().Replace("\r\n", "\n").Split('\n')
            .Where(line => !line.Contains("Microsoft.CodeAnalysis.Scripting", StringComparison.Ordinal))
            .Select(line => CellFrame().Replace(line, " in $1, line $2"))
            .ToList();
        while (traceback.Count > 1 && traceback[^1].StartsWith("---", StringComparison.Ordinal)) traceback.RemoveAt(traceback.Count - 1);
        return new ErrorOutput(thrown.GetType().Name, thrown.Message, traceback);
    }

    public static ErrorOutput Rejected(string name, string message) => new(name, message, [$"{name}: {message}"]);

    private static string Describe(Diagnostic diagnostic)
    {
        var position = diagnostic.Location.GetLineSpan().StartLinePosition;
        return $"({position.Line + 1},{position.Character + 1}): error {diagnostic.Id}: {diagnostic.GetMessage(System.Globalization.CultureInfo.InvariantCulture)}";
    }

    /// <summary>A frame in a cell's code: the runtime shows the cell's name as a path (see ScriptKernel).</summary>
    [GeneratedRegex(@" in (?:.*/)?(cell \d+):line (\d+)$")]
    private static partial Regex CellFrame();

    private static Exception Unwrap(Exception exception) => exception switch
    {
        TargetInvocationException { InnerException: { } inner } => Unwrap(inner),
        AggregateException { InnerExceptions.Count: 1 } aggregate => Unwrap(aggregate.InnerExceptions[0]),
        _ => exception,
    };
}
