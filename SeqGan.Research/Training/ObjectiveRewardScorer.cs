using SeqGan.Research.Tensors;

namespace SeqGan.Research.Training;

/// <summary>
/// ORGAN's reward R(Y) = λ·D(Y) + (1 − λ)·O(Y)·w(Y) as a rollout scorer: D is the discriminator's P(real)
/// (any <see cref="ISequenceScorer"/>), O an <see cref="IObjective"/> scored on every rollout completion, and w the
/// optional uniqueness weight (<see cref="UniquenessWeights"/>) taken within each group of
/// <see cref="GroupSize"/> completions scored together — the original's groups of one batch (64).
/// </summary>
/// <remarks>
/// λ = 1 returns the discriminator's scores untouched (the objective is not evaluated; the original computed it
/// and multiplied by 0), so SeqGAN's rewards and cost are unchanged. λ = 0 ("naive RL") never calls D, which
/// the original evaluated and multiplied by 0 — same rewards, and D need not exist.
/// </remarks>
public sealed class ObjectiveRewardScorer : IRolloutScorer
{
    private readonly ISequenceScorer? discriminator;

    public ObjectiveRewardScorer(ISequenceScorer? discriminator, IObjective objective, double lambda, bool uniquenessWeighting = true, int? groupSize = null)
    {
        if (lambda is < 0 or > 1 || double.IsNaN(lambda)) throw new ArgumentOutOfRangeException(nameof(lambda), lambda, "λ must be in [0, 1]");
        if (lambda > 0 && discriminator is null) throw new ArgumentException($"λ = {lambda} needs a discriminator scorer (only λ = 0 runs without one)", nameof(discriminator));
        if (groupSize is < 1) throw new ArgumentOutOfRangeException(nameof(groupSize), groupSize, "must be at least 1");
        this.discriminator = discriminator;
        Objective = objective;
        Lambda = lambda;
        UniquenessWeighting = uniquenessWeighting;
        GroupSize = groupSize;
    }

    public IObjective Objective { get; }
    public double Lambda { get; }
    public bool UniquenessWeighting { get; }

    /// <summary>Rows weighed for uniqueness together; null = the batch of the sequences being rewarded (B).</summary>
    public int? GroupSize { get; }

    public Tensor Score(Tensor sequences) => Combine(
        Lambda > 0 ? discriminator!.Score(sequences) : null, sequences, GroupSize ?? (int)sequences.Size(0));

    public Tensor ScoreCompletions(Tensor sequences, Tensor completions, int rollouts)
    {
        Tensor? d = null;
        if (Lambda > 0)
            d = discriminator is IRolloutScorer structured
                ? structured.ScoreCompletions(sequences, completions, rollouts)
                : discriminator!.Score(completions);
        // Rows are ordered (prefix length, rollout, sequence): each block of B rows is one batch of completions.
        return Combine(d, completions, GroupSize ?? (int)sequences.Size(0));
    }

    /// <summary>The objective term O·w of each row (host), grouped for the uniqueness weight.</summary>
    public double[] WeightedObjective(long[][] rows, int groupSize)
    {
        var scores = Objective.Score(rows);
        if (scores.Length != rows.Length)
            throw new InvalidOperationException($"objective '{Objective.Name}' returned {scores.Length} scores for {rows.Length} sequences");
        for (var i = 0; i < scores.Length; i++)
            if (!(scores[i] is >= 0 and <= 1))
                throw new InvalidOperationException($"objective '{Objective.Name}' scored sequence {i} as {scores[i]}; scores must lie in [0, 1]");
        if (!UniquenessWeighting) return scores;
        for (var start = 0; start < rows.Length; start += groupSize)
        {
            var count = Math.Min(groupSize, rows.Length - start);
            var keys = new string[count];
            for (var i = 0; i < count; i++) keys[i] = Objective.DistinctnessKey(rows[start + i]);
            var weights = UniquenessWeights.Compute(keys);
            for (var i = 0; i < count; i++) scores[start + i] *= weights[i];
        }
        return scores;
    }

    private Tensor Combine(Tensor? discriminatorScores, Tensor rows, int groupSize)
    {
        if (Lambda == 1) return discriminatorScores!;
        var objective = WeightedObjective(TokenRows.ToHost(rows), groupSize);
        var objectiveTensor = Tensor.FromSpan<float>(objective.Select(v => (float)v).ToArray(), [objective.Length], rows.Device);
        if (discriminatorScores is null) return objectiveTensor;
        return discriminatorScores * Lambda + objectiveTensor * (1 - Lambda);
    }
}
