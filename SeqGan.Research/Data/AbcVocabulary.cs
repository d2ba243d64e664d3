namespace SeqGan.Research.Data;

/// <summary>
/// The 2017 ORGAN music vocabulary: start token '^' = id 0, the corpus tokens numbered 1, 2, … in order of first
/// appearance, then the pad '_' and a dummy 'hi'. The data also contains a bare '_' token (a flat sign); its
/// entry is overwritten by the pad, as in the original, so the model's size is the number of distinct ids an
/// encoder can use (211 on the paper's corpus) and the dummy's id is never produced. Decoding maps ids back
/// to tokens, strips trailing '_' and joins with single spaces: the string every music metric sees.
/// </summary>
public sealed class AbcVocabulary
{
    public const string StartToken = "^";
    public const string PadToken = "_";
    private const string DummyToken = "hi";

    private readonly string[] tokens;
    private readonly Dictionary<string, int> ids;

    private AbcVocabulary(string[] tokens, Dictionary<string, int> ids)
    {
        this.tokens = tokens;
        this.ids = ids;
    }

    /// <summary>Same tunes in the same order give the same ids (no hashing, no sorting).</summary>
    public static AbcVocabulary Build(IEnumerable<IReadOnlyList<string>> tunes)
    {
        var ordered = new List<string> { StartToken };
        var ids = new Dictionary<string, int>(StringComparer.Ordinal) { [StartToken] = 0 };
        foreach (var tune in tunes)
            foreach (var token in tune)
                if (ids.TryAdd(token, ordered.Count)) ordered.Add(token);
        ids[PadToken] = ordered.Count;   // overwrites a data token '_', as the original's dictionary does
        ordered.Add(PadToken);
        ids[DummyToken] = ordered.Count;
        ordered.Add(DummyToken);
        return new AbcVocabulary([.. ordered], ids);
    }

    /// <summary>Size of the embedding and softmax: the dictionary's entries (the dummy's id lies just outside).</summary>
    public int Size => ids.Count;

    public int PadId => ids[PadToken];

    public int StartId => 0;

    public string Token(long id) =>
        id >= 0 && id < tokens.Length ? tokens[id] : throw new ArgumentOutOfRangeException(nameof(id), id, $"not an id of this vocabulary (0..{tokens.Length - 1})");

    public int Id(string token) =>
        ids.TryGetValue(token, out var id) ? id : throw new KeyNotFoundException($"token '{token}' is not in the vocabulary");

    /// <summary>A tune as ids, right-padded with the pad id to <paramref name="length"/>.</summary>
    public long[] Encode(IReadOnlyList<string> tune, int length)
    {
        if (tune.Count > length) throw new ArgumentException($"a tune of {tune.Count} tokens does not fit length {length}", nameof(tune));
        var row = new long[length];
        for (var i = 0; i < length; i++) row[i] = i < tune.Count ? Id(tune[i]) : PadId;
        return row;
    }

    /// <summary>The tokens of a row with trailing '_' removed.</summary>
    public IReadOnlyList<string> DecodeTokens(ReadOnlySpan<long> row)
    {
        var end = row.Length;
        while (end > 0 && Token(row[end - 1]) == PadToken) end--;
        var result = new string[end];
        for (var i = 0; i < end; i++) result[i] = Token(row[i]);
        return result;
    }

    /// <summary>The space-joined string the 2017 metrics and the diversity measure read.</summary>
    public string Decode(ReadOnlySpan<long> row) => string.Join(' ', DecodeTokens(row));
}
