namespace SeqGan.Research.Notebooks.Jupyter;

/// <summary>
/// One bound ZeroMQ socket that sends and receives multipart messages. ZeroMQ sockets are not thread-safe;
/// every call here is taken under the socket's lock (a full memory barrier, which libzmq asks for when a
/// socket moves between threads), so cells may publish from any thread. Receiving waits at most a timeout,
/// so the thread that owns the loop can notice shutdown.
/// </summary>
internal sealed unsafe class ZmqSocket : IDisposable
{
    private readonly Lock gate = new();
    private nint handle;

    private ZmqSocket(nint handle, string endpoint)
    {
        this.handle = handle;
        Endpoint = endpoint;
    }

    public string Endpoint { get; }

    public static ZmqSocket Bind(nint context, int type, string endpoint)
    {
        var handle = ZmqNative.Socket(context, type);
        if (handle == 0) throw new IOException($"zmq_socket failed: {ZmqNative.Describe(ZmqNative.Errno())}");
        var socket = new ZmqSocket(handle, endpoint);
        // Replies still queued at shutdown get a second to leave; then close does not hang.
        socket.SetOption(ZmqNative.OptionLinger, 1000);
        if (ZmqNative.Bind(handle, endpoint) != 0)
        {
            var error = ZmqNative.Describe(ZmqNative.Errno());
            socket.Dispose();
            throw new IOException($"cannot bind {endpoint}: {error}");
        }
        return socket;
    }

    /// <summary>Sends <paramref name="frames"/> as one multipart message.</summary>
    public void Send(IReadOnlyList<byte[]> frames)
    {
        lock (gate)
        {
            ObjectDisposedException.ThrowIf(handle == 0, this);
            for (var i = 0; i < frames.Count; i++)
            {
                var flags = i < frames.Count - 1 ? ZmqNative.SendMore : 0;
                fixed (byte* data = frames[i])
                {
                    while (ZmqNative.Send(handle, data, (nuint)frames[i].Length, flags) < 0)
                    {
                        var errno = ZmqNative.Errno();
                        if (errno != ZmqNative.EIntr) throw new IOException($"sending on {Endpoint} failed: {ZmqNative.Describe(errno)}");
                    }
                }
            }
        }
    }

    /// <summary>The next multipart message, or null when none came within <paramref name="timeoutMilliseconds"/>.</summary>
    public List<byte[]>? Receive(int timeoutMilliseconds)
    {
        lock (gate)
        {
            ObjectDisposedException.ThrowIf(handle == 0, this);
            SetOption(ZmqNative.OptionReceiveTimeout, timeoutMilliseconds);
            var first = ReceiveFrame();
            if (first is null) return null;
            var frames = new List<byte[]> { first };
            // The other parts of a multipart message arrive with the first: no waiting here.
            while (HasMoreFrames()) frames.Add(ReceiveFrame() ?? throw new IOException($"{Endpoint}: a multipart message ended early"));
            return frames;
        }
    }

    private byte[]? ReceiveFrame()
    {
        ZmqNative.Message message;
        ZmqNative.MessageInit(&message);
        try
        {
            while (ZmqNative.MessageReceive(&message, handle, 0) < 0)
            {
                var errno = ZmqNative.Errno();
                if (errno == ZmqNative.EAgain) return null;
                if (errno != ZmqNative.EIntr) throw new IOException($"receiving on {Endpoint} failed: {ZmqNative.Describe(errno)}");
            }
            return new ReadOnlySpan<byte>(ZmqNative.MessageData(&message), checked((int)ZmqNative.MessageSize(&message))).ToArray();
        }
        finally
        {
            ZmqNative.MessageClose(&message);
        }
    }

    private bool HasMoreFrames()
    {
        int more = 0;
        nuint size = sizeof(int);
        if (ZmqNative.GetSocketOption(handle, ZmqNative.OptionReceiveMore, &more, &size) != 0)
            throw new IOException($"zmq_getsockopt on {Endpoint} failed: {ZmqNative.Describe(ZmqNative.Errno())}");
        return more != 0;
    }

    private void SetOption(int option, int value)
    {
        if (ZmqNative.SetSocketOption(handle, option, &value, sizeof(int)) != 0)
            throw new IOException($"zmq_setsockopt({option}) on {Endpoint} failed: {ZmqNative.Describe(ZmqNative.Errno())}");
    }

    public void Dispose()
    {
        lock (gate)
        {
            if (handle == 0) return;
            ZmqNative.Close(handle);
            handle = 0;
        }
    }
}
