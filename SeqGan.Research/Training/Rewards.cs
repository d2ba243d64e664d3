using SeqGan.Research.Models;
using SeqGan.Research.Tensors;

namespace SeqGan.Research.Training;

/// <summary>What a reward may be built from: the run's discriminator (null when the reward uses none) and the real
/// sequences [N, T] the run trains on (PG-BLEU's references).</summary>
public sealed record RewardContext(ISequenceDiscriminator? Discriminator, Tensor RealSequences);

/// <summary>
/// The reward of Algorithm 1's policy gradient as data: a name, whether it needs a discriminator (when not, the run
/// builds, pretrains and trains none: lines 4–5 and 14–17 are skipped), and how to build the scorer of completed
/// rollouts. A preset's <c>Reward</c> is one; <see cref="Rewards"/> has SeqGAN's, PG-BLEU's, ORGAN's and a constant.
/// </summary>
public sealed record RewardFactory(string Name, bool UsesDiscriminator, Func<RewardContext, ISequenceScorer> Create)
{
    public override string ToString() => Name;
}

public static class Rewards
{
    /// <summary>SeqGAN's reward: D(Y), the discriminator's probability that a completed rollout is real.</summary>
    public static RewardFactory Discriminator { get; } = new("D(Y)", true, context => new SequenceScorers.DiscriminatorScorer(
        context.Discriminator ?? throw new InvalidOperationException("the D(Y) reward needs a discriminator")));

    /// <summary>PG-BLEU: sentence BLEU-n (NLTK smoothing 1) of each completed rollout against all real training sequences.</summary>
    public static RewardFactory Bleu(int order) => new($"BLEU-{order}", false, context => PgBleuScorer.Create(HostRows(context.RealSequences), order));

    /// <summary>ORGAN: λ·D(Y) + (1 − λ)·O(Y)·w(Y) (<see cref="ObjectiveRewardScorer"/>); λ = 0 uses no discriminator.</summary>
    public static RewardFactory Organ(IObjective objective, double lambda, bool uniquenessWeighting = true)
    {
        if (lambda is < 0 or > 1 || double.IsNaN(lambda)) throw new ArgumentOutOfRangeException(nameof(lambda), lambda, "λ must be in [0, 1]");
        return new($"ORGAN({objective.Name}, λ={lambda:0.###})", lambda > 0, context => new ObjectiveRewardScorer(
            context.Discriminator is { } d ? new SequenceScorers.DiscriminatorScorer(d) : null, objective, lambda, uniquenessWeighting));
    }

    /// <summary>The same reward for every token of every sequence: the control in which the policy gradient only
    /// raises the likelihood of the generator's own samples (no discriminator, no signal about quality).</summary>
    public static RewardFactory Constant(double value) => new($"constant {value}", false, _ => new ConstantScorer(value));

    private sealed class ConstantScorer(double value) : ISequenceScorer
    {
        public Tensor Score(Tensor sequences) => Tensor.Full([sequences.Size(0)], value, DType.Float32, sequences.Device);
    }

    private static IReadOnlyList<IReadOnlyList<int>> HostRows(Tensor tokens) =>
        TokenRows.ToHost(tokens).Select(row => (IReadOnlyList<int>)row.Select(id => checked((int)id)).ToArray()).ToList();
}
