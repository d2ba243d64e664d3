using System.Diagnostics;
using System.Runtime.InteropServices;
using SeqGan.Research.Cli;

namespace SeqGan.Research.Tests.Cli;

/// <summary>
/// `seqgan` (the one built beside the tests) in a process of its own: for what only a process shows — its exit code
/// after a signal, a cell that kills it, a permission error. <see cref="Unprivileged"/> runs it as user nobody
/// (through a user namespace when the tests run as root, as on CI), so file permissions apply to it.
/// </summary>
internal sealed partial class SeqganProcess : IDisposable
{
    private readonly Process process;
    private readonly Task<string> stdout;
    private readonly Task<string> stderr;

    private SeqganProcess(Process process)
    {
        this.process = process;
        stdout = process.StandardOutput.ReadToEndAsync();
        stderr = process.StandardError.ReadToEndAsync();
    }

    public int Id => process.Id;

    public static SeqganProcess Start(IEnumerable<string> arguments, string? workingDirectory = null) => Start(arguments, workingDirectory, unprivileged: false);

    public static SeqganProcess Unprivileged(IEnumerable<string> arguments, string? workingDirectory = null) => Start(arguments, workingDirectory, unprivileged: true);

    /// <summary>Waits for the exit (a guard against a hang, not a measurement) and returns what it printed.</summary>
    public (int ExitCode, string Stdout, string Stderr) WaitForExit(TimeSpan guard)
    {
        if (!process.WaitForExit(guard))
        {
            process.Kill(entireProcessTree: true);
            process.WaitForExit();
            throw new TimeoutException($"seqgan did not exit within {guard.TotalSeconds} s; its stderr:\n{stderr.Result}");
        }
        return (process.ExitCode, stdout.Result, stderr.Result);
    }

    public void Signal(PosixSignal signal)
    {
        var number = signal switch
        {
            PosixSignal.SIGINT => 2,
            PosixSignal.SIGTERM => 15,
            _ => throw new ArgumentOutOfRangeException(nameof(signal)),
        };
        if (Kill(process.Id, number) != 0) throw new InvalidOperationException($"kill({process.Id}, {number}) failed: errno {Marshal.GetLastPInvokeError()}");
    }

    private static SeqganProcess Start(IEnumerable<string> arguments, string? workingDirectory, bool unprivileged)
    {
        var command = KernelCommand.CommandFor(Path.Combine(AppContext.BaseDirectory, "seqgan.dll")).ToList();
        if (unprivileged && Environment.IsPrivilegedProcess)
            command.InsertRange(0, ["unshare", "--user", "--map-user=65534", "--map-group=65534"]);
        var start = new ProcessStartInfo(command[0])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = workingDirectory ?? AppContext.BaseDirectory,
        };
        foreach (var argument in command.Skip(1).Concat(arguments)) start.ArgumentList.Add(argument);
        return new SeqganProcess(Process.Start(start) ?? throw new InvalidOperationException($"cannot start {command[0]}"));
    }

    [LibraryImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static partial int Kill(int pid, int signal);

    public void Dispose()
    {
        if (!process.HasExited) process.Kill(entireProcessTree: true);
        process.Dispose();
    }
}
