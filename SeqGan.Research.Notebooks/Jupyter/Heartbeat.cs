namespace SeqGan.Research.Notebooks.Jupyter;

/// <summary>Echoes every heartbeat ping on its own thread, so a front end sees the kernel alive even while a
/// cell computes for minutes.</summary>
internal sealed class Heartbeat(ZmqSocket socket, TextWriter log)
{
    public Thread Start(CancellationToken stop)
    {
        var thread = new Thread(() => Run(stop)) { IsBackground = true, Name = "jupyter heartbeat" };
        thread.Start();
        return thread;
    }

    private void Run(CancellationToken stop) =>
        ChannelLoop.Run("heartbeat", () => socket.Receive(timeoutMilliseconds: 200), socket.Send, log, stop);
}
