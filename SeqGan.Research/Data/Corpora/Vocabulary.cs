using System.Text.Json;
using System.Text.Json.Nodes;
using SeqGan.Research.Storage;

namespace SeqGan.Research.Data.Corpora;

/// <summary>
/// Maps tokens to ids and back. Ids are dense from 0 in <see cref="Tokens"/> order. A vocabulary may have a
/// padding token (fills sequences shorter than the model's length; decoding stops at the first one) and an
/// unknown token (what rare or unseen tokens become, e.g. <c>OTHERS</c> in the paper's Obama samples).
/// </summary>
public sealed class Vocabulary
{
    private readonly Dictionary<string, int> ids;

    public Vocabulary(IReadOnlyList<string> tokens, string? padToken = null, string? unknownToken = null)
    {
        ArgumentNullException.ThrowIfNull(tokens);
        if (tokens.Count == 0) throw new ArgumentException("a vocabulary needs at least one token", nameof(tokens));
        ids = new Dictionary<string, int>(tokens.Count, StringComparer.Ordinal);
        for (var i = 0; i < tokens.Count; i++)
        {
            if (string.IsNullOrEmpty(tokens[i])) throw new ArgumentException($"token {i} is empty", nameof(tokens));
            if (!ids.TryAdd(tokens[i], i)) throw new ArgumentException($"token '{tokens[i]}' is listed twice (ids {ids[tokens[i]]} and {i})", nameof(tokens));
        }
        Tokens = tokens.ToArray();
        if (padToken is not null && !ids.ContainsKey(padToken)) throw new ArgumentException($"padding token '{padToken}' is not in the vocabulary");
        if (unknownToken is not null && !ids.ContainsKey(unknownToken)) throw new ArgumentException($"unknown token '{unknownToken}' is not in the vocabulary");
        PadToken = padToken;
        UnknownToken = unknownToken;
    }

    public IReadOnlyList<string> Tokens { get; }
    public int Count => Tokens.Count;
    public string? PadToken { get; }
    public string? UnknownToken { get; }
    public int? PadId => PadToken is null ? null : ids[PadToken];
    public int? UnknownId => UnknownToken is null ? null : ids[UnknownToken];

    /// <summary>
    /// The <paramref name="maxSize"/> most frequent tokens of <paramref name="sequences"/> (ties broken by ordinal
    /// order, so the result does not depend on input order), after <paramref name="reserved"/> tokens, which take ids 0, 1, ….
    /// </summary>
    public static Vocabulary Build(IEnumerable<IReadOnlyList<string>> sequences, IReadOnlyList<string>? reserved = null,
        int? maxSize = null, string? padToken = null, string? unknownToken = null)
    {
        reserved ??= [];
        var counts = new Dictionary<string, long>(StringComparer.Ordinal);
        foreach (var sequence in sequences)
            foreach (var token in sequence)
                counts[token] = counts.GetValueOrDefault(token) + 1;
        var ranked = counts.Where(kv => !reserved.Contains(kv.Key))
            .OrderByDescending(kv => kv.Value).ThenBy(kv => kv.Key, StringComparer.Ordinal).Select(kv => kv.Key);
        if (maxSize is { } max)
        {
            if (max <= reserved.Count) throw new ArgumentException($"vocabulary size {max} leaves no room beside the {reserved.Count} reserved tokens");
            ranked = ranked.Take(max - reserved.Count);
        }
        return new Vocabulary(reserved.Concat(ranked).ToList(), padToken, unknownToken);
    }

    public bool Contains(string token) => ids.ContainsKey(token);

    public int IdOf(string token) =>
        ids.TryGetValue(token, out var id) ? id
        : UnknownId ?? throw new KeyNotFoundException($"token '{token}' is not in the vocabulary (which has no unknown token)");

    public string TokenOf(int id) =>
        id >= 0 && id < Count ? Tokens[id] : throw new ArgumentOutOfRangeException(nameof(id), id, $"not an id of this vocabulary of {Count} tokens");

    /// <summary>Ids of <paramref name="tokens"/>; tokens not in the vocabulary become the unknown token and are listed in <see cref="EncodedSequence.Unknown"/>.</summary>
    public EncodedSequence Encode(IReadOnlyList<string> tokens)
    {
        var result = new int[tokens.Count];
        List<string>? unknown = null;
        for (var i = 0; i < tokens.Count; i++)
        {
            if (ids.TryGetValue(tokens[i], out var id)) { result[i] = id; continue; }
            (unknown ??= []).Add(tokens[i]);
            result[i] = UnknownId ?? throw new KeyNotFoundException($"token '{tokens[i]}' is not in the vocabulary (which has no unknown token)");
        }
        return new EncodedSequence(result, unknown ?? []);
    }

    /// <summary>Tokens of <paramref name="sequence"/> up to (not including) the first padding id.</summary>
    public IReadOnlyList<string> Decode(IEnumerable<long> sequence)
    {
        var tokens = new List<string>();
        foreach (var id in sequence)
        {
            if (PadId is { } pad && id == pad) break;
            tokens.Add(TokenOf(checked((int)id)));
        }
        return tokens;
    }

    /// <summary>The ids of <paramref name="sequence"/> up to the first padding id (what BLEU compares).</summary>
    public int[] Content(IEnumerable<long> sequence)
    {
        var content = new List<int>();
        foreach (var id in sequence)
        {
            if (PadId is { } pad && id == pad) break;
            content.Add(checked((int)id));
        }
        return content.ToArray();
    }

    public JsonObject ToJson() => new()
    {
        ["format"] = 1,
        ["padToken"] = PadToken,
        ["unknownToken"] = UnknownToken,
        ["tokens"] = new JsonArray(Tokens.Select(t => (JsonNode)JsonValue.Create(t)).ToArray()),
    };

    public void Save(string path) =>
        AtomicFile.WriteAllText(path, ToJson().ToJsonString(new JsonSerializerOptions { WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }));

    public static Vocabulary Load(string path)
    {
        if (!File.Exists(path)) throw new FileNotFoundException($"vocabulary file not found: {path}", path);
        var json = JsonFields.ReadObject(path);
        if (JsonFields.Int(json, "format", path) != 1) throw new InvalidDataException($"{path}: \"format\" must be 1");
        if (json["tokens"] is not JsonArray tokens || tokens.Any(t => t is null || t.GetValueKind() != JsonValueKind.String))
            throw new InvalidDataException($"{path}: \"tokens\" must be an array of strings");
        try
        {
            return new Vocabulary(tokens.Select(t => t!.GetValue<string>()).ToList(),
                JsonFields.OptionalString(json, "padToken", path), JsonFields.OptionalString(json, "unknownToken", path));
        }
        catch (ArgumentException e)
        {
            throw new InvalidDataException($"{path}: {e.Message}", e);
        }
    }
}

/// <summary>Ids of one token sequence, and the tokens that were not in the vocabulary (mapped to its unknown token).</summary>
public sealed record EncodedSequence(int[] Ids, IReadOnlyList<string> Unknown);
