using System.Diagnostics;

namespace SeqGan.Research.Tests;

/// <summary>The id of a process that has ended — what a killed run's leftovers are named by.</summary>
internal static class DeadProcess
{
    public static int Id()
    {
        using var process = Process.Start(new ProcessStartInfo("/bin/true") { UseShellExecute = false })
            ?? throw new InvalidOperationException("cannot start /bin/true");
        process.WaitForExit();
        return process.Id;
    }
}
