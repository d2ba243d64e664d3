using SeqGan.Research.Metrics;

namespace SeqGan.Research.Training;

/// <summary>PG-BLEU's reward: sentence BLEU-n (NLTK smoothing 1) of each completed rollout against all
/// training sequences, computed on the host in parallel from precomputed reference n-gram counts.</summary>
public static class PgBleuScorer
{
    public static ISequenceScorer Create(IReadOnlyList<IReadOnlyList<int>> references, int maxOrder)
    {
        var reward = new BleuReward(references, maxOrder);
        return new SequenceScorers.HostScorer(reward.Score);
    }

    /// <summary>The factory OracleRunOptions expects: training rows (host int64 ids) → scorer.</summary>
    public static Func<long[][], ISequenceScorer> Factory(int maxOrder) =>
        rows => Create(rows.Select(r => (IReadOnlyList<int>)r.Select(id => checked((int)id)).ToArray()).ToList(), maxOrder);
}
