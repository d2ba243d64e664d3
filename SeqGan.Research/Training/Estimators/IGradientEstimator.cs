using SeqGan.Research.Models;
using SeqGan.Research.Tensors;

namespace SeqGan.Research.Training.Estimators;

/// <summary>What an estimator's expectation is meant to equal.</summary>
public enum EstimatorTarget
{
    /// <summary>∇_θ E_{Y~G_θ}[R(Y)] (per-step estimators: ∇_θ E[Σ_t r_t]) — what REINFORCE, its baselines, the critic and
    /// Gumbel-softmax all aim at.</summary>
    ExpectedReward,

    /// <summary>∇_θ Σ_Y p*(Y) log p_θ(Y) with p* ∝ p_θ·D/(1−D) held fixed — what BGAN's and MaliGAN's normalised weights aim at.</summary>
    ImportanceWeightedLikelihood,
}

/// <summary>
/// One way of estimating a generator's gradient from a batch of its own samples. <see cref="Surrogate"/> returns a
/// scalar whose gradient with respect to the generator's parameters is the estimate (an ascent direction: training
/// minimises its negative). Estimators with state (a moving-average baseline, a critic) update it on every call.
/// </summary>
public interface IGradientEstimator
{
    /// <summary>Shown in tables and figures; names the estimator's choices (baseline, N, τ, γ).</summary>
    string Name { get; }

    EstimatorTarget Target => EstimatorTarget.ExpectedReward;

    /// <summary>Whether the estimate's expectation is exactly the target's gradient (the tests hold such estimators to it).</summary>
    bool IsUnbiased { get; }

    /// <summary>Whether the estimator learns as it is called (a moving-average baseline, a critic), so that diagnostics
    /// should call it a while before measuring.</summary>
    bool NeedsWarmup => false;

    /// <summary>
    /// The factor a training update multiplies the surrogate by. 1 by default; the score-function estimators average
    /// over the batch, and SeqGAN's loss sums over it (generator.py:108-112), so they return the batch size: every
    /// policy-gradient row then meets the same gradient clipping as SeqGAN's.
    /// </summary>
    double TrainingScale(int batch) => 1;

    Tensor Surrogate(LstmLanguageModel generator, ISequenceScorer reward, int batch);
}

/// <summary>The REINFORCE surrogate shared by the score-function estimators.</summary>
public static class PolicyGradientSurrogate
{
    /// <summary>(1/B)·Σ_{b,t} credit[b, t]·log G(y_t | y_&lt;t) for samples [B, T], credit held fixed: its gradient is
    /// (1/B)·Σ credit·∇log G, an estimate of ∇E[R] per sample. (SeqGAN's own loss sums over the batch instead of averaging:
    /// generator.py:108-112 — a constant factor B that Adam mostly absorbs but gradient clipping does not.)</summary>
    public static Tensor MeanOverBatch(LstmLanguageModel generator, Tensor samples, Tensor credit) =>
        (generator.TokenLogProbabilities(samples) * credit.Detach()).Sum() / samples.Size(0);

    /// <summary>Σ_b coefficient[b]·log p_θ(Y_b) for coefficients [B] that already carry their normalisation (BGAN, MaliGAN).</summary>
    public static Tensor WeightedSequences(LstmLanguageModel generator, Tensor samples, Tensor coefficients) =>
        (generator.TokenLogProbabilities(samples).Sum(1) * coefficients.Detach()).Sum();

    /// <summary>A sequence-level reward [B] as the same credit for every token: [B, T].</summary>
    public static Tensor EveryToken(Tensor rewards, long length) => rewards.Unsqueeze(1).Expand(-1, length).Contiguous();
}

/// <summary>Which baseline a score-function estimator subtracts from its credit.</summary>
public enum BaselineKind
{
    None,
    /// <summary>Exponential moving average of past batches' rewards per position (<see cref="MovingAverageBaseline"/>).</summary>
    MovingAverage,
    /// <summary>The reward of the generator's greedy sequence (<see cref="SelfCriticalBaseline"/>).</summary>
    SelfCritical,
}

/// <summary>A <see cref="BaselineKind"/> with its state: subtracts b from credit [B, T] (none of them depends on the batch's own samples).</summary>
public sealed class RewardBaseline(BaselineKind kind, double decay = 0.9)
{
    public BaselineKind Kind => kind;

    public MovingAverageBaseline MovingAverage { get; } = new(decay);

    public Tensor Apply(Tensor credit, LstmLanguageModel generator, ISequenceScorer reward) => kind switch
    {
        BaselineKind.None => credit,
        BaselineKind.MovingAverage => MovingAverage.SubtractAndUpdate(credit),
        BaselineKind.SelfCritical => credit - SelfCriticalBaseline.Of(generator, reward),
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "unknown baseline"),
    };

    public string Label => kind switch
    {
        BaselineKind.None => "",
        BaselineKind.MovingAverage => $" + moving-average baseline (λ = {decay})",
        BaselineKind.SelfCritical => " + self-critical baseline",
        _ => kind.ToString(),
    };
}
