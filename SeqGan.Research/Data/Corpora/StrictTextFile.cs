using System.Text;

namespace SeqGan.Research.Data.Corpora;

/// <summary>
/// Reads a UTF-8 text file line by line, rejecting bytes that are not UTF-8 with an error that names the file and
/// line (the default reader would silently turn them into U+FFFD and corrupt the vocabulary).
/// </summary>
public static class StrictTextFile
{
    private static readonly UTF8Encoding Strict = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>Each line (without its LF or CRLF) with its 1-based number; a UTF-8 byte-order mark is skipped.</summary>
    public static IEnumerable<(int Number, string Text)> ReadLines(string path)
    {
        if (!File.Exists(path)) throw new FileNotFoundException($"file not found: {path}", path);
        var bytes = File.ReadAllBytes(path);
        var start = bytes.AsSpan().StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]) ? 3 : 0;
        var lines = new List<(int, string)>();
        var number = 0;
        while (start < bytes.Length)
        {
            var end = Array.IndexOf(bytes, (byte)'\n', start);
            if (end < 0) end = bytes.Length;
            number++;
            var length = end - start;
            if (length > 0 && bytes[end - 1] == '\r') length--;
            try
            {
                lines.Add((number, Strict.GetString(bytes, start, length)));
            }
            catch (DecoderFallbackException e)
            {
                var column = e.Index >= 0 ? $" (byte {e.Index + 1} of the line)" : "";
                throw new InvalidDataException($"{path}:{number}: not valid UTF-8{column}; the corpus must be UTF-8 text", e);
            }
            start = end + 1;
        }
        return lines;
    }
}
