using SeqGan.Research.Nn;
using SeqGan.Research.Tensors;

namespace SeqGan.Research.Tests.Training.Estimators;

public class GumbelSoftmaxTests
{
    private static (Tensor Logits, Tensor Noise) Draw(int rows, int classes, ulong seed)
    {
        Torch.ManualSeed(seed);
        var logits = Tensor.Randn([rows, classes]);
        logits.RequiresGrad = true;
        return (logits, GumbelSoftmax.Noise([rows, classes]));
    }

    [Fact]
    public void StraightThroughForwardIsExactlyTheOneHotOfTheArgmax()
    {
        using var scope = Torch.NewDisposeScope();
        var (logits, noise) = Draw(32, 7, 1);
        var sample = GumbelSoftmax.Sample(logits, noise, 0.7, RelaxedSampleMode.StraightThrough).ToArray<float>();
        var argmax = (logits + noise).ArgMax(1).ToArray<long>();
        for (var row = 0; row < 32; row++)
            for (var k = 0; k < 7; k++)
                Assert.Equal(k == argmax[row] ? 1f : 0f, sample[row * 7 + k]);
    }

    [Fact]
    public void StraightThroughGradientIsTheSoftSamplesGradient()
    {
        using var scope = Torch.NewDisposeScope();
        var (logits, noise) = Draw(16, 5, 2);
        var weights = Tensor.Randn([16, 5]);
        float[] GradientOf(RelaxedSampleMode mode)
        {
            logits.ClearGrad();
            (GumbelSoftmax.Sample(logits, noise, 0.5, mode) * weights).Sum().Backward();
            return logits.Grad!.ToArray<float>();
        }
        var soft = GradientOf(RelaxedSampleMode.Soft);
        var straightThrough = GradientOf(RelaxedSampleMode.StraightThrough);
        Assert.Contains(soft, g => Math.Abs(g) > 1e-3);
        Assert.Equal(soft, straightThrough);
    }

    [Fact]
    public void SoftSamplesLieInsideTheSimplexAndSharpenAsTheTemperatureFalls()
    {
        using var scope = Torch.NewDisposeScope();
        var (logits, noise) = Draw(64, 6, 3);
        double LargestEntryMean(double temperature)
        {
            var sample = GumbelSoftmax.Sample(logits, noise, temperature, RelaxedSampleMode.Soft);
            var sums = sample.Sum(1).ToArray<float>();
            Assert.All(sums, s => Assert.Equal(1f, s, 1e-5f));
            return sample.Max(1).Mean().Item();
        }
        var warm = LargestEntryMean(2.0);
        var cold = LargestEntryMean(0.1);
        Assert.True(warm < 0.9, $"τ = 2 should give soft vectors, largest entry {warm:F3}");
        Assert.True(cold > warm + 0.1 && cold > 0.9 && cold < 1, $"τ = 0.1 should be nearly, not exactly, one-hot: largest entry {cold:F4} (τ = 2: {warm:F4})");
    }

    [Fact]
    public void TheArgmaxOfPerturbedLogitsIsASampleOfTheSoftmax()
    {
        using var scope = Torch.NewDisposeScope();
        Torch.ManualSeed(4);
        const int draws = 40_000;
        var probabilities = new[] { 0.5, 0.3, 0.15, 0.05 };
        var logits = Tensor.From(probabilities.Select(p => (float)Math.Log(p)).ToArray(), 1, 4).Expand(draws, 4);
        var tokens = GumbelSoftmax.Sample(logits, GumbelSoftmax.Noise([draws, 4]), 1.0, RelaxedSampleMode.StraightThrough).ArgMax(1).ToArray<long>();
        for (var k = 0; k < 4; k++)
        {
            var frequency = tokens.Count(t => t == k) / (double)draws;
            var standardError = Math.Sqrt(probabilities[k] * (1 - probabilities[k]) / draws);
            Assert.True(Math.Abs(frequency - probabilities[k]) < 4 * standardError, $"token {k}: frequency {frequency:F4}, probability {probabilities[k]}");
        }
    }

