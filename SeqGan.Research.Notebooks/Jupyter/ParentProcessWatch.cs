using System.Runtime.InteropServices;

namespace SeqGan.Research.Notebooks.Jupyter;

/// <summary>
/// Ends the kernel when the front end that started it is gone without a shutdown_request (killed, crashed):
/// an orphaned kernel would otherwise keep its ports and a training cell's CPU for ever. On Linux an orphan is
/// re-parented, so a parent id different from the one at start means the front end died (ipykernel's
/// ParentPollerUnix does the same).
/// </summary>
internal static partial class ParentProcessWatch
{
    private static readonly TimeSpan Interval = TimeSpan.FromSeconds(1);

    public static Thread Start(Action onParentGone, CancellationToken stop)
    {
        var parent = ParentId();
        var thread = new Thread(() =>
        {
            while (!stop.WaitHandle.WaitOne(Interval))
            {
                if (ParentId() == parent) continue;
                onParentGone();
                return;
            }
        }) { IsBackground = true, Name = "jupyter parent watch" };
        thread.Start();
        return thread;
    }

    [LibraryImport("libc", EntryPoint = "getppid")]
    private static partial int ParentId();
}
