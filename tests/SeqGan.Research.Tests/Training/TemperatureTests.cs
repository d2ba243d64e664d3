using SeqGan.Research.Metrics;
using SeqGan.Research.Models;
using SeqGan.Research.Tensors;
using SeqGan.Research.Training;
using SeqGan.Research.Training.Estimators;

namespace SeqGan.Research.Tests.Training;

/// <summary>Sampling and likelihoods at inverse temperature α (logits × α): α = 1 is the model exactly, other α scale the
/// logits exactly, large α is argmax decoding.</summary>
public class TemperatureTests
{
    private static Generator NewGenerator(ulong seed, double initStd = 0.5)
    {
        Torch.ManualSeed(seed);
        return new Generator(TinyModels.Size, initStd);
    }

    [Fact]
    public void AlphaOneDrawsBitForBitTheTokensOfTheUntemperedFusedSampler()
    {
        using var scope = Torch.NewDisposeScope();
        using var generator = NewGenerator(3);
        Torch.ManualSeed(40);
        var tempered = generator.Sample(300, 64, inverseTemperature: 1).ToArray<long>();
        // What Sample did before temperature existed: the same uniforms, the layer's own tensors straight to the bridge.
        Torch.ManualSeed(40);
        var uniforms = generator.DrawSamplingUniforms(300, 64);
        using var noGrad = Torch.NoGrad();
        var state = generator.StartState(300);
        var token = Tensor.Full([300], generator.Shape.StartToken, DType.Int64);
        var columns = new List<Tensor>();
        for (var t = 0; t < generator.Shape.SequenceLength; t++)
        {
            state = generator.Advance(state, token);
            token = state.Parts[0].SampleFromHidden(generator.Output.Weight, generator.Output.Bias!, uniforms.Select(0, t).Contiguous());
            columns.Add(token);
        }
        Assert.Equal(Tensor.Stack(columns, 1).ToArray<long>(), tempered);
        Torch.ManualSeed(40);
        Assert.Equal(tempered, generator.Sample(300, 64).ToArray<long>());
    }

    [Fact]
    public void AlphaOneLikelihoodIsBitForBitTheModelsOwn()
    {
        using var scope = Torch.NewDisposeScope();
        using var generator = NewGenerator(4);
        var tokens = generator.Sample(200, 64);
        using var noGrad = Torch.NoGrad();
        // The LSTM's α = 1 path is its fused projection + log-softmax (not the tempered one): the unfused values up to
        // float rounding, and bit for bit what training computes.
        var own = generator.TeacherForcedLogits(tokens).LogSoftmax(-1).Gather(2, tokens.Unsqueeze(2)).Squeeze(2).ToArray<float>();
        var atOne = generator.TokenLogProbabilities(tokens, 1).ToArray<float>();
        Assert.Equal(own.Length, atOne.Length);
        for (var i = 0; i < own.Length; i++) Assert.True(Math.Abs(own[i] - atOne[i]) <= 1e-5f * Math.Max(1, Math.Abs(own[i])), $"token {i}: {atOne[i]} vs {own[i]}");
        Assert.Equal(MleTraining.Loss(generator, tokens).ToArray<float>(), (-generator.TokenLogProbabilities(tokens, 1).Mean()).ToArray<float>());
        Assert.Equal(generator.MeanNegativeLogLikelihood(tokens), generator.MeanNegativeLogLikelihood(tokens, inverseTemperature: 1));
    }

    [Fact]
    public void TemperatureScalesTheLogitsOfLikelihoodAndSampling()
    {
        using var scope = Torch.NewDisposeScope();
        using var generator = NewGenerator(5);
        var tokens = generator.Sample(200, 64);
        using var noGrad = Torch.NoGrad();
        const double alpha = 2.5;
        var expected = (generator.TeacherForcedLogits(tokens) * alpha).LogSoftmax(-1).Gather(2, tokens.Unsqueeze(2)).Squeeze(2).ToArray<float>();
        var actual = generator.TokenLogProbabilities(tokens, alpha).ToArray<float>();
        Assert.All(expected.Zip(actual), p => Assert.Equal(p.First, p.Second, 1e-5f));

        // The fused sampler at α draws what softmax(α · logits) draws with the same uniforms (up to a draw on a CDF boundary).
        var state = generator.Advance(generator.StartState(2000), Tensor.Full([2000], generator.Shape.StartToken, DType.Int64));
        var uniforms = Tensor.Rand([2000]);
        var fused = generator.SampleNext(state, uniforms, alpha).ToArray<long>();
        var unfused = (generator.Logits(state) * alpha).SampleRows(uniforms, areLogits: true).ToArray<long>();
        Assert.True(fused.Zip(unfused).Count(p => p.First != p.Second) <= 2, "fused and unfused tempered draws differ");
        var untempered = generator.SampleNext(state, uniforms).ToArray<long>();
        Assert.True(fused.Zip(untempered).Count(p => p.First != p.Second) > 100, "α = 2.5 should change many draws of an init-0.5 model");
    }

    [Fact]
    public void LargeAlphaSamplesTheArgmaxSequence()
    {
        using var scope = Torch.NewDisposeScope();
        using var generator = NewGenerator(6);
        var greedy = GreedyDecoding.Decode(generator).ToArray<long>();
        var samples = generator.Sample(50, 50, inverseTemperature: 1e4).ToArray<long>();
        for (var row = 0; row < 50; row++)
            Assert.Equal(greedy, samples.AsSpan(row * greedy.Length, greedy.Length).ToArray());
        // And its entropy per token goes to 0 while α = 1 has plenty.
        var sample = generator.Sample(500, 64, 1e4);
        Assert.True(generator.MeanNegativeLogLikelihood(sample, inverseTemperature: 1e4) < 1e-3);
        Assert.True(generator.MeanNegativeLogLikelihood(generator.Sample(500, 64)) > 1);
    }

    [Theory]
    [InlineData(-1.0)]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    public void AnInvalidAlphaIsAClearError(double alpha)
    {
        using var scope = Torch.NewDisposeScope();
        using var generator = NewGenerator(7);
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => generator.Sample(4, 4, alpha));
        Assert.Contains("inverse temperature", error.Message);
        Assert.Throws<ArgumentOutOfRangeException>(() => generator.MeanNegativeLogLikelihood(generator.Sample(4, 4), inverseTemperature: alpha));
    }

    [Fact]
    public void FrontierMeasuresChangeNoParameter()
    {
        using var scope = Torch.NewDisposeScope();
        using var generator = NewGenerator(8);
        using var oracle = NewGenerator(9, initStd: 1);
        var heldOut = oracle.Sample(100, 64);
        var before = generator.NamedParameters().Select(p => p.Parameter.ToArray<float>()).ToList();
        var measures = OracleMetrics.Frontier(generator, generator, oracle, heldOut, inverseTemperature: 0.7, samples: 200);
        var after = generator.NamedParameters().Select(p => p.Parameter.ToArray<float>()).ToList();
        Assert.Equal(before.Count, after.Count);
        for (var i = 0; i < before.Count; i++) Assert.Equal(before[i], after[i]);
        Assert.True(double.IsFinite(measures.NllOracle) && double.IsFinite(measures.NllTest) && measures.Entropy > 0);
        Assert.Equal(generator.MeanNegativeLogLikelihood(heldOut, inverseTemperature: 0.7), measures.NllTest);
    }
}
