using SeqGan.Research.Metrics;
using SeqGan.Research.Models;
using SeqGan.Research.Tensors;

namespace SeqGan.Research.Training;

/// <summary>What a reward may be built from: the run's discriminator (null when the reward uses none), the real
/// sequences [N, T] the run trains on (PG-BLEU's references) and a seed of the run's own for any random choice the
/// reward makes when it is built (PG-BLEU's subset of references).</summary>
public sealed record RewardContext(ISequenceDiscriminator? Discriminator, Tensor RealSequences, ulong Seed = 0);

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

    /// <summary>PG-BLEU: sentence BLEU-n (NLTK smoothing 1 unless <paramref name="smoothing"/> says otherwise) of each completed
    /// rollout against the real training sequences, all of them or each kept with probability <paramref name="referenceFraction"/>
    /// (drawn once when the reward is built, from the run's <see cref="RewardContext.Seed"/>).</summary>
    public static RewardFactory Bleu(int order, BleuSmoothing smoothing = BleuSmoothing.Method1, double referenceFraction = 1)
    {
        if (order < 1 || order > BleuReferenceSet.MaxSupportedOrder)
            throw new ArgumentOutOfRangeException(nameof(order), order, $"the BLEU order must be 1 to {BleuReferenceSet.MaxSupportedOrder}");
        if (!(referenceFraction > 0 && referenceFraction <= 1))
            throw new ArgumentOutOfRangeException(nameof(referenceFraction), referenceFraction, "the fraction of training sequences used as references must be in (0, 1]");
        var name = $"BLEU-{order}" + (smoothing == BleuSmoothing.Method1 ? "" : $" ({smoothing})") + (referenceFraction == 1 ? "" : string.Create(System.Globalization.CultureInfo.InvariantCulture, $", {referenceFraction * 100:0.##}% of references"));
        return new(name, false, context =>
            PgBleuScorer.Create(PgBleuScorer.References(HostRows(context.RealSequences), referenceFraction, context.Seed), order, smoothing));
    }

    /// <summary>
    /// The original PG-BLEU's reward (LantaoYu/SeqGAN 4152436): sentence BLEU with weights (1/3, 1/3, 1/3), i.e. BLEU-3
    /// (pg_bleu.py:165), NLTK of 2016 with no smoothing function (rollout.py:89; <see cref="BleuSmoothing.ZeroOrdersOmitted"/>),
    /// against the lines of the training file each kept with probability 0.4 (pg_bleu.py:101, load_references). The subset
    /// is drawn with .NET's seeded Random, not Python's: the same fraction, not the same lines.
    /// </summary>
    public static RewardFactory OriginalPgBleu { get; } = Bleu(3, BleuSmoothing.ZeroOrdersOmitted, 0.4);

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
