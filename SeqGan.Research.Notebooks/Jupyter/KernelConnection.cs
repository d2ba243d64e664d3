using System.Text.Json.Nodes;

namespace SeqGan.Research.Notebooks.Jupyter;

/// <summary>
/// The kernel's five sockets, bound where the connection file says, and the signing of what goes out:
/// shell and control (ROUTER: requests and replies), iopub (PUB: status, outputs), stdin (ROUTER: bound
/// because front ends connect to it; cells get no input) and heartbeat (REP: echoed by <see cref="Heartbeat"/>).
/// </summary>
internal sealed class KernelConnection : IDisposable
{
    private readonly ZmqContext context = new();
    private readonly List<ZmqSocket> sockets = [];

    /// <summary>The default limit of one incoming message: generous (widget and file-upload messages can be large),
    /// yet far from what would exhaust memory.</summary>
    public const long DefaultMaxMessageBytes = 256L << 20;

    /// <param name="maxMessageBytes">the largest incoming message on any socket; a peer that sends a larger frame is
    /// disconnected by libzmq, a larger multipart message dropped</param>
    public KernelConnection(ConnectionInfo info, long maxMessageBytes = DefaultMaxMessageBytes)
    {
        Signer = new MessageSigner(info.Key);
        try
        {
            Shell = Open(ZmqNative.Router, info.Endpoint(info.ShellPort), maxMessageBytes);
            Control = Open(ZmqNative.Router, info.Endpoint(info.ControlPort), maxMessageBytes);
            Iopub = Open(ZmqNative.Pub, info.Endpoint(info.IopubPort), maxMessageBytes);
            Stdin = Open(ZmqNative.Router, info.Endpoint(info.StdinPort), maxMessageBytes);
            Heartbeat = Open(ZmqNative.Rep, info.Endpoint(info.HeartbeatPort), maxMessageBytes);
        }
        catch
        {
            Dispose();
            throw;
        }
    }

    /// <summary>This kernel run's session id, in the header of every message it sends.</summary>
    public string Session { get; } = Guid.NewGuid().ToString();

    public MessageSigner Signer { get; }

    /// <summary>The signatures of the requests accepted so far, against replays.</summary>
    public SignatureHistory Accepted { get; } = new();

    public ZmqSocket Shell { get; } = null!;
    public ZmqSocket Control { get; } = null!;
    public ZmqSocket Iopub { get; } = null!;
    public ZmqSocket Stdin { get; } = null!;
    public ZmqSocket Heartbeat { get; } = null!;

    /// <summary>Broadcasts on iopub, topic <c>kernel.SESSION.TYPE</c> as ipykernel names it.</summary>
    public void Publish(string type, JsonObject content, JupyterMessage? parent)
    {
        var topic = System.Text.Encoding.UTF8.GetBytes($"kernel.{Session}.{type}");
        Iopub.Send(WireFormat.Encode(JupyterMessage.Create(Session, type, content, parent, [topic]), Signer));
    }

    /// <summary>Answers <paramref name="request"/> on the socket it came from, routed back to its sender.</summary>
    public void Reply(ZmqSocket socket, JupyterMessage request, string type, JsonObject content) =>
        socket.Send(WireFormat.Encode(JupyterMessage.Create(Session, type, content, request, request.Identities), Signer));

    private ZmqSocket Open(int type, string endpoint, long maxMessageBytes)
    {
        var socket = context.Bind(type, endpoint, maxMessageBytes);
        sockets.Add(socket);
        return socket;
    }

    public void Dispose()
    {
        foreach (var socket in sockets) socket.Dispose();
        context.Dispose();
    }
}
