using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using SeqGan.Research.Notebooks.Jupyter;

namespace SeqGan.Research.Tests.Notebooks.Jupyter;

/// <summary>Message framing and HMAC signing of the Jupyter wire protocol, without sockets.</summary>
public sealed class WireFormatTests
{
    private const string Key = "5ca1ab1e-0000-4000-8000-000000000000";

    private static readonly MessageSigner Signer = new(Key);

    [Fact]
    public void The_signature_is_hmac_sha256_hex_over_the_four_json_frames()
    {
        byte[][] parts = ["""{"msg_type":"x"}"""u8.ToArray(), "{}"u8.ToArray(), "{}"u8.ToArray(), """{"a":1}"""u8.ToArray()];
        var expected = Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(Key), parts.SelectMany(p => p).ToArray()));
        Assert.Equal(expected, Signer.Sign(parts));
        Assert.True(Signer.Verify(expected, parts));
        Assert.True(Signer.Verify(expected.ToUpperInvariant(), parts));
        Assert.False(Signer.Verify(expected[..^1] + (expected[^1] == '0' ? '1' : '0'), parts));
        Assert.False(new MessageSigner("another key").Verify(expected, parts));
    }

    [Fact]
    public void An_empty_key_turns_signing_off()
    {
        var unsigned = new MessageSigner("");
        Assert.Equal("", unsigned.Sign([[1, 2, 3]]));
        Assert.True(unsigned.Verify("", [[1, 2, 3]]));
    }

    [Fact]
    public void A_message_round_trips_with_its_identities_and_buffers()
    {
        var request = JupyterMessage.Create("session-1", "execute_request", new JsonObject { ["code"] = "1 + 1" }, null, [[7, 7], [8]]);
        var withBuffer = request with { Buffers = [[42]] };
        var frames = WireFormat.Encode(withBuffer, Signer);

        Assert.Equal([7, 7], frames[0]);
        Assert.Equal([8], frames[1]);
        Assert.Equal("<IDS|MSG>", Encoding.ASCII.GetString(frames[2]));
        Assert.Equal(64, frames[3].Length);   // hex of 32 bytes

        var decoded = WireFormat.Decode(frames, Signer);
        Assert.Equal("execute_request", decoded.Type);
        Assert.Equal("1 + 1", decoded.Content["code"]!.GetValue<string>());
        Assert.Equal("5.3", decoded.Header["version"]!.GetValue<string>());
        Assert.Equal(2, decoded.Identities.Count);
        Assert.Equal([42], Assert.Single(decoded.Buffers));
        Assert.Empty(decoded.ParentHeader);
    }

    [Fact]
    public void A_reply_carries_its_request_header_as_parent_and_its_identities()
    {
        var request = JupyterMessage.Create("client", "kernel_info_request", [], null, [[1]]);
        var reply = JupyterMessage.Create("kernel", "kernel_info_reply", new JsonObject { ["status"] = "ok" }, request, request.Identities);
        Assert.Equal(request.Id, reply.ParentHeader["msg_id"]!.GetValue<string>());
        Assert.Equal("kernel", reply.Header["session"]!.GetValue<string>());
        Assert.NotEqual(request.Id, reply.Id);
        Assert.Equal([1], Assert.Single(WireFormat.Decode(WireFormat.Encode(reply, Signer), Signer).Identities));
    }

    [Fact]
    public void A_tampered_frame_fails_the_signature()
    {
        var frames = WireFormat.Encode(JupyterMessage.Create("s", "execute_request", new JsonObject { ["code"] = "1" }, null, []), Signer);
        frames[^1] = Encoding.UTF8.GetBytes("""{"code":"File.Delete(\"x\")"}""");
        var error = Assert.Throws<InvalidMessageException>(() => WireFormat.Decode(frames, Signer));
        Assert.Contains("bad signature", error.Message);
    }

    [Theory]
    [InlineData("no delimiter")]
    [InlineData("too few frames")]
    [InlineData("malformed json")]
    [InlineData("not an object")]
    [InlineData("no msg_type")]
    public void Malformed_messages_are_rejected_with_the_reason(string defect)
    {
        byte[][] parts = defect switch
        {
            "malformed json" => ["{oops"u8.ToArray(), "{}"u8.ToArray(), "{}"u8.ToArray(), "{}"u8.ToArray()],
            "not an object" => ["""{"msg_type":"a"}"""u8.ToArray(), "[]"u8.ToArray(), "{}"u8.ToArray(), "{}"u8.ToArray()],
            "no msg_type" => ["""{"msg_id":"a"}"""u8.ToArray(), "{}"u8.ToArray(), "{}"u8.ToArray(), "{}"u8.ToArray()],
            _ => ["""{"msg_type":"a"}"""u8.ToArray(), "{}"u8.ToArray(), "{}"u8.ToArray(), "{}"u8.ToArray()],
        };
        var signature = Encoding.ASCII.GetBytes(Signer.Sign(parts));
        List<byte[]> frames = defect switch
        {
            "no delimiter" => [signature, .. parts],
            "too few frames" => [WireFormat.Delimiter, signature, .. parts[..3]],
            _ => [WireFormat.Delimiter, signature, .. parts],
        };
        var error = Assert.Throws<InvalidMessageException>(() => WireFormat.Decode(frames, Signer));
        var expected = defect switch
        {
            "no delimiter" => "no <IDS|MSG> delimiter",
            "too few frames" => "at least 5",
            "malformed json" => "the header is not valid JSON",
            "not an object" => "the parent_header is not a JSON object",
            _ => "no msg_type",
        };
        Assert.Contains(expected, error.Message);
    }

    [Theory]
    [InlineData("abc", 2, 2)]
    [InlineData("a😀b", 2, 3)]   // the emoji is one code point, two UTF-16 units
    [InlineData("😀😀x", 3, 5)]
    public void Cursor_positions_convert_between_code_points_and_utf16(string code, int codePoints, int utf16)
    {
        Assert.Equal(utf16, CursorPosition.ToUtf16(code, codePoints));
        Assert.Equal(codePoints, CursorPosition.ToCodePoints(code, utf16));
    }
}
