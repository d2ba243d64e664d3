using System.Text.Json.Nodes;

namespace SeqGan.Research.Notebooks.Jupyter;

/// <summary>
/// execute_request: runs the code as the next cell of the shared <see cref="ScriptSession"/>, publishing
/// execute_input, its outputs and its error on iopub, and replies with the execution count. The cell runs on the
/// shell thread; <see cref="Interrupt"/> (from the control thread or SIGINT) cancels it through the session's
/// ambient interruption token, and the kernel lives on with the state from before the cell.
/// </summary>
internal sealed class CellExecution(KernelConnection connection, ScriptSession session)
{
    /// <summary>Jupyter's name for an interrupted cell: front ends show it as they show Python's.</summary>
    public const string InterruptedErrorName = "KeyboardInterrupt";

    private readonly Lock gate = new();
    private CancellationTokenSource? running;
    private int executionCount;

    /// <returns>whether the cell failed and the request asked to stop on error (the default): then the kernel
    /// aborts the execute requests already queued behind it, as ipykernel does, so "Run All" stops at the error</returns>
    public bool Execute(JupyterMessage request)
    {
        var content = request.Content;
        var code = Text(content["code"]) ?? "";
        var silent = Flag(content["silent"]) ?? false;
        var storeHistory = !silent && (Flag(content["store_history"]) ?? true);
        if (storeHistory) executionCount++;
        var count = executionCount;
        if (!silent) connection.Publish("execute_input", new JsonObject { ["code"] = code, ["execution_count"] = count }, request);

        ErrorOutput? error;
        // Disposed before the reply: the cell's last console text goes out ahead of its error and execute_reply.
        using (var outputs = silent ? null : new IopubCellOutputs(connection, request))
        using (var cancellation = new CancellationTokenSource())
        {
            lock (gate) running = cancellation;
            try
            {
                error = session.RunAsync(session.Prepare(code), $"cell {count}", count, (ICellOutputs?)outputs ?? new DiscardedCellOutputs(),
                    cancellation.Token).GetAwaiter().GetResult();
            }
            catch (OperationCanceledException) when (cancellation.IsCancellationRequested)
            {
                error = CellErrors.Rejected(InterruptedErrorName, "the cell was interrupted; the kernel keeps the state from before this cell");
            }
            finally
            {
                lock (gate) running = null;
            }
        }

        if (error is null)
        {
            connection.Reply(connection.Shell, request, "execute_reply", new JsonObject
            {
                ["status"] = "ok",
                ["execution_count"] = count,
                ["user_expressions"] = new JsonObject(),
                ["payload"] = new JsonArray(),
            });
            return false;
        }
        var errorContent = IopubCellOutputs.ErrorContent(error);
        if (!silent) connection.Publish("error", errorContent.DeepClone().AsObject(), request);
        errorContent["status"] = "error";
        errorContent["execution_count"] = count;
        connection.Reply(connection.Shell, request, "execute_reply", errorContent);
        return Flag(content["stop_on_error"]) ?? true;
    }

    /// <summary>Asks the running cell, if any, to stop.</summary>
    public void Interrupt()
    {
        lock (gate) running?.Cancel();
    }

    private static string? Text(JsonNode? node) => node is JsonValue value && value.TryGetValue<string>(out var text) ? text : null;

    private static bool? Flag(JsonNode? node) => node is JsonValue value && value.TryGetValue<bool>(out var flag) ? flag : null;
}
