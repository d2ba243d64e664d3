using System.Buffers.Binary;
using System.Text;
using System.Text.Json;
using SeqGan.Research.Tensors;

namespace SeqGan.Research.Storage;

/// <summary>
/// Reader and writer of the safetensors format: an 8-byte little-endian header length, a JSON header
/// { name: { dtype, shape, data_offsets: [begin, end] }, "__metadata__": { string: string } },
/// then the raw little-endian tensor bytes. Every structural problem is reported with the file name.
/// </summary>
public static class Safetensors
{
    private const long MaxHeaderBytes = 100L * 1024 * 1024;

    private static readonly Dictionary<string, DType> DTypesByName = new()
    {
        ["F32"] = DType.Float32,
        ["F64"] = DType.Float64,
        ["I64"] = DType.Int64,
        ["I32"] = DType.Int32,
        ["BOOL"] = DType.Bool,
    };

    private static string NameOf(DType dtype) => DTypesByName.First(kv => kv.Value == dtype).Key;

    /// <summary>Metadata and tensor descriptions of a file, without reading the tensor data.</summary>
    public sealed record Entry(string Name, DType DType, long[] Shape, long Begin, long End);

    public sealed record Header(IReadOnlyList<Entry> Entries, IReadOnlyDictionary<string, string> Metadata, long DataStart);

    public static Dictionary<string, Tensor> Load(string path, Device? device = null) => Load(path, out _, device);

    /// <summary>All tensors of the file by name (not in any dispose scope: the caller disposes them).</summary>
    public static Dictionary<string, Tensor> Load(string path, out IReadOnlyDictionary<string, string> metadata, Device? device = null)
    {
        var bytes = ReadFile(path);
        var header = ParseHeader(path, bytes);
        metadata = header.Metadata;
        var result = new Dictionary<string, Tensor>();
        foreach (var entry in header.Entries)
        {
            var data = bytes.AsSpan((int)(header.DataStart + entry.Begin), (int)(entry.End - entry.Begin));
            result[entry.Name] = Tensor.FromBytes(data, entry.DType, entry.Shape, device).DetachFromDisposeScope();
        }
        return result;
    }

    public static Header ReadHeader(string path) => ParseHeader(path, ReadFile(path));

    private static byte[] ReadFile(string path)
    {
        if (!File.Exists(path)) throw new FileNotFoundException($"safetensors file not found: {path}", path);
        var length = new FileInfo(path).Length;
        if (length > int.MaxValue) throw new InvalidDataException($"{path}: {length} bytes is larger than this reader supports (2 GiB)");
        return File.ReadAllBytes(path);
    }

