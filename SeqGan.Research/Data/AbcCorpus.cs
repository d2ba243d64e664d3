using SeqGan.Research.Metrics;

namespace SeqGan.Research.Data;

/// <summary>
/// The training set of ORGAN's music experiment: the tunes of music_large.txt that have fewer than
/// <see cref="PaperSequenceLength"/> tokens and at least two note tokens (664 on the original file), encoded
/// with a vocabulary built from all tunes of the file and right-padded to the sequence length.
/// </summary>
public sealed class AbcCorpus
{
    /// <summary>MAX_LENGTH of the 2017 runs.</summary>
    public const int PaperSequenceLength = 80;

    public const string RelativePath = "organ_music/original/music_large.txt";

    public required IReadOnlyList<IReadOnlyList<string>> Tunes { get; init; }
    public required AbcVocabulary Vocabulary { get; init; }
    public required int SequenceLength { get; init; }
    /// <summary>The encoded tunes [N][SequenceLength], in file order.</summary>
    public required long[][] Rows { get; init; }

    public static AbcCorpus Load(string path, int sequenceLength = PaperSequenceLength) =>
        FromTunes(AbcTokenizer.ReadFile(path), sequenceLength, path);

    /// <summary>Keeps tunes shorter than <paramref name="sequenceLength"/> with at least two notes (token level), in order.</summary>
    public static AbcCorpus FromTunes(IReadOnlyList<IReadOnlyList<string>> allTunes, int sequenceLength = PaperSequenceLength, string source = "ABC tunes")
    {
        if (sequenceLength < 2) throw new ArgumentOutOfRangeException(nameof(sequenceLength), sequenceLength, "must be at least 2");
        var kept = allTunes.Where(t => t.Count < sequenceLength && AbcMusicMetrics.CleanTokens(t).Count >= 2).ToList();
        if (kept.Count == 0) throw new InvalidDataException($"{source}: no tune has fewer than {sequenceLength} tokens and at least two notes");
        // The original numbers tokens over every tune of the file, not only the kept ones (211 entries, not 169).
        var vocabulary = AbcVocabulary.Build(allTunes);
        return new AbcCorpus
        {
            Tunes = kept,
            Vocabulary = vocabulary,
            SequenceLength = sequenceLength,
            Rows = kept.Select(t => vocabulary.Encode(t, sequenceLength)).ToArray(),
        };
    }

    public double MeanTuneLength => Tunes.Average(t => t.Count);

    /// <summary>Each row decoded to the string the metrics read.</summary>
    public IReadOnlyList<string> DecodedTunes() => Rows.Select(r => Vocabulary.Decode(r)).ToList();
}
