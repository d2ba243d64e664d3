using System.Security.Cryptography;

namespace SeqGan.Research.Data;

/// <summary>Size and sha256 of a copy of a catalog file, and the wording of a mismatch.</summary>
internal readonly record struct DataFileCheck(long Size, string Sha256)
{
    public static DataFileCheck Of(string path)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16);
        return new DataFileCheck(stream.Length, Convert.ToHexStringLower(SHA256.HashData(stream)));
    }

    public bool Matches(DataCatalogEntry entry) => Size == entry.Size && Sha256 == entry.Sha256;

    /// <summary>Both sizes and both hashes, so that a reader can tell truncation from different content.</summary>
    public string DescribeAgainst(DataCatalogEntry entry)
    {
        var size = Size < entry.Size ? $"truncated: {Size:N0} of {entry.Size:N0} bytes"
            : Size > entry.Size ? $"{Size:N0} bytes, expected {entry.Size:N0}"
            : $"same size ({Size:N0} bytes), different content";
        return $"{size}; sha256 expected {entry.Sha256}, actual {Sha256}";
    }
}
