using System.Security.Cryptography;
using System.Text;

namespace SeqGan.Research.Notebooks.Jupyter;

/// <summary>
/// Jupyter's message authentication: HMAC-SHA256, keyed with the connection file's key, over the four JSON
/// frames (header, parent header, metadata, content) exactly as sent, written as lower-case hex. An empty key
/// means signing is off (the signature frame is empty and not checked), as the protocol specifies.
/// </summary>
internal sealed class MessageSigner(string key)
{
    public const string Scheme = "hmac-sha256";

    private readonly byte[] key = Encoding.UTF8.GetBytes(key);

    public bool Enabled => key.Length > 0;

    public string Sign(IReadOnlyList<byte[]> parts)
    {
        if (!Enabled) return "";
        using var hmac = IncrementalHash.CreateHMAC(HashAlgorithmName.SHA256, key);
        foreach (var part in parts) hmac.AppendData(part);
        return Convert.ToHexStringLower(hmac.GetHashAndReset());
    }

    /// <summary>Whether <paramref name="signature"/> is the one of <paramref name="parts"/>; compared in constant time.</summary>
    public bool Verify(string signature, IReadOnlyList<byte[]> parts)
    {
        if (!Enabled) return true;
        var expected = Encoding.ASCII.GetBytes(Sign(parts));
        var given = Encoding.ASCII.GetBytes(signature.ToLowerInvariant());
        return CryptographicOperations.FixedTimeEquals(expected, given);
    }
}
