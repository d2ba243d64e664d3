using System.Text.Json;
using System.Text.Json.Nodes;

namespace SeqGan.Research.Notebooks.Jupyter;

/// <summary>
/// The connection file a Jupyter front end writes before starting the kernel: where to bind the five
/// sockets and the key that signs every message. Every problem is reported naming the file.
/// </summary>
internal sealed record ConnectionInfo(string Transport, string Ip, int ShellPort, int ControlPort, int IopubPort,
    int StdinPort, int HeartbeatPort, string Key, string SignatureScheme)
{
    public static ConnectionInfo Load(string path)
    {
        if (!File.Exists(path)) throw new FileNotFoundException($"connection file not found: {path}", path);
        JsonNode? json;
        try
        {
            json = JsonNode.Parse(File.ReadAllText(path));
        }
        catch (JsonException e)
        {
            throw new InvalidDataException($"connection file {path} is not valid JSON: {e.Message}", e);
        }
        if (json is not JsonObject file) throw new InvalidDataException($"connection file {path} is not a JSON object");

        var info = new ConnectionInfo(
            Text(file, "transport", path, "tcp"), Text(file, "ip", path, null),
            Port(file, "shell_port", path), Port(file, "control_port", path), Port(file, "iopub_port", path),
            Port(file, "stdin_port", path), Port(file, "hb_port", path),
            Text(file, "key", path, ""), Text(file, "signature_scheme", path, MessageSigner.Scheme));
        if (info.Transport is not ("tcp" or "ipc"))
            throw new InvalidDataException($"connection file {path}: transport '{info.Transport}' is neither tcp nor ipc");
        if (info.Key.Length > 0 && info.SignatureScheme != MessageSigner.Scheme)
            throw new InvalidDataException($"connection file {path}: signature_scheme '{info.SignatureScheme}' is not supported (only {MessageSigner.Scheme})");
        return info;
    }

    /// <summary>ZeroMQ's address of the socket on <paramref name="port"/>: ipc sockets are files named ip-port.</summary>
    public string Endpoint(int port) => Transport == "ipc" ? $"ipc://{Ip}-{port}" : $"tcp://{Ip}:{port}";

    private static string Text(JsonObject file, string name, string path, string? fallback)
    {
        var node = file[name];
        if (node is null)
            return fallback ?? throw new InvalidDataException($"connection file {path} has no '{name}'");
        return node is JsonValue value && value.TryGetValue<string>(out var text)
            ? text
            : throw new InvalidDataException($"connection file {path}: '{name}' is not a string");
    }

    private static int Port(JsonObject file, string name, string path)
    {
        var node = file[name] ?? throw new InvalidDataException($"connection file {path} has no '{name}'");
        return node is JsonValue value && value.TryGetValue<int>(out var port) && port is > 0 and < 65536
            ? port
            : throw new InvalidDataException($"connection file {path}: '{name}' is not a port number: {node.ToJsonString()}");
    }
}
