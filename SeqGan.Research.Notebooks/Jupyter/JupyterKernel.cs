using System.Runtime.InteropServices;
using System.Text.Json.Nodes;

namespace SeqGan.Research.Notebooks.Jupyter;

/// <summary>
/// A Jupyter kernel (messaging protocol 5.3) for C# notebooks, on the same Roslyn session as
/// <c>seqgan notebook run</c>. Shell requests are served one at a time on one thread (a cell runs there);
/// control (interrupt, shutdown) and the heartbeat have threads of their own, so they answer while a cell
/// computes. A malformed, badly signed, replayed or oversized message is logged on stderr and dropped; no request,
/// and no failure in serving one, ends a channel or kills the kernel.
/// </summary>
public sealed class JupyterKernel : IDisposable
{
    private const int PollMilliseconds = 100;

    /// <summary>The default limit of one incoming message (256 MiB).</summary>
    public const long DefaultMaxMessageBytes = KernelConnection.DefaultMaxMessageBytes;

    private readonly KernelConnection connection;
    private readonly ScriptSession session;
    private readonly CellExecution execution;
    private readonly TextWriter log;
    private readonly CancellationTokenSource stop = new();

    /// <param name="log">where dropped messages and kernel errors are reported (the front end shows the
    /// kernel's stderr in its log); taken here, since a running cell redirects <see cref="Console.Error"/></param>
    /// <param name="maxMessageBytes">the largest message the kernel accepts on any socket</param>
    public JupyterKernel(string connectionFile, TextWriter log, IEnumerable<IDisplayFormatter>? displayFormatters = null,
        long maxMessageBytes = DefaultMaxMessageBytes)
    {
        this.log = log;
        var info = ConnectionInfo.Load(connectionFile);
        if (info.Key.Length == 0)
            log.WriteLine($"warning: {connectionFile} has no key, so messages are not signed: anyone who can reach the kernel's ports can run code as this user");
        connection = new KernelConnection(info, maxMessageBytes);
        // Jupyter and VS Code start the kernel in the notebook's folder: relative #r paths resolve there.
        session = new ScriptSession(Environment.CurrentDirectory, displayFormatters ?? new NotebookRunOptions().DisplayFormatters);
        execution = new CellExecution(connection, session);
    }

    /// <summary>Serves requests until a shutdown_request.</summary>
    public void Run()
    {
        using var interruptSignal = PosixSignalRegistration.Create(PosixSignal.SIGINT, signal =>
        {
            // Jupyter's default interrupt is SIGINT: stop the cell, not the kernel.
            signal.Cancel = true;
            execution.Interrupt();
        });
        var heartbeat = new Heartbeat(connection.Heartbeat, log).Start(stop.Token);
        ParentProcessWatch.Start(() =>
        {
            log.WriteLine("the process that started this kernel is gone: shutting down");
            execution.Interrupt();
            stop.Cancel();
        }, stop.Token);
        var control = new Thread(() => Serve(connection.Control, "control")) { IsBackground = true, Name = "jupyter control" };
        // Cells run on the shell thread: give it the main thread's 8 MB stack (a secondary thread gets 1.5 MB),
        // so deep recursion in a cell or in Roslyn fails here no sooner than under `seqgan notebook run`.
        var shell = new Thread(() => Serve(connection.Shell, "shell"), maxStackSize: 8 * 1024 * 1024) { IsBackground = true, Name = "jupyter shell" };
        connection.Publish("status", new JsonObject { ["execution_state"] = "starting" }, null);
        control.Start();
        shell.Start();
        stop.Token.WaitHandle.WaitOne();
        // A cell that ignores the interruption must not keep the process alive after shutdown.
        shell.Join(TimeSpan.FromSeconds(3));
        control.Join(TimeSpan.FromSeconds(1));
        heartbeat.Join(TimeSpan.FromSeconds(1));
    }

    private void Serve(ZmqSocket socket, string channel) =>
        ChannelLoop.Run(channel, () => socket.Receive(PollMilliseconds), frames =>
        {
            if (Decode(frames, channel) is { } request) Handle(socket, channel, request);
        }, log, stop.Token);

