namespace SeqGan.Research.Notebooks.Jupyter;

/// <summary>Jupyter counts cursor positions in Unicode code points (protocol 5.2 on); .NET strings index
/// UTF-16 code units. The two differ after any character outside the Basic Multilingual Plane (an emoji).</summary>
internal static class CursorPosition
{
    public static int ToUtf16(string code, int codePoints)
    {
        var index = 0;
        for (var seen = 0; seen < codePoints && index < code.Length; seen++)
            index += char.IsHighSurrogate(code[index]) && index + 1 < code.Length && char.IsLowSurrogate(code[index + 1]) ? 2 : 1;
        return index;
    }

    public static int ToCodePoints(string code, int utf16Index)
    {
        var count = 0;
        for (var i = 0; i < utf16Index && i < code.Length; i++, count++)
            if (char.IsHighSurrogate(code[i]) && i + 1 < code.Length && char.IsLowSurrogate(code[i + 1])) i++;
        return count;
    }
}
