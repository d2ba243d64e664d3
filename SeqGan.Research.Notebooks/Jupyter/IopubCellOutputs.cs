using System.Text.Json.Nodes;

namespace SeqGan.Research.Notebooks.Jupyter;

/// <summary>A running cell's outputs published on iopub as they happen, each the child of the execute_request
/// that ran the cell. A <c>display(x)</c> gets a display id, so <c>.Update(y)</c> redraws it in place.</summary>
internal sealed class IopubCellOutputs(KernelConnection connection, JupyterMessage request) : ICellOutputs
{
    private readonly Lock gate = new();
    private readonly List<string?> displayIds = [];

    public void Write(string streamName, string text)
    {
        if (text.Length == 0) return;
        connection.Publish("stream", new JsonObject { ["name"] = streamName, ["text"] = text }, request);
    }

    public int Add(CellOutput output)
    {
        string? displayId = output is DisplayDataOutput ? Guid.NewGuid().ToString("N") : null;
        int position;
        lock (gate)
        {
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
        lock (gate) displayId = displayIds[position];
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
