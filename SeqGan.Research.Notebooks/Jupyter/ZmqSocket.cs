namespace SeqGan.Research.Notebooks.Jupyter;

/// <summary>
/// One bound ZeroMQ socket that sends and receives multipart messages. ZeroMQ sockets are not thread-safe;
/// every call here is taken under the socket's lock (a full memory barrier, which libzmq asks for when a
/// socket moves between threads), so cells may publish from any thread. Receiving waits at most a timeout,
/// so the thread that owns the loop can notice shutdown. No message larger than the socket's limit is ever held
/// in memory: libzmq disconnects a peer that sends a larger frame before reading it (ZMQ_MAXMSGSIZE), and a
/// multipart message whose frames add up to more is read through and dropped.
/// </summary>
internal sealed unsafe class ZmqSocket : IDisposable
{
    /// <summary>What a frame costs beyond its bytes, so a flood of empty frames counts too.</summary>
    private const int FrameOverhead = 64;

    private readonly Lock gate = new();
    private readonly long maxMessageBytes;
    private nint handle;

    private ZmqSocket(nint handle, string endpoint, long maxMessageBytes)
    {
        this.handle = handle;
        this.maxMessageBytes = maxMessageBytes;
        Endpoint = endpoint;
    }

    public string Endpoint { get; }

    public static ZmqSocket Bind(nint context, int type, string endpoint, long maxMessageBytes)
    {
        if (maxMessageBytes is < 1 or > int.MaxValue) throw new ArgumentOutOfRangeException(nameof(maxMessageBytes), maxMessageBytes, "must lie in 1..2^31-1 bytes");
        var handle = ZmqNative.Socket(context, type);
        if (handle == 0) throw new IOException($"zmq_socket failed: {ZmqNative.Describe(ZmqNative.Errno())}");
        var socket = new ZmqSocket(handle, endpoint, maxMessageBytes);
        // Replies still queued at shutdown get a second to leave; then close does not hang.
        socket.SetOption(ZmqNative.OptionLinger, 1000);
        socket.SetOption(ZmqNative.OptionMaxMessageSize, maxMessageBytes);
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
    /// <exception cref="InvalidMessageException">its frames add up to more than the socket's limit (the message was read
    /// through and dropped, so the next one starts clean)</exception>
    public List<byte[]>? Receive(int timeoutMilliseconds)
    {
        lock (gate)
        {
            ObjectDisposedException.ThrowIf(handle == 0, this);
            SetOption(ZmqNative.OptionReceiveTimeout, timeoutMilliseconds);
            var first = ReceiveFrame();
            if (first is null) return null;
            var frames = new List<byte[]> { first };
            long total = first.Length + FrameOverhead;
            // The other parts of a multipart message arrive with the first: no waiting here.
            while (HasMoreFrames())
            {
                var frame = ReceiveFrame() ?? throw new IOException($"{Endpoint}: a multipart message ended early");
                total += frame.Length + FrameOverhead;
                if (total > maxMessageBytes)
                {
                    frames.Clear();
                    while (HasMoreFrames()) total += DiscardFrame() + FrameOverhead;
                    throw new InvalidMessageException($"a message of {total:N0} bytes or more is over the kernel's limit of {maxMessageBytes:N0} bytes");
                }
                frames.Add(frame);
            }
            return frames;
        }
    }

    private byte[]? ReceiveFrame()
    {
        ZmqNative.Message message;
        ZmqNative.MessageInit(&message);
        try
        {
            if (!ReceiveInto(&message)) return null;
            // At most maxMessageBytes (<= int.MaxValue): libzmq refuses longer frames.
            return new ReadOnlySpan<byte>(ZmqNative.MessageData(&message), (int)ZmqNative.MessageSize(&message)).ToArray();
        }
        finally
        {
            ZmqNative.MessageClose(&message);
        }
    }

    /// <summary>Reads the next part of the current message without copying it; returns its size.</summary>
    private long DiscardFrame()
    {
        ZmqNative.Message message;
        ZmqNative.MessageInit(&message);
        try
        {
            return ReceiveInto(&message) ? (long)ZmqNative.MessageSize(&message) : 0;
        }
        finally
        {
            ZmqNative.MessageClose(&message);
        }
    }

    private bool ReceiveInto(ZmqNative.Message* message)
    {
        while (ZmqNative.MessageReceive(message, handle, 0) < 0)
        {
            var errno = ZmqNative.Errno();
            if (errno == ZmqNative.EAgain) return false;
            if (errno != ZmqNative.EIntr) throw new IOException($"receiving on {Endpoint} failed: {ZmqNative.Describe(errno)}");
        }
        return true;
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

    private void SetOption(int option, long value)
    {
        if (ZmqNative.SetSocketOption(handle, option, &value, sizeof(long)) != 0)
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
