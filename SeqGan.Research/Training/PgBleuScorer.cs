using SeqGan.Research.Metrics;

namespace SeqGan.Research.Training;

/// <summary>PG-BLEU's reward: sentence BLEU-n of each completed rollout against the references, computed on the host in
/// parallel from precomputed reference n-gram counts. In a preset: <c>Rewards.OriginalPgBleu</c> or <c>Rewards.Bleu(4)</c>.</summary>
public static class PgBleuScorer
{
    public static ISequenceScorer Create(IReadOnlyList<IReadOnlyList<int>> references, int maxOrder, BleuSmoothing smoothing = BleuSmoothing.Method1)
    {
        var reward = new BleuReward(references, maxOrder, smoothing);
        return new SequenceScorers.HostScorer(reward.Score);
    }

    /// <summary>
    /// Each of <paramref name="sequences"/> kept with probability <paramref name="fraction"/>, as the original's
    /// load_references keeps a line when random.random() &lt; 0.4 (pg_bleu/pg_bleu.py:94-103); all of them at fraction 1.
    /// One draw per sequence from Random(<paramref name="seed"/>), so the subset is a function of the seed alone.
    /// </summary>
    public static IReadOnlyList<IReadOnlyList<int>> References(IReadOnlyList<IReadOnlyList<int>> sequences, double fraction, ulong seed)
    {
        if (fraction >= 1) return sequences;
        var random = new Random(unchecked((int)(seed ^ (seed >> 32))));
        var kept = sequences.Where(_ => random.NextDouble() < fraction).ToList();
        if (kept.Count == 0)
            throw new ArgumentException($"no reference was kept: {sequences.Count} training sequences, each kept with probability {fraction}", nameof(fraction));
        return kept;
    }
}
