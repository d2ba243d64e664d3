using SeqGan.Research.Models;
using SeqGan.Research.Nn;
using SeqGan.Research.Tensors;

namespace SeqGan.Research.Training.Estimators;

/// <summary>REINFORCE with the sequence's reward as every token's credit: (1/B)·Σ_b (R(Y_b) − b)·∇log p_θ(Y_b).</summary>
public sealed class ReinforceEstimator(BaselineKind baseline = BaselineKind.None, double decay = 0.9) : IGradientEstimator
{
    private readonly RewardBaseline subtract = new(baseline, decay);

    public string Name => "REINFORCE" + subtract.Label;

    public double TrainingScale(int batch) => batch;

    public bool IsUnbiased => true;

    public bool NeedsWarmup => baseline == BaselineKind.MovingAverage;

    public Tensor Surrogate(LstmLanguageModel generator, ISequenceScorer reward, int batch)
    {
        var samples = generator.Sample(batch);
        var credit = PolicyGradientSurrogate.EveryToken(reward.Score(samples), samples.Size(1));
        return PolicyGradientSurrogate.MeanOverBatch(generator, samples, subtract.Apply(credit, generator, reward));
    }
}

/// <summary>
/// SeqGAN's estimator: token t's credit is Q(y_1..y_t), the mean reward of N Monte-Carlo completions of its prefix by
/// the current generator (the last token's credit is R(Y) itself) — RolloutRewards, the same path Table 1's SeqGAN row
/// uses (LantaoYu/SeqGAN rollout.py:77-103). Unbiased because the completions follow the policy being differentiated.
/// </summary>
public sealed class RolloutReinforceEstimator(int rollouts, BaselineKind baseline = BaselineKind.None, double decay = 0.9) : IGradientEstimator
{
    private readonly RewardBaseline subtract = new(baseline, decay);

    public string Name => $"MC rollouts (N = {rollouts})" + subtract.Label;

    public double TrainingScale(int batch) => batch;

    public bool IsUnbiased => true;

    public bool NeedsWarmup => baseline == BaselineKind.MovingAverage;

    public Tensor Surrogate(LstmLanguageModel generator, ISequenceScorer reward, int batch)
    {
        var samples = generator.Sample(batch);
        var credit = RolloutRewards.Compute(generator, samples, rollouts, reward);
        return PolicyGradientSurrogate.MeanOverBatch(generator, samples, subtract.Apply(credit, generator, reward));
    }
}

/// <summary>
/// REINFORCE on per-step rewards r_t with the discounted reward-to-go G_t = Σ_{s≥t} γ^{s−t} r_s as token t's credit.
/// The per-step rewards come from <paramref name="perStepRewards"/>, or, when null, from the sequence reward at the last
/// step (<see cref="RewardScorers.TerminalRewardScorer"/>). Unbiased for ∇E[Σ_t r_t] only when γ = 1.
/// </summary>
public sealed class DiscountedReinforceEstimator(double gamma, IPrefixScorer? perStepRewards = null) : IGradientEstimator
{
    public string Name => $"REINFORCE, per-step rewards (γ = {gamma})";

    public double TrainingScale(int batch) => batch;

    public bool IsUnbiased => gamma == 1;

    public Tensor Surrogate(LstmLanguageModel generator, ISequenceScorer reward, int batch)
    {
        var samples = generator.Sample(batch);
        var rewards = (perStepRewards ?? new RewardScorers.TerminalRewardScorer(reward)).ScorePrefixes(samples);
        return PolicyGradientSurrogate.MeanOverBatch(generator, samples, DiscountedReturns.Compute(rewards, gamma));
    }
}

/// <summary>
/// Actor-critic with a learned value baseline, MaskGAN-style: credit G_t − V(y_&lt;t), where G_t is the discounted return
/// of per-step rewards (MaskGAN: r_t = log D(y_1..y_t)) and V a <see cref="PrefixValueCritic"/> it owns. After computing
/// the credit the critic takes one regression step towards this batch's returns, so the baseline a batch meets was
/// learned from earlier batches only.
/// </summary>
public sealed class ActorCriticEstimator : IGradientEstimator, IDisposable
{
    private readonly double gamma;
    private readonly IPrefixScorer? perStepRewards;
    private readonly Adam criticOptimizer;

    /// <param name="perStepRewards">null: the sequence reward at the last step (<see cref="RewardScorers.TerminalRewardScorer"/>)</param>
    public ActorCriticEstimator(PrefixValueCriticConfig critic, double gamma = 1.0, IPrefixScorer? perStepRewards = null, Device? device = null)
    {
        if (gamma is < 0 or > 1 || double.IsNaN(gamma)) throw new ArgumentOutOfRangeException(nameof(gamma), gamma, "the discount γ must be in [0, 1]");
        this.gamma = gamma;
        this.perStepRewards = perStepRewards;
        Critic = new PrefixValueCritic(critic);
        if (device is { } d) Critic.To(d);
        criticOptimizer = new Adam(Critic.Parameters(), critic.LearningRate);
    }

    public PrefixValueCritic Critic { get; }

    public string Name => $"actor-critic, learned baseline (γ = {gamma})";

