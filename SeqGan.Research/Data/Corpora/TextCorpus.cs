using System.Text;
using System.Text.RegularExpressions;

namespace SeqGan.Research.Data.Corpora;

/// <summary>How a line of text becomes tokens.</summary>
public enum TokenKind
{
    /// <summary>Every character is a token; runs of whitespace become one space token.</summary>
    Characters,
    /// <summary>Lower-cased words (letters, digits, inner apostrophes) and the marks . , ; : ! ? as separate tokens; everything else dropped.</summary>
    Words,
}

/// <summary>Settings of <see cref="TextCorpus.Load"/>.</summary>
public sealed record TextCorpusOptions
{
    public TokenKind Tokens { get; init; } = TokenKind.Words;
    /// <summary>Every sequence is cut to this many tokens, and shorter ones are padded with <see cref="TextCorpus.PadToken"/>.</summary>
    public int MaxLength { get; init; } = 40;
    /// <summary>Tokens kept, counting the padding and unknown tokens; rarer ones become <see cref="TextCorpus.UnknownToken"/>. Null keeps all.</summary>
    public int? VocabularySize { get; init; } = 5000;
}

/// <summary>
/// Line-per-sequence text (the Obama paragraphs, or a user's own corpus for <c>seqgan train</c>): tokenised, rare
/// tokens mapped to <c>OTHERS</c> (the token the paper's Obama samples show), cut to a maximum length and padded.
/// Id 0 is the padding token, so the generator's start token (id 0) reads as "nothing yet".
/// </summary>
public static partial class TextCorpus
{
    public const string PadToken = "<pad>";
    public const string UnknownToken = "OTHERS";

    public static TokenCorpus Load(string path, TextCorpusOptions options, string? name = null)
    {
        if (options.MaxLength < 1) throw new ArgumentException($"maximum length must be at least 1, got {options.MaxLength}");
        var lines = new List<string[]>();
        foreach (var (_, text) in StrictTextFile.ReadLines(path))
        {
            if (string.IsNullOrWhiteSpace(text)) continue;
            var tokens = Tokenize(text, options.Tokens);
            if (tokens.Length > 0) lines.Add(tokens);
        }
        if (lines.Count == 0) throw new InvalidDataException($"{path}: the corpus is empty (no line has a token)");
        var vocabulary = Vocabulary.Build(lines, [PadToken, UnknownToken], options.VocabularySize, PadToken, UnknownToken);
        var unknown = new Dictionary<string, int>(StringComparer.Ordinal);
        var sequences = new List<int[]>(lines.Count);
        var cut = 0;
        foreach (var line in lines)
        {
            var encoded = vocabulary.Encode(line.Length > options.MaxLength ? line[..options.MaxLength] : line);
            foreach (var token in encoded.Unknown) unknown[token] = unknown.GetValueOrDefault(token) + 1;
            if (line.Length > options.MaxLength) cut++;
            var padded = Enumerable.Repeat(vocabulary.PadId!.Value, options.MaxLength).ToArray();
            encoded.Ids.CopyTo(padded, 0);
            sequences.Add(padded);
        }
        var kind = options.Tokens == TokenKind.Words ? "lower-cased words and . , ; : ! ? marks" : "characters (whitespace runs as one space)";
        return new TokenCorpus
        {
            Name = name ?? Path.GetFileNameWithoutExtension(path),
            SourceFile = path,
            Vocabulary = vocabulary,
            SequenceLength = options.MaxLength,
            Sequences = sequences,
            Groups = Enumerable.Range(0, sequences.Count).ToList(),
            Preparation = $"one sequence per non-blank line ({lines.Count}); tokens: {kind}; "
                + $"vocabulary: the {vocabulary.Count - 2} most frequent tokens plus {PadToken} (id 0) and {UnknownToken} (id 1), "
                + $"{unknown.Count} rarer distinct tokens mapped to {UnknownToken}; sequences cut to their first {options.MaxLength} tokens ({cut} were longer) and padded with {PadToken}",
            UnknownTokens = unknown,
            TokenSeparator = options.Tokens == TokenKind.Words ? " " : "",
        }.Validated();
    }

    public static string[] Tokenize(string line, TokenKind kind) => kind switch
    {
        TokenKind.Words => WordPattern().Matches(line.Replace('\u2019', '\'').Replace('\u2018', '\'').ToLowerInvariant())
            .Select(m => m.Value).ToArray(),
        TokenKind.Characters => Characters(line),
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };

    private static string[] Characters(string line)
    {
        var tokens = new List<string>();
        var pendingSpace = false;
        foreach (var rune in line.Trim().EnumerateRunes())
        {
            if (Rune.IsWhiteSpace(rune)) { pendingSpace = true; continue; }
            if (pendingSpace) tokens.Add(" ");
            pendingSpace = false;
            tokens.Add(rune.ToString());
        }
        return tokens.ToArray();
    }

    [GeneratedRegex(@"[\p{L}\p{N}]+(?:'[\p{L}\p{N}]+)*|[.,;:!?]")]
    private static partial Regex WordPattern();
}
