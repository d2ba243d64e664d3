using SeqGan.Research.Data;
using SeqGan.Research.Metrics;

namespace SeqGan.Research.Training;

/// <summary>
/// One of ORGAN's music metrics as an objective on ABC token ids: each row is decoded (trailing pads stripped,
/// tokens joined by spaces) and scored on the characters of that string, raw and unscaled — the 2017 reward.
/// Two rows are the same sample when they decode to the same string.
/// </summary>
public sealed class AbcMusicObjective(AbcVocabulary vocabulary, MusicObjectiveKind kind) : IObjective
{
    public MusicObjectiveKind Kind => kind;

    public string Name => kind.Label();

    public double[] Score(IReadOnlyList<long[]> sequences)
    {
        var scores = new double[sequences.Count];
        // Rollout completions come by the tens of thousands; each is independent.
        Parallel.For(0, scores.Length, i => scores[i] = AbcMusicMetrics.Score(vocabulary.Decode(sequences[i])).Of(kind));
        return scores;
    }

    public string DistinctnessKey(long[] sequence) => vocabulary.Decode(sequence);
}
