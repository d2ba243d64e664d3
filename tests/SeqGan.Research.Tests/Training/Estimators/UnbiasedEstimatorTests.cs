using SeqGan.Research.Models;
using SeqGan.Research.Tensors;
using SeqGan.Research.Training.Estimators;
using Xunit.Abstractions;

namespace SeqGan.Research.Tests.Training.Estimators;

/// <summary>
/// On the enumerable oracle, every unbiased estimator's mean over many estimates matches the exact gradient within its
/// standard error, coordinate by coordinate; and the check has power: biased estimators fail it.
/// </summary>
public class UnbiasedEstimatorTests(SmokeLabWorld lab, ITestOutputHelper output) : IClassFixture<SmokeLabWorld>
{
    // Any batch size would do (unbiasedness holds at every B); a large batch with fewer estimates tests the same
    // property with fewer backward passes: each estimate is itself a mean of B per-sample estimates.
    private const int Batch = 64;
    private const int Estimates = 60;

    private static PrefixValueCriticConfig Critic(LstmModelSize size) => new()
    {
        VocabularySize = size.VocabularySize, EmbeddingSize = 8, HiddenSize = 8, LearningRate = 0.01,
    };

    public static TheoryData<string> UnbiasedEstimators => new()
    {
        "reinforce", "reinforce-moving-average", "reinforce-self-critical",
        "rollouts-2", "rollouts-2-moving-average", "rollouts-2-self-critical", "actor-critic",
    };

    private IGradientEstimator Create(string name) => name switch
    {
        "reinforce" => new ReinforceEstimator(),
        "reinforce-moving-average" => new ReinforceEstimator(BaselineKind.MovingAverage),
        "reinforce-self-critical" => new ReinforceEstimator(BaselineKind.SelfCritical),
        "rollouts-2" => new RolloutReinforceEstimator(2),
        "rollouts-2-moving-average" => new RolloutReinforceEstimator(2, BaselineKind.MovingAverage),
        "rollouts-2-self-critical" => new RolloutReinforceEstimator(2, BaselineKind.SelfCritical),
        "actor-critic" => new ActorCriticEstimator(Critic(lab.World.Preset.Model)),
        _ => throw new ArgumentException(name),
    };

    /// <summary>
    /// The largest |z| = |mean − exact| / standard error over the gradient's coordinates. Each z is a t statistic with
    /// K − 1 degrees of freedom for an unbiased estimator; over ~650 coordinates the largest is about 3.5, and above 5
    /// has probability below 1% even if the coordinates were independent (correlated ones make it rarer still).
    /// </summary>
    private double LargestZ(IGradientEstimator estimator, double[] exact, ulong seed)
    {
        Torch.ManualSeed(seed);
        var samples = GradientDiagnostics.Draw(estimator, lab.World.Generator, lab.World.Reward, Batch, Estimates,
            warmup: estimator.NeedsWarmup ? 20 : 0);
        var z = GradientDiagnostics.ZScores(samples, exact);
        var largest = z.Max(Math.Abs);
        output.WriteLine($"{estimator.Name}: max |z| = {largest:F2} over {z.Length} coordinates, mean z² = {z.Average(v => v * v):F2}");
        return largest;
    }

    [Theory]
    [MemberData(nameof(UnbiasedEstimators))]
    public void TheMeanOfManyEstimatesMatchesTheExactGradientWithinItsStandardError(string name)
    {
        var estimator = Create(name);
        try
        {
            Assert.True(estimator.IsUnbiased);
            var largest = LargestZ(estimator, lab.World.ExpectedRewardGradient, 7);
            Assert.True(largest < 5, $"{estimator.Name}: a coordinate lies {largest:F1} standard errors from the exact gradient");
        }
        finally
        {
            (estimator as IDisposable)?.Dispose();
        }
    }

    [Fact]
    public void PerStepRewardsToGoAreUnbiasedWithoutDiscountAndBiasedWithIt()
    {
        // r_t = [y_1 = 0] + ½·[y_t = t mod V]: every step's reward depends on the first token, so discounting cuts
        // most of the first token's credit.
        var size = lab.World.Preset.Model;
        var perStep = new RewardScorers.FunctionPrefixScorer(tokens =>
        {
            var positions = Tensor.From(Enumerable.Range(0, size.SequenceLength).Select(t => (long)(t % size.VocabularySize)).ToArray(), 1, size.SequenceLength);
            var first = tokens.Narrow(1, 0, 1).Eq(0.0).To(DType.Float32);
            return first.Expand(-1, size.SequenceLength) + tokens.Eq(positions).To(DType.Float32) * 0.5;
        });
        Tensor total;
        using (Torch.NoGrad()) total = perStep.ScorePrefixes(lab.World.Sequences).Sum(1);
        var (_, exact) = ExactGradient.ExpectedReward(lab.World.Generator, lab.World.Sequences, total);

        Assert.True(LargestZ(new DiscountedReinforceEstimator(1.0, perStep), exact, 8) < 5);
        var discounted = LargestZ(new DiscountedReinforceEstimator(0.3, perStep), exact, 8);
        Assert.True(discounted > 8, $"γ = 0.3 should be visibly biased, got max |z| = {discounted:F2}");
    }

    [Fact]
    public void GumbelSoftmaxEstimatesAreBiased()
    {
        var largest = LargestZ(new GumbelSoftmaxEstimator(1.0, Nn.RelaxedSampleMode.Soft), lab.World.ExpectedRewardGradient, 9);
        Assert.True(largest > 8, $"soft Gumbel-softmax at τ = 1 should be visibly biased, got max |z| = {largest:F2}");
    }
}
