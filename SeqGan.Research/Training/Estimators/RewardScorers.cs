using SeqGan.Research.Models;
using SeqGan.Research.Nn;
using SeqGan.Research.Tensors;

namespace SeqGan.Research.Training.Estimators;

/// <summary>A reward that can also score relaxed one-hots [B, T, V] differentiably (what a Gumbel-softmax generator needs);
/// at exact one-hots it must equal <see cref="ISequenceScorer.Score"/>.</summary>
public interface IRelaxedSequenceScorer : ISequenceScorer
{
    /// <summary>Rewards [B] of relaxed one-hots, with the autograd graph back to <paramref name="relaxed"/>.</summary>
    Tensor ScoreRelaxed(Tensor relaxed);
}

/// <summary>Per-step rewards r_t of every prefix y_1..y_t of sequences [B, T]: [B, T].</summary>
public interface IPrefixScorer
{
    Tensor ScorePrefixes(Tensor sequences);
}

public static class RewardScorers
{
    /// <summary>D(Y) = P(real) of the CNN discriminator for token ids (the SeqGAN reward) and for relaxed one-hots
    /// (embedding by matrix product, <see cref="DiscriminatorRelaxedInput"/>), both in eval mode.</summary>
    public sealed class RelaxedDiscriminatorScorer(Discriminator discriminator) : IRelaxedSequenceScorer, IRolloutScorer
    {
        private readonly SequenceScorers.DiscriminatorScorer tokens = new(discriminator);

        public Tensor Score(Tensor sequences) => tokens.Score(sequences);

        public Tensor ScoreCompletions(Tensor sequences, Tensor completions, int rollouts) => tokens.ScoreCompletions(sequences, completions, rollouts);

        public Tensor ScoreRelaxed(Tensor relaxed) => discriminator.ProbabilityRealOfRelaxed(relaxed);
    }

    /// <summary>log D(Y) of the CNN discriminator, for tokens and relaxed one-hots: the non-saturating generator objective
    /// (Goodfellow et al. 2014) a Gumbel-softmax generator ascends; it keeps a gradient where D is confident, D itself does not.</summary>
    public sealed class LogRelaxedDiscriminatorScorer(Discriminator discriminator) : IRelaxedSequenceScorer
    {
        private readonly SequenceScorers.DiscriminatorScorer tokens = new(discriminator);

        public Tensor Score(Tensor sequences)
        {
            using var scope = Torch.NewDisposeScope();
            return scope.MoveToOuter(tokens.Score(sequences).Clamp(1e-7, 1).Log());
        }

        public Tensor ScoreRelaxed(Tensor relaxed)
        {
            using var scope = Torch.NewDisposeScope();
            var wasTraining = discriminator.IsTraining;
            discriminator.Eval();
            try { return scope.MoveToOuter(discriminator.LogitsOfRelaxed(relaxed).LogSoftmax(1).Select(1, 1)); }
            finally { discriminator.Train(wasTraining); }
        }
    }

    /// <summary>MaskGAN's per-step reward r_t = log D(y_1..y_t) from a step-wise discriminator, one pass for all prefixes.</summary>
    public sealed class StepwiseLogDiscriminatorScorer(StepwiseDiscriminator discriminator) : IPrefixScorer
    {
        public Tensor ScorePrefixes(Tensor sequences)
        {
            var wasTraining = discriminator.IsTraining;
            discriminator.Eval();
            try { return discriminator.PrefixLogProbabilityReal(sequences); }
            finally { discriminator.Train(wasTraining); }
        }
    }

    /// <summary>A sequence-level reward as per-step rewards: 0 at every prefix and R(Y) at the last step, so that
    /// Σ_t r_t = R(Y) and the undiscounted return of every step is R(Y).</summary>
    public sealed class TerminalRewardScorer(ISequenceScorer reward) : IPrefixScorer
    {
        public Tensor ScorePrefixes(Tensor sequences)
        {
            using var scope = Torch.NewDisposeScope();
            var final = reward.Score(sequences).Unsqueeze(1);
            var before = Tensor.Zeros([sequences.Size(0), sequences.Size(1) - 1], final.DType, final.Device);
            return scope.MoveToOuter(Tensor.Cat([before, final], 1));
        }
    }

    /// <summary>Per-step rewards from a plain function of the token ids (tests, notebook cells).</summary>
    public sealed class FunctionPrefixScorer(Func<Tensor, Tensor> score) : IPrefixScorer
    {
        public Tensor ScorePrefixes(Tensor sequences) => score(sequences);
    }
}

/// <summary>
/// Counts how many sequences a reward scores — the unit of compute the estimator diagnostics compare at (a rollout
/// completion, a relaxed sample and a greedy sequence each count one). Forwards to the reward it wraps.
/// </summary>
public sealed class CountingScorer(ISequenceScorer inner) : IRelaxedSequenceScorer, IRolloutScorer
{
    public long ScoredSequences { get; private set; }

    public void Reset() => ScoredSequences = 0;

    public Tensor Score(Tensor sequences)
    {
        ScoredSequences += sequences.Size(0);
        return inner.Score(sequences);
    }

    public Tensor ScoreCompletions(Tensor sequences, Tensor completions, int rollouts)
    {
        ScoredSequences += completions.Size(0);
        return inner is IRolloutScorer structured ? structured.ScoreCompletions(sequences, completions, rollouts) : inner.Score(completions);
    }

    public Tensor ScoreRelaxed(Tensor relaxed)
    {
        var relaxedScorer = inner as IRelaxedSequenceScorer
            ?? throw new InvalidOperationException($"the reward {inner.GetType().Name} cannot score relaxed one-hots; a Gumbel-softmax estimator needs an {nameof(IRelaxedSequenceScorer)}");
        ScoredSequences += relaxed.Size(0);
        return relaxedScorer.ScoreRelaxed(relaxed);
    }
}
