using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace SeqGan.Research.Notebooks.Jupyter;

/// <summary>
/// The frames of a message on the wire: identities, the delimiter <c>&lt;IDS|MSG&gt;</c>, the HMAC signature,
/// header, parent header, metadata, content, then binary buffers. Decoding checks the signature over the JSON
/// frames as received before parsing them, so a message from someone without the key is never acted on.
/// </summary>
internal static class WireFormat
{
    public static readonly byte[] Delimiter = "<IDS|MSG>"u8.ToArray();

    public static List<byte[]> Encode(JupyterMessage message, MessageSigner signer)
    {
        var parts = new[] { message.Header, message.ParentHeader, message.Metadata, message.Content }
            .Select(part => Encoding.UTF8.GetBytes(part.ToJsonString())).ToArray();
        return [.. message.Identities, Delimiter, Encoding.ASCII.GetBytes(signer.Sign(parts)), .. parts, .. message.Buffers];
    }

    /// <param name="history">the signatures already accepted: a message whose signature is among them is a replay
    /// (null: not checked)</param>
    /// <exception cref="InvalidMessageException">no delimiter, missing frames, a bad signature, a replayed message, or
    /// JSON parts that are not JSON objects</exception>
    public static JupyterMessage Decode(IReadOnlyList<byte[]> frames, MessageSigner signer, SignatureHistory? history = null)
    {
        var delimiter = -1;
        for (var i = 0; i < frames.Count && delimiter < 0; i++)
            if (frames[i].AsSpan().SequenceEqual(Delimiter)) delimiter = i;
        if (delimiter < 0) throw new InvalidMessageException("no <IDS|MSG> delimiter frame");
        if (frames.Count < delimiter + 6) throw new InvalidMessageException($"{frames.Count - delimiter - 1} frames after the delimiter; a message has at least 5");

        var signature = Encoding.ASCII.GetString(frames[delimiter + 1]);
        var parts = frames.Skip(delimiter + 2).Take(4).ToArray();
        if (!signer.Verify(signature, parts)) throw new InvalidMessageException("bad signature (not signed with this kernel's key)");
        if (signer.Enabled && history is not null && !history.Add(signature.ToLowerInvariant()))
            throw new InvalidMessageException("replayed message (its signature was already accepted once)");

        var header = ParseObject(parts[0], "header");
        if (header["msg_type"] is not JsonValue type || !type.TryGetValue<string>(out _))
            throw new InvalidMessageException("the header has no msg_type");
        return new JupyterMessage(frames.Take(delimiter).ToList(), header, ParseObject(parts[1], "parent_header"),
            ParseObject(parts[2], "metadata"), ParseObject(parts[3], "content"), frames.Skip(delimiter + 6).ToList());
    }

    private static JsonObject ParseObject(byte[] frame, string name)
    {
        try
        {
            return JsonNode.Parse(frame) as JsonObject ?? throw new InvalidMessageException($"the {name} is not a JSON object");
        }
        catch (JsonException e)
        {
            throw new InvalidMessageException($"the {name} is not valid JSON: {e.Message}");
        }
    }
}

/// <summary>A message the kernel drops (and logs): malformed, or not signed with its key.</summary>
internal sealed class InvalidMessageException(string message) : Exception(message);
