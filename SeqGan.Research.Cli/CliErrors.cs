using System.Reflection;
using System.Text.Json;
using SeqGan.Research.Training;
using SeqGan.Research.Plotting;
using SeqGan.Research.Tensors;

namespace SeqGan.Research.Cli;

/// <summary>
/// What an exception that ends a command shows and which exit code it gives: bad input and environment problems
/// (a missing or unreadable file, a read-only folder, a bad argument, libtorch refusing a shape) are one line
/// "error: …" naming the path or argument, exit 2; a stop request is exit 130; anything else is a bug of the kit,
/// reported as one "internal error" line with the full report written to a log file, exit 70 — never an abort
/// with a stack trace.
/// </summary>
internal static class CliErrors
{
    public const int BadInput = 2;
    public const int Stopped = 130;
    /// <summary>sysexits.h's EX_SOFTWARE: an internal error.</summary>
    public const int InternalError = 70;

    public static int Report(Exception exception, TextWriter error)
    {
        var e = Unwrap(exception);
        switch (e)
        {
            case OperationCanceledException:
                error.WriteLine("stopped; completed work is checkpointed — run the same command with --resume to continue");
                return Stopped;
            case UnauthorizedAccessException:
                // .NET's text names the path ("Access to the path '…' is denied.").
                error.WriteLine($"error: permission denied: {e.Message}");
                return BadInput;
            case ArgumentException or FormatException or IOException or InvalidDataException or JsonException or NotSupportedException
                or TorchException or DllNotFoundException or InvalidOperationException or PlottingSetupException or TrainingDivergedException:
                error.WriteLine($"error: {e.Message}");
                return BadInput;
            default:
                error.WriteLine(InternalErrorLine(e, "internal error (a bug in seqgan; please report it)"));
                return InternalError;
        }
    }

    /// <summary>For an exception no one caught on some thread: the runtime is about to abort the process, so the
    /// report is written, and the process ends with <see cref="InternalError"/> instead of a core dump.</summary>
    public static void ReportUnhandled(object exception, TextWriter error)
    {
        var e = exception as Exception ?? new InvalidOperationException($"a non-exception object was thrown: {exception}");
        error.WriteLine(InternalErrorLine(Unwrap(e), "fatal: an exception on a background thread ended seqgan"));
        error.Flush();
        Environment.Exit(InternalError);
    }

    private static string InternalErrorLine(Exception e, string what)
    {
        var firstLine = e.Message.Replace("\r\n", "\n").Split('\n')[0];
        var log = Path.Combine(Path.GetTempPath(), $"seqgan-error-{DateTime.UtcNow:yyyyMMdd-HHmmss}-{Environment.ProcessId}.log");
        try
        {
            File.WriteAllText(log, $"seqgan {string.Join(' ', Environment.GetCommandLineArgs().Skip(1))}\n{DateTime.UtcNow:O}\n\n{e}\n");
            return $"{what}: {e.GetType().Name}: {firstLine} — the full report is in {log}";
        }
        catch (Exception writeError) when (writeError is IOException or UnauthorizedAccessException)
        {
            return $"{what}: {e.GetType().Name}: {firstLine}\n{e}";
        }
    }

    private static Exception Unwrap(Exception exception) => exception switch
    {
        AggregateException { InnerExceptions.Count: 1 } aggregate => Unwrap(aggregate.InnerExceptions[0]),
        TargetInvocationException { InnerException: { } inner } => Unwrap(inner),
        _ => exception,
    };
}
