using System.Text;
using System.Text.Json.Nodes;

namespace SeqGan.Research.Notebooks.Jupyter;

/// <summary>A running cell's outputs published on iopub as they happen, each the child of the execute_request
/// that ran the cell. A <c>display(x)</c> gets a display id, so <c>.Update(y)</c> redraws it in place. Console
/// text is gathered for up to <see cref="StreamFlushDelay"/> and sent as one stream message (as ipykernel does),
/// so a loop that prints thousands of lines does not send thousands of messages; any other output, and the end
/// of the cell (<see cref="Dispose"/>), sends the gathered text first, keeping the order.</summary>
internal sealed class IopubCellOutputs : ICellOutputs, IDisposable
{
    private static readonly TimeSpan StreamFlushDelay = TimeSpan.FromMilliseconds(100);

    private readonly KernelConnection connection;
    private readonly JupyterMessage request;
    private readonly Lock gate = new();
    private readonly List<string?> displayIds = [];
    private readonly StringBuilder pendingText = new();
    private readonly Timer flushTimer;
    private string? pendingStream;
    private bool flushScheduled;
    private bool cellEnded;

    public IopubCellOutputs(KernelConnection connection, JupyterMessage request)
    {
        this.connection = connection;
        this.request = request;
        flushTimer = new Timer(_ => FlushFromTimer());
    }

    public void Write(string streamName, string text)
    {
        if (text.Length == 0) return;
        lock (gate)
        {
            if (pendingStream != streamName) FlushLocked();
            pendingStream = streamName;
            pendingText.Append(text);
            // After the cell (a task it left running): nothing will flush later, so send now.
            if (cellEnded) FlushLocked();
            else if (!flushScheduled)
            {
                flushScheduled = true;
                flushTimer.Change(StreamFlushDelay, Timeout.InfiniteTimeSpan);
            }
        }
    }

    /// <summary>Sends the gathered console text now.</summary>
    public void Flush()
    {
        lock (gate) FlushLocked();
    }

    private void FlushFromTimer()
    {
        try
        {
            Flush();
        }
        catch (Exception e) when (e is IOException or ObjectDisposedException)
        {
            // The kernel is shutting down and its sockets are closed: the text has no one to go to. An exception
            // here, on a timer thread, would end the process.
        }
    }

    /// <summary>The cell has ended: sends what is gathered, and from now on sends console text at once.</summary>
    public void Dispose()
    {
        lock (gate)
        {
            cellEnded = true;
            FlushLocked();
        }
        flushTimer.Dispose();
    }

    private void FlushLocked()
    {
        flushScheduled = false;
        if (pendingStream is null) return;
        connection.Publish("stream", new JsonObject { ["name"] = pendingStream, ["text"] = pendingText.ToString() }, request);
        pendingText.Clear();
        pendingStream = null;
    }

    public int Add(CellOutput output)
    {
        string? displayId = output is DisplayDataOutput ? Guid.NewGuid().ToString("N") : null;
        int position;
        lock (gate)
        {
            FlushLocked();
            displayIds.Add(displayId);
            position = displayIds.Count - 1;
        }
        switch (output)
        {
            case DisplayDataOutput display:
                connection.Publish("display_data", Display(display.Data, displayId!), request);
                break;
            case ExecuteResultOutput result:
                connection.Publish("execute_result", new JsonObject
                {
                    ["execution_count"] = result.ExecutionCount,
                    ["data"] = CellOutput.MessageBundle(result.Data),
                    ["metadata"] = new JsonObject(),
                }, request);
                break;
            case StreamOutput stream:
                Write(stream.Name, stream.Text);
                break;
            case ErrorOutput error:
                connection.Publish("error", ErrorContent(error), request);
                break;
        }
        return position;
    }

    public void Replace(int position, CellOutput output)
    {
        string? displayId;
        lock (gate)
        {
            FlushLocked();
            displayId = displayIds[position];
        }
        if (displayId is not null && output is DisplayDataOutput display)
            connection.Publish("update_display_data", Display(display.Data, displayId), request);
    }

    public static JsonObject ErrorContent(ErrorOutput error) => new()
    {
        ["ename"] = error.Name,
        ["evalue"] = error.Value,
        ["traceback"] = new JsonArray(error.Traceback.Select(line => (JsonNode)JsonValue.Create(line)).ToArray()),
    };

    private static JsonObject Display(IReadOnlyDictionary<string, string> data, string displayId) => new()
    {
        ["data"] = CellOutput.MessageBundle(data),
        ["metadata"] = new JsonObject(),
        ["transient"] = new JsonObject { ["display_id"] = displayId },
    };
}
