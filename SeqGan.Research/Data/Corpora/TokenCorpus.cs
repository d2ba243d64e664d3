namespace SeqGan.Research.Data.Corpora;

/// <summary>
/// A corpus ready for the models: fixed-length id sequences over <see cref="Vocabulary"/>, each tagged with the
/// group it came from (a line, or a tune cut into several windows) so that a split never puts pieces of one
/// source on both sides.
/// </summary>
public sealed record TokenCorpus
{
    public required string Name { get; init; }
    public required string SourceFile { get; init; }
    public required Vocabulary Vocabulary { get; init; }
    public required int SequenceLength { get; init; }
    public required IReadOnlyList<int[]> Sequences { get; init; }
    /// <summary>Group (source line or tune) of each sequence, parallel to <see cref="Sequences"/>.</summary>
    public required IReadOnlyList<int> Groups { get; init; }
    /// <summary>How tokens were made, rare tokens mapped, sequences cut or padded (for tables and READMEs).</summary>
    public required string Preparation { get; init; }
    /// <summary>Distinct source tokens that were mapped to the unknown token, with their counts.</summary>
    public IReadOnlyDictionary<string, int> UnknownTokens { get; init; } = new Dictionary<string, int>();
    /// <summary>Token sequences joined with spaces (words) or with nothing (characters) when decoded.</summary>
    public string TokenSeparator { get; init; } = " ";

    /// <summary>Checks that every sequence has the stated length and only ids of the vocabulary.</summary>
    public TokenCorpus Validated()
    {
        if (Sequences.Count == 0) throw new InvalidDataException($"{SourceFile}: the corpus is empty (no sequences)");
        if (Groups.Count != Sequences.Count) throw new ArgumentException($"{Name}: {Groups.Count} groups for {Sequences.Count} sequences");
        for (var i = 0; i < Sequences.Count; i++)
        {
            if (Sequences[i].Length != SequenceLength)
                throw new InvalidDataException($"{Name}: sequence {i} has {Sequences[i].Length} tokens, expected {SequenceLength}");
            foreach (var id in Sequences[i])
                if (id < 0 || id >= Vocabulary.Count)
                    throw new InvalidDataException($"{Name}: sequence {i} has id {id} outside the vocabulary of {Vocabulary.Count}");
        }
        return this;
    }

    /// <summary>Decoded text of an id sequence (up to the first padding token).</summary>
    public string Decode(IEnumerable<long> ids) => string.Join(TokenSeparator, Vocabulary.Decode(ids));
}
