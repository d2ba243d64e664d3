namespace SeqGan.Research.Notebooks.Jupyter;

/// <summary>A libzmq context: owns the I/O threads behind the kernel's sockets. Dispose it after every
/// socket opened from it is disposed (zmq_ctx_term waits for them).</summary>
internal sealed class ZmqContext : IDisposable
{
    private nint handle;

    public ZmqContext()
    {
        try
        {
            handle = ZmqNative.ContextNew();
        }
        catch (DllNotFoundException e)
        {
            throw new DllNotFoundException("the kernel needs ZeroMQ: install Debian's libzmq5 (scripts/bootstrap.sh does)", e);
        }
        if (handle == 0) throw new IOException($"zmq_ctx_new failed: {ZmqNative.Describe(ZmqNative.Errno())}");
    }

    public ZmqSocket Bind(int type, string endpoint, long maxMessageBytes) => ZmqSocket.Bind(handle, type, endpoint, maxMessageBytes);

    public void Dispose()
    {
        if (handle == 0) return;
        ZmqNative.ContextTerm(handle);
        handle = 0;
    }
}
