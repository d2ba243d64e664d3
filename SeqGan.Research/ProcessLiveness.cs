using System.Diagnostics;

namespace SeqGan.Research;

/// <summary>Whether a process id names a live process: how leftover temporaries (checkpoint writes, Chromium work
/// folders) tell a killed writer's files from those of a writer still running. In the root namespace because both
/// Storage and Plotting clean up after killed processes.</summary>
internal static class ProcessLiveness
{
    public static bool IsRunning(int processId)
    {
        try
        {
            using var process = Process.GetProcessById(processId);
            return !process.HasExited;
        }
        catch (ArgumentException)
        {
            return false;
        }
    }
}
