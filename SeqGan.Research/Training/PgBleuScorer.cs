using SeqGan.Research.Metrics;

namespace SeqGan.Research.Training;

/// <summary>PG-BLEU's reward: sentence BLEU-n (NLTK smoothing 1) of each completed rollout against all
/// training sequences, computed on the host in parallel from precomputed reference n-gram counts.
/// In a preset: <c>Rewards.Bleu(4)</c>.</summary>
public static class PgBleuScorer
{
    public static ISequenceScorer Create(IReadOnlyList<IReadOnlyList<int>> references, int maxOrder)
    {
        var reward = new BleuReward(references, maxOrder);
        return new SequenceScorers.HostScorer(reward.Score);
    }
}