    public double TrainingScale(int batch) => batch;

    public bool IsUnbiased => gamma == 1;

    public bool NeedsWarmup => true;

    /// <summary>The critic's loss on the last batch, before its update.</summary>
    public double LastCriticLoss { get; private set; } = double.NaN;

    public Tensor Surrogate(LstmLanguageModel generator, ISequenceScorer reward, int batch)
    {
        var samples = generator.Sample(batch);
        var rewards = (perStepRewards ?? new RewardScorers.TerminalRewardScorer(reward)).ScorePrefixes(samples);
        var returns = DiscountedReturns.Compute(rewards, gamma);
        Tensor values;
        using (Torch.NoGrad()) values = Critic.Values(samples);
        var surrogate = PolicyGradientSurrogate.MeanOverBatch(generator, samples, returns - values);
        LastCriticLoss = ActorCritic.CriticStep(Critic, criticOptimizer, samples, returns);
        return surrogate;
    }

    public void Dispose()
    {
        criticOptimizer.Dispose();
        Critic.Dispose();
    }
}

/// <summary>
/// BGAN's and MaliGAN's estimators: Σ_b c_b·∇log p_θ(Y_b) with c the normalised importance weights
/// (<see cref="ImportanceWeights"/>), from the discriminator's D(Y) = reward. Self-normalised, hence biased at a finite
/// batch and consistent as it grows.
/// </summary>
public sealed class ImportanceWeightedEstimator(ImportanceWeighting weighting, double? maliGanBaseline = null) : IGradientEstimator
{
    public string Name => weighting == ImportanceWeighting.BoundarySeeking
        ? "BGAN (normalised D/(1−D))"
        : $"MaliGAN (normalised D/(1−D) − {(maliGanBaseline is { } b ? b.ToString("G3") : "1/m")})";

    public EstimatorTarget Target => EstimatorTarget.ImportanceWeightedLikelihood;

    public bool IsUnbiased => false;

    public Tensor Surrogate(LstmLanguageModel generator, ISequenceScorer reward, int batch)
    {
        var samples = generator.Sample(batch);
        var d = reward.Score(samples);
        var coefficients = weighting == ImportanceWeighting.BoundarySeeking
            ? ImportanceWeights.BoundarySeeking(d)
            : ImportanceWeights.MaliGan(d, maliGanBaseline);
        return PolicyGradientSurrogate.WeightedSequences(generator, samples, coefficients);
    }
}

public enum ImportanceWeighting
{
    BoundarySeeking,
    MaliGan,
}

/// <summary>
/// The pathwise estimator through the Gumbel-softmax relaxation: ∇_θ (1/B)·Σ_b R(ỹ_b) with ỹ the relaxed one-hots
/// (<see cref="RelaxedSampler"/>), R read on them (<see cref="IRelaxedSequenceScorer"/>). Biased for every τ &gt; 0 (R is
/// evaluated off the vertices of the simplex, or, straight-through, differentiated as if it were); its variance grows
/// as τ → 0.
/// </summary>
public sealed class GumbelSoftmaxEstimator : IGradientEstimator
{
    private readonly TemperatureSchedule schedule;
    private readonly RelaxedSampleMode mode;
    private readonly RelaxedFeedback feedback;

    public GumbelSoftmaxEstimator(double temperature, RelaxedSampleMode mode, RelaxedFeedback feedback = RelaxedFeedback.HardToken)
        : this(TemperatureSchedule.Constant(temperature), mode, feedback) { }

    /// <param name="schedule">τ by call: an annealing schedule advances one step per <see cref="Surrogate"/> call</param>
    public GumbelSoftmaxEstimator(TemperatureSchedule schedule, RelaxedSampleMode mode, RelaxedFeedback feedback = RelaxedFeedback.HardToken)
    {
        schedule.Validate();
        this.schedule = schedule;
        this.mode = mode;
        this.feedback = feedback;
    }

    /// <summary>Surrogate calls so far: the position in the temperature schedule (settable, so a checkpoint can restore it).</summary>
    public int Calls { get; set; }

    /// <summary>τ of the next call.</summary>
    public double Temperature => schedule.At(Calls);

    public string Name
    {
        get
        {
            var kind = mode == RelaxedSampleMode.StraightThrough ? "straight-through" : "soft";
            var tau = schedule.Start == schedule.End ? $"τ = {schedule.Start}" : $"τ = {schedule.Start} → {schedule.End}";
            return $"Gumbel-softmax {kind} ({tau}{(feedback == RelaxedFeedback.RelaxedVector ? ", relaxed feedback" : "")})";
        }
    }

    public bool IsUnbiased => false;

    public Tensor Surrogate(LstmLanguageModel generator, ISequenceScorer reward, int batch)
    {
        var relaxedReward = reward as IRelaxedSequenceScorer
            ?? throw new ArgumentException($"the reward {reward.GetType().Name} cannot score relaxed one-hots; use an {nameof(IRelaxedSequenceScorer)}", nameof(reward));
        var samples = RelaxedSampler.Sample(generator, batch, Temperature, mode, feedback);
        Calls++;
        return relaxedReward.ScoreRelaxed(samples.Relaxed).Mean();
    }
}
