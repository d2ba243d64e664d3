using System.Globalization;
using SeqGan.Research.Tensors;

namespace SeqGan.Research.Data;

/// <summary>
/// Sequences of token ids, one per line, separated by spaces — the format of the paper's
/// save/real_data.txt and of every sample file the kit writes or scores.
/// </summary>
public static class TokenSequenceFile
{
    /// <summary>Reads all sequences; each must have <paramref name="length"/> ids in [0, vocabularySize).
    /// Blank lines are skipped; anything else malformed is an error naming the file and line.</summary>
    public static long[][] Read(string path, int length, int vocabularySize)
    {
        if (!File.Exists(path)) throw new FileNotFoundException($"token sequence file not found: {path}", path);
        var sequences = new List<long[]>();
        var lineNumber = 0;
        foreach (var line in File.ReadLines(path))
        {
            lineNumber++;
            if (string.IsNullOrWhiteSpace(line)) continue;
            var fields = line.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
            if (fields.Length != length)
                throw new InvalidDataException($"{path}:{lineNumber}: expected {length} token ids, found {fields.Length}");
            var sequence = new long[length];
            for (var i = 0; i < length; i++)
            {
                if (!long.TryParse(fields[i], NumberStyles.None, CultureInfo.InvariantCulture, out var id) || id >= vocabularySize)
                    throw new InvalidDataException($"{path}:{lineNumber}: token {i + 1} is '{fields[i]}', expected an integer id in [0, {vocabularySize})");
                sequence[i] = id;
            }
            sequences.Add(sequence);
        }
        if (sequences.Count == 0) throw new InvalidDataException($"{path}: contains no sequences");
        return sequences.ToArray();
    }

    /// <summary>The sequences as an int64 tensor [N, length].</summary>
    public static Tensor ReadTensor(string path, int length, int vocabularySize, Device? device = null)
    {
        var sequences = Read(path, length, vocabularySize);
        var flat = new long[sequences.Length * length];
        for (var i = 0; i < sequences.Length; i++) sequences[i].CopyTo(flat, i * length);
        return Tensor.FromSpan<long>(flat, [sequences.Length, length], device);
    }

    public static void Write(string path, Tensor tokens)
    {
        if (tokens.Dimensions != 2) throw new ArgumentException($"expected a [N, T] token tensor, got {tokens}", nameof(tokens));
        var values = tokens.To(DType.Int64).ToArray<long>();
        var width = (int)tokens.Size(1);
        var lines = Enumerable.Range(0, (int)tokens.Size(0))
            .Select(i => string.Join(' ', values.AsSpan(i * width, width).ToArray()));
        Storage.AtomicFile.WriteAllText(path, string.Join('\n', lines) + "\n");
    }
}