    [Theory]
    [InlineData(0.0)]
    [InlineData(-1.0)]
    [InlineData(double.NaN)]
    public void ANonPositiveTemperatureIsRejected(double temperature)
    {
        using var scope = Torch.NewDisposeScope();
        var (logits, noise) = Draw(2, 3, 5);
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => GumbelSoftmax.Sample(logits, noise, temperature, RelaxedSampleMode.Soft));
        Assert.Contains("temperature", error.Message);
    }

    [Fact]
    public void TheScheduleAnnealsFromStartToEndAndHoldsThere()
    {
        var geometric = new TemperatureSchedule(1.0, 0.01, Steps: 3);
        Assert.Equal(1.0, geometric.At(0), 12);
        Assert.Equal(0.1, geometric.At(1), 12);
        Assert.Equal(0.01, geometric.At(2), 12);
        Assert.Equal(0.01, geometric.At(50), 12);
        var linear = new TemperatureSchedule(2.0, 1.0, Steps: 5, TemperatureDecay.Linear);
        Assert.Equal(1.5, linear.At(2), 12);
        Assert.Equal(0.3, TemperatureSchedule.Constant(0.3).At(7), 12);
        Assert.Throws<ArgumentOutOfRangeException>(() => new TemperatureSchedule(1.0, 0.0).At(0));
    }

    [Fact]
    public void OneHotRejectsIdsOutsideTheVocabulary()
    {
        using var scope = Torch.NewDisposeScope();
        var error = Assert.Throws<ArgumentException>(() => OneHot.Encode(Tensor.From([0L, 3L, 5L]), 4));
        Assert.Contains("outside [0, 4)", error.Message);
        Assert.Equal([0f, 1f, 0f, 0f, 0f, 0f, 0f, 1f], OneHot.Encode(Tensor.From([1L, 3L]), 4).ToArray<float>());
    }
}

/// <summary>The failure the Gumbel-softmax GAN meets: D tells soft samples from one-hots even when the generator is the
/// data distribution itself; straight-through samples (one-hots forward) leave it nothing to find.</summary>
public class RelaxedDiscriminatorTests
{
    private static double AccuracyAfterTraining(RelaxedSampleMode mode, double temperature)
    {
        using var scope = Torch.NewDisposeScope();
        Torch.ManualSeed(41);
        var size = new SeqGan.Research.Models.LstmModelSize(VocabularySize: 6, EmbeddingSize: 8, HiddenSize: 8, SequenceLength: 4);
        using var oracle = new SeqGan.Research.Models.OracleLstm(size, seed: 66);
        using var discriminator = new SeqGan.Research.Models.Discriminator(new SeqGan.Research.Models.DiscriminatorConfig
        {
            VocabularySize = 6, SequenceLength = 4, EmbeddingSize = 8, FilterWidths = [1, 2], FilterCounts = [8, 8],
        });
        using var optimizer = new Adam(discriminator.Parameters(), 1e-2);
        Tensor Fakes()
        {
            using var noGrad = Torch.NoGrad();
            return SeqGan.Research.Training.Estimators.RelaxedSampler.Sample(oracle, 128, temperature, mode).Relaxed;
        }
        for (var step = 0; step < 60; step++)
            using (Torch.NewDisposeScope()) SeqGan.Research.Training.Estimators.RelaxedDiscriminatorTraining.Step(discriminator, optimizer, oracle.Sample(128), Fakes());
        return SeqGan.Research.Training.Estimators.RelaxedDiscriminatorTraining.Accuracy(discriminator, oracle.Sample(512), Fakes());
    }

    [Fact]
    public void ADiscriminatorSeparatesSoftSamplesOfTheDataFromTheDataButNotStraightThroughOnes()
    {
        var soft = AccuracyAfterTraining(RelaxedSampleMode.Soft, 1.0);
        var straightThrough = AccuracyAfterTraining(RelaxedSampleMode.StraightThrough, 1.0);
        Assert.True(soft > 0.95, $"soft samples of the oracle itself: D's accuracy {soft:F3}");
        Assert.True(straightThrough < 0.62, $"straight-through samples are the oracle's own tokens: D's accuracy {straightThrough:F3}");
    }
}

public class RelaxedSamplerTests
{
    [Fact]
    public void StraightThroughFeedbackOfTheRelaxedVectorIsTheTokensEmbeddingForwardButCarriesMoreGradient()
    {
        using var scope = Torch.NewDisposeScope();
        Torch.ManualSeed(51);
        using var generator = new SeqGan.Research.Models.Generator(new(VocabularySize: 5, EmbeddingSize: 4, HiddenSize: 4, SequenceLength: 4), initStd: 0.5);
        var weights = Tensor.Randn([16, 4, 5]);
        (long[] Tokens, float[] Relaxed, float[] Gradient) Run(SeqGan.Research.Training.Estimators.RelaxedFeedback feedback)
        {
            Torch.ManualSeed(52);
            generator.ZeroGrad();
            var sample = SeqGan.Research.Training.Estimators.RelaxedSampler.Sample(generator, 16, 0.5, RelaxedSampleMode.StraightThrough, feedback);
            (sample.Relaxed * weights).Sum().Backward();
            var gradient = generator.Embedding.Weight.Grad!.ToArray<float>();
            return (sample.Tokens.ToArray<long>(), sample.Relaxed.Detach().ToArray<float>(), gradient);
        }
        var hard = Run(SeqGan.Research.Training.Estimators.RelaxedFeedback.HardToken);
        var relaxed = Run(SeqGan.Research.Training.Estimators.RelaxedFeedback.RelaxedVector);
        Assert.Equal(hard.Tokens, relaxed.Tokens);
        Assert.Equal(hard.Relaxed, relaxed.Relaxed);
        Assert.NotEqual(hard.Gradient, relaxed.Gradient);
    }
}
