using System.Text.Json;
using SeqGan.Research.Data;
using SeqGan.Research.Models;
using SeqGan.Research.Tensors;

namespace SeqGan.Research.Tests;

public class OracleTests
{
    [Fact]
    public void PaperOracleScoresTheReferenceSampleAt5_7609()
    {
        using var scope = Torch.NewDisposeScope();
        using var oracle = OracleLstm.LoadPaperParameters(TestData.OracleParameters);
        var tokens = TokenSequenceFile.ReadTensor(TestData.OracleRealData, 20, 5000);
        Assert.Equal(9984, tokens.Size(0));
        var nll = oracle.MeanNegativeLogLikelihood(tokens);
        Assert.InRange(nll, 5.7609 - 0.001, 5.7609 + 0.001);
    }

    [Fact]
    public void PaperOracleStepZeroMatchesReferenceValues()
    {
        using var scope = Torch.NewDisposeScope();
        using var reference = JsonDocument.Parse(File.ReadAllText(TestData.OracleReferenceValues));
        var step0 = reference.RootElement.GetProperty("step0");
        using var oracle = OracleLstm.LoadPaperParameters(TestData.OracleParameters);
        using var noGrad = Torch.NoGrad();

        var start = Tensor.From(new long[] { 0 });
        var state = oracle.Lstm.Step(oracle.Embedding.Forward(start), oracle.Lstm.ZeroState(1));
        var logits = oracle.Output.Forward(state.Hidden);
        AssertClose(step0.GetProperty("h1_first8"), state.Hidden.Narrow(1, 0, 8).ToArray<float>(), 1e-5);
        AssertClose(step0.GetProperty("c1_first8"), state.Cell.Narrow(1, 0, 8).ToArray<float>(), 1e-5);
        AssertClose(step0.GetProperty("logits_first8"), logits.Narrow(1, 0, 8).ToArray<float>(), 1e-4);

        var probabilities = logits.Softmax(1).ToArray<float>();
        var top10 = probabilities.Select((p, i) => (p, i)).OrderByDescending(x => x.p).Take(10).ToArray();
        var expectedTokens = step0.GetProperty("top10_tokens").EnumerateArray().Select(e => e.GetInt32()).ToArray();
        Assert.Equal(expectedTokens, top10.Select(x => x.i).ToArray());
        AssertClose(step0.GetProperty("top10_probs"), top10.Select(x => x.p).ToArray(), 1e-6);
        var entropy = -probabilities.Sum(p => p > 0 ? p * Math.Log(p) : 0);
        Assert.Equal(step0.GetProperty("entropy_nats").GetDouble(), entropy, 4);
    }

    [Fact]
    public void PaperOracleMatchesPerStepLogProbabilitiesOfTheFirstSequences()
    {
        using var scope = Torch.NewDisposeScope();
        using var reference = JsonDocument.Parse(File.ReadAllText(TestData.OracleReferenceValues));
        using var oracle = OracleLstm.LoadPaperParameters(TestData.OracleParameters);
        using var noGrad = Torch.NoGrad();
        foreach (var sequence in reference.RootElement.GetProperty("first_sequences").EnumerateArray())
        {
            var tokens = sequence.GetProperty("tokens").EnumerateArray().Select(e => e.GetInt64()).ToArray();
            var logp = oracle.TokenLogProbabilities(Tensor.From(tokens, 1, tokens.Length)).ToArray<float>();
            AssertClose(sequence.GetProperty("logp_per_step"), logp, 2e-4);
        }
    }

    [Fact]
    public void RandomOracleIsReproducibleFromItsSeed()
    {
        using var scope = Torch.NewDisposeScope();
        var config = new LstmModelSize(VocabularySize: 50, SequenceLength: 7);
        using var a = new OracleLstm(config, seed: 5);
        using var b = new OracleLstm(config, seed: 5);
        Torch.ManualSeed(9);
        var samplesA = a.Sample(16).ToArray<long>();
        Torch.ManualSeed(9);
        var samplesB = b.Sample(16).ToArray<long>();
        Assert.Equal(samplesA, samplesB);
        Assert.All(samplesA, t => Assert.InRange(t, 0, 49));
        Assert.Equal(a.Output.Weight.ToArray<float>(), b.Output.Weight.ToArray<float>());
    }

    private static void AssertClose(JsonElement expected, float[] actual, double tolerance)
    {
        var values = expected.EnumerateArray().Select(e => e.GetDouble()).ToArray();
        Assert.Equal(values.Length, actual.Length);
        for (var i = 0; i < values.Length; i++)
            Assert.True(Math.Abs(values[i] - actual[i]) <= tolerance, $"element {i}: expected {values[i]}, got {actual[i]}");
    }
}