    /// <summary>After a failed or interrupted cell: answers the execute requests already waiting on the shell
    /// socket with status "aborted" instead of running them (JupyterLab's "Run All" sends every cell at once, and
    /// the cells after a failure would only fail in turn). Other requests waiting there are served as usual.</summary>
    private void AbortQueuedExecutions(ZmqSocket shell)
    {
        while (true)
        {
            List<byte[]>? frames;
            try
            {
                frames = shell.Receive(timeoutMilliseconds: 0);
            }
            catch (InvalidMessageException e)
            {
                log.WriteLine($"dropped a message on shell: {e.Message}");
                continue;
            }
            if (frames is null) return;
            if (Decode(frames, "shell") is not { } request) continue;
            if (request.Type != "execute_request")
            {
                Handle(shell, "shell", request);
                continue;
            }
            connection.Publish("status", new JsonObject { ["execution_state"] = "busy" }, request);
            connection.Reply(shell, request, "execute_reply", new JsonObject { ["status"] = "aborted" });
            connection.Publish("status", new JsonObject { ["execution_state"] = "idle" }, request);
        }
    }

    /// <summary>The signed message in <paramref name="frames"/>, or null (logged) when it is badly signed or malformed:
    /// such a message is dropped and the kernel goes on.</summary>
    private JupyterMessage? Decode(List<byte[]> frames, string channel)
    {
        try
        {
            return WireFormat.Decode(frames, connection.Signer, connection.Accepted);
        }
        catch (InvalidMessageException e)
        {
            log.WriteLine($"dropped a message on {channel}: {e.Message}");
            return null;
        }
    }

    private void Handle(ZmqSocket socket, string channel, JupyterMessage request)
    {
        connection.Publish("status", new JsonObject { ["execution_state"] = "busy" }, request);
        try
        {
            Dispatch(socket, channel, request);
        }
        catch (Exception e)
        {
            // A bug in serving one request (not in a cell: cells report their own errors) must not end the kernel.
            log.WriteLine($"{channel}: {request.Type} {request.Id} failed: {e}");
        }
        finally
        {
            connection.Publish("status", new JsonObject { ["execution_state"] = "idle" }, request);
        }
    }

    private void Dispatch(ZmqSocket socket, string channel, JupyterMessage request)
    {
        var content = request.Content;
        switch (request.Type)
        {
            case "kernel_info_request":
                connection.Reply(socket, request, "kernel_info_reply", KernelReplies.KernelInfo());
                break;
            case "execute_request" when channel == "shell":
                // Before this request's idle status: a client that waits for it before sending more is never aborted.
                if (execution.Execute(request)) AbortQueuedExecutions(socket);
                break;
            case "is_complete_request":
                connection.Reply(socket, request, "is_complete_reply", KernelReplies.IsComplete(content));
                break;
            case "complete_request":
                connection.Reply(socket, request, "complete_reply", KernelReplies.Complete(session.Kernel, content));
                break;
            case "inspect_request":
                connection.Reply(socket, request, "inspect_reply", KernelReplies.Inspect(session.Kernel, content));
                break;
            case "comm_info_request":
                connection.Reply(socket, request, "comm_info_reply", new JsonObject { ["status"] = "ok", ["comms"] = new JsonObject() });
                break;
            case "history_request":
                connection.Reply(socket, request, "history_reply", new JsonObject { ["status"] = "ok", ["history"] = new JsonArray() });
                break;
            case "interrupt_request":
                execution.Interrupt();
                connection.Reply(socket, request, "interrupt_reply", new JsonObject { ["status"] = "ok" });
                break;
            case "shutdown_request":
                var reply = new JsonObject { ["status"] = "ok", ["restart"] = content["restart"]?.DeepClone() ?? false };
                connection.Reply(socket, request, "shutdown_reply", reply);
                connection.Publish("shutdown_reply", reply.DeepClone().AsObject(), request);
                execution.Interrupt();
                stop.Cancel();
                break;
            default:
                log.WriteLine($"{channel}: unsupported message type '{request.Type}' ignored");
                break;
        }
    }

    public void Dispose()
    {
        stop.Cancel();
        connection.Dispose();
        stop.Dispose();
    }
}
