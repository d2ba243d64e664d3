using System.Reflection;
using System.Text.Json.Nodes;

namespace SeqGan.Research.Notebooks.Jupyter;

/// <summary>The content of the kernel's replies that answer from the code alone — kernel_info, is_complete,
/// complete, inspect — built from the request's content. Cursor positions on the wire count code points.</summary>
internal static class KernelReplies
{
    public static JsonObject IsComplete(JsonObject request)
    {
        var status = CodeCompleteness.Status(Text(request["code"]));
        return status == "incomplete" ? new JsonObject { ["status"] = status, ["indent"] = "" } : new JsonObject { ["status"] = status };
    }

    public static JsonObject Complete(ScriptKernel kernel, JsonObject request)
    {
        var code = Text(request["code"]);
        var utf16Cursor = CursorPosition.ToUtf16(code, CursorOf(request));
        var result = CodeCompletion.Complete(kernel, code, utf16Cursor);
        return new JsonObject
        {
            ["status"] = "ok",
            ["matches"] = new JsonArray(result.Matches.Select(m => (JsonNode)JsonValue.Create(m)).ToArray()),
            ["cursor_start"] = CursorPosition.ToCodePoints(code, result.Start),
            ["cursor_end"] = CursorPosition.ToCodePoints(code, result.End),
            ["metadata"] = new JsonObject(),
        };
    }

    public static JsonObject Inspect(ScriptKernel kernel, JsonObject request)
    {
        var code = Text(request["code"]);
        var text = CodeInspection.Inspect(kernel, code, CursorPosition.ToUtf16(code, CursorOf(request)));
        return new JsonObject
        {
            ["status"] = "ok",
            ["found"] = text is not null,
            ["data"] = text is null ? new JsonObject() : new JsonObject { ["text/plain"] = text },
            ["metadata"] = new JsonObject(),
        };
    }

    public static JsonObject KernelInfo() => new()
    {
        ["status"] = "ok",
        ["protocol_version"] = JupyterMessage.ProtocolVersion,
        ["implementation"] = "seqgan-csharp",
        ["implementation_version"] = typeof(KernelReplies).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "0",
        ["language_info"] = LanguageInfo(),
        ["banner"] = "C# (SeqGan.Research): Roslyn scripting with the kit's namespaces imported and display(...) for figures and tables",
        ["help_links"] = new JsonArray(),
    };

    /// <summary>What notebooks record as their language_info: "csharp" is VS Code's and CodeMirror's name for C#.</summary>
    public static JsonObject LanguageInfo() => new()
    {
        ["codemirror_mode"] = "text/x-csharp",
        ["file_extension"] = ".cs",
        ["mimetype"] = "text/x-csharp",
        ["name"] = KernelSpecInstaller.Language,
        ["pygments_lexer"] = "csharp",
    };

    private static string Text(JsonNode? node) => node is JsonValue value && value.TryGetValue<string>(out var text) ? text : "";

    private static int CursorOf(JsonObject content) =>
        content["cursor_pos"] is JsonValue value && value.TryGetValue<int>(out var cursor) ? cursor : Text(content["code"]).Length;
}
