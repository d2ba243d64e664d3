namespace SeqGan.Research.Notebooks.Jupyter;

/// <summary>
/// The receive loop of one channel (shell, control, heartbeat): whatever one message does — a frame the socket
/// refuses, a malformed message, a bug in serving it — is logged as a dropped message and the loop goes on; only the
/// kernel's shutdown ends it. A socket that keeps failing is retried after a pause, not in a busy loop.
/// </summary>
internal static class ChannelLoop
{
    private static readonly TimeSpan PauseAfterFailure = TimeSpan.FromMilliseconds(100);

    /// <param name="receive">the next message, or null when none came within its poll interval</param>
    public static void Run(string channel, Func<List<byte[]>?> receive, Action<List<byte[]>> handle, TextWriter log, CancellationToken stop)
    {
        while (!stop.IsCancellationRequested)
        {
            try
            {
                if (receive() is { } frames) handle(frames);
            }
            catch (Exception e)
            {
                if (stop.IsCancellationRequested) return;
                log.WriteLine(e is InvalidMessageException
                    ? $"dropped a message on {channel}: {e.Message}"
                    : $"dropped a message on {channel}: {e.GetType().Name}: {e.Message}");
                stop.WaitHandle.WaitOne(PauseAfterFailure);
            }
        }
    }
}
