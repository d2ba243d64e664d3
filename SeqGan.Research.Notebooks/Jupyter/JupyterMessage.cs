using System.Globalization;
using System.Text.Json.Nodes;

namespace SeqGan.Research.Notebooks.Jupyter;

/// <summary>One message of the Jupyter messaging protocol: the routing identities of a ROUTER socket
/// (or an iopub topic), the four JSON parts and any binary buffers.</summary>
internal sealed record JupyterMessage(IReadOnlyList<byte[]> Identities, JsonObject Header, JsonObject ParentHeader,
    JsonObject Metadata, JsonObject Content, IReadOnlyList<byte[]> Buffers)
{
    public const string ProtocolVersion = "5.3";

    public string Type => Header["msg_type"] is JsonValue value && value.TryGetValue<string>(out var type) ? type : "";

    public string Id => Header["msg_id"] is JsonValue value && value.TryGetValue<string>(out var id) ? id : "";

    /// <summary>A message of <paramref name="type"/> answering or caused by <paramref name="parent"/>
    /// (null: none, e.g. the kernel's first status), from the kernel's <paramref name="session"/>.</summary>
    public static JupyterMessage Create(string session, string type, JsonObject content, JupyterMessage? parent, IReadOnlyList<byte[]> identities) =>
        new(identities, NewHeader(session, type), parent?.Header.DeepClone().AsObject() ?? [], [], content, []);

    private static JsonObject NewHeader(string session, string type) => new()
    {
        ["msg_id"] = Guid.NewGuid().ToString("N"),
        ["session"] = session,
        ["username"] = "kernel",
        ["date"] = DateTimeOffset.UtcNow.ToString("yyyy-MM-ddTHH:mm:ss.ffffffZ", CultureInfo.InvariantCulture),
        ["msg_type"] = type,
        ["version"] = ProtocolVersion,
    };
}