    private static Header ParseHeader(string path, byte[] bytes)
    {
        if (!BitConverter.IsLittleEndian) throw new PlatformNotSupportedException("safetensors I/O assumes a little-endian machine");
        if (bytes.Length < 8)
            throw new InvalidDataException($"{path}: truncated safetensors file ({bytes.Length} bytes; it must start with an 8-byte header length)");
        var headerLength = BinaryPrimitives.ReadInt64LittleEndian(bytes);
        if (headerLength < 2 || headerLength > MaxHeaderBytes)
            throw new InvalidDataException($"{path}: header length {headerLength} is not plausible (expected 2..{MaxHeaderBytes} bytes); not a safetensors file?");
        if (8 + headerLength > bytes.Length)
            throw new InvalidDataException($"{path}: truncated: the header claims {headerLength} bytes but the file has only {bytes.Length - 8} after the length field");
        var dataStart = 8 + headerLength;
        var dataLength = bytes.Length - dataStart;

        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(bytes.AsMemory(8, (int)headerLength));
        }
        catch (JsonException e)
        {
            throw new InvalidDataException($"{path}: the header is not valid JSON: {e.Message}", e);
        }
        using (document)
        {
            if (document.RootElement.ValueKind != JsonValueKind.Object)
                throw new InvalidDataException($"{path}: the header must be a JSON object");
            var entries = new List<Entry>();
            var metadata = new Dictionary<string, string>();
            var seen = new HashSet<string>(StringComparer.Ordinal);
            foreach (var property in document.RootElement.EnumerateObject())
            {
                // JSON parsers differ on repeated keys (first wins, last wins, error): a file that repeats one is ambiguous.
                if (!seen.Add(property.Name))
                    throw new InvalidDataException($"{path}: the header names '{property.Name}' twice");
                if (property.Name == "__metadata__")
                {
                    if (property.Value.ValueKind != JsonValueKind.Object)
                        throw new InvalidDataException($"{path}: __metadata__ must be an object of strings");
                    foreach (var item in property.Value.EnumerateObject())
                        metadata[item.Name] = item.Value.ValueKind == JsonValueKind.String
                            ? item.Value.GetString()!
                            : throw new InvalidDataException($"{path}: __metadata__ value '{item.Name}' is not a string");
                    continue;
                }
                entries.Add(ParseEntry(path, property));
            }
            ValidateLayout(path, entries, dataLength);
            return new Header(entries, metadata, dataStart);
        }
    }

    private static Entry ParseEntry(string path, JsonProperty property)
    {
        var name = property.Name;
        var value = property.Value;
        if (value.ValueKind != JsonValueKind.Object)
            throw new InvalidDataException($"{path}: tensor '{name}' must be described by an object");
        if (!value.TryGetProperty("dtype", out var dtypeElement) || dtypeElement.ValueKind != JsonValueKind.String)
            throw new InvalidDataException($"{path}: tensor '{name}' has no dtype");
        var dtypeName = dtypeElement.GetString()!;
        if (!DTypesByName.TryGetValue(dtypeName, out var dtype))
            throw new InvalidDataException($"{path}: tensor '{name}' has unsupported dtype '{dtypeName}' (supported: {string.Join(", ", DTypesByName.Keys)})");
        if (!value.TryGetProperty("shape", out var shapeElement) || shapeElement.ValueKind != JsonValueKind.Array)
            throw new InvalidDataException($"{path}: tensor '{name}' has no shape array");
        var shape = shapeElement.EnumerateArray().Select(d =>
            d.ValueKind == JsonValueKind.Number && d.TryGetInt64(out var n) && n >= 0
                ? n
                : throw new InvalidDataException($"{path}: tensor '{name}' has a shape entry that is not a non-negative integer")).ToArray();
        if (!value.TryGetProperty("data_offsets", out var offsets) || offsets.ValueKind != JsonValueKind.Array || offsets.GetArrayLength() != 2)
            throw new InvalidDataException($"{path}: tensor '{name}' needs data_offsets [begin, end]");
        // TryGetInt64 throws (rather than returning false) on a string or null, so check the kind first.
        var begin = offsets[0].ValueKind == JsonValueKind.Number && offsets[0].TryGetInt64(out var b) ? b : -1;
        var end = offsets[1].ValueKind == JsonValueKind.Number && offsets[1].TryGetInt64(out var e) ? e : -1;
        if (begin < 0 || end < begin)
            throw new InvalidDataException($"{path}: tensor '{name}' has invalid data_offsets [{offsets[0]}, {offsets[1]}]");
        long expected;
        try
        {
            // All of it checked: an element count times the element size can wrap to a small, plausible number.
            expected = checked(shape.Aggregate(1L, (x, y) => checked(x * y)) * dtype.ElementSize());
        }
        catch (OverflowException)
        {
            throw new InvalidDataException($"{path}: tensor '{name}' has shape [{string.Join(", ", shape)}], whose size in bytes overflows 64 bits");
        }
        if (end - begin != expected)
            throw new InvalidDataException(
                $"{path}: tensor '{name}' ({dtypeName} [{string.Join(", ", shape)}]) needs {expected} bytes but data_offsets [{begin}, {end}] span {end - begin}");
        return new Entry(name, dtype, shape, begin, end);
    }

    private static void ValidateLayout(string path, List<Entry> entries, long dataLength)
    {
        long position = 0;
        foreach (var entry in entries.OrderBy(e => e.Begin).ThenBy(e => e.End))
        {
            if (entry.End > dataLength)
                throw new InvalidDataException(
                    $"{path}: truncated or lying header: tensor '{entry.Name}' ends at byte {entry.End} of the data section, which has only {dataLength} bytes");
            if (entry.Begin != position)
                throw new InvalidDataException(
                    entry.Begin < position
                        ? $"{path}: tensor '{entry.Name}' overlaps the previous tensor (starts at {entry.Begin}, previous ends at {position})"
                        : $"{path}: gap in the data section before tensor '{entry.Name}' (bytes {position}..{entry.Begin} belong to no tensor)");
            position = entry.End;
        }
        if (position != dataLength)
            throw new InvalidDataException($"{path}: {dataLength - position} bytes after the last tensor belong to no tensor");
    }

    /// <summary>Writes the tensors (in the given order) atomically: a crash never leaves a half-written file.</summary>
    public static void Save(string path, IReadOnlyDictionary<string, Tensor> tensors, IReadOnlyDictionary<string, string>? metadata = null)
    {
        var header = new Dictionary<string, object>();
        if (metadata is { Count: > 0 }) header["__metadata__"] = metadata;
        var blobs = new List<byte[]>();
        long offset = 0;
        foreach (var (name, tensor) in tensors)
        {
            if (name == "__metadata__") throw new ArgumentException("'__metadata__' is reserved and cannot name a tensor", nameof(tensors));
            var bytes = tensor.ToBytes();
            header[name] = new Dictionary<string, object>
            {
                ["dtype"] = NameOf(tensor.DType),
                ["shape"] = tensor.Shape,
                ["data_offsets"] = new[] { offset, offset + bytes.LongLength },
            };
            blobs.Add(bytes);
            offset += bytes.LongLength;
        }
        var json = Encoding.UTF8.GetBytes(JsonSerializer.Serialize(header));
        var headerBytes = new byte[(json.Length + 7) / 8 * 8];  // space-padded: keeps the data 8-byte aligned
        json.CopyTo(headerBytes, 0);
        headerBytes.AsSpan(json.Length).Fill((byte)' ');
        AtomicFile.Write(path, stream =>
        {
            Span<byte> length = stackalloc byte[8];
            BinaryPrimitives.WriteInt64LittleEndian(length, headerBytes.Length);
            stream.Write(length);
            stream.Write(headerBytes);
            foreach (var blob in blobs) stream.Write(blob);
        });
    }
}
