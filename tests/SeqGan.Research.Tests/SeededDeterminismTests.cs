using SeqGan.Research.Models;
using SeqGan.Research.Nn;
using SeqGan.Research.Tensors;

namespace SeqGan.Research.Tests;

/// <summary>Torch.ManualSeed fixes every draw: the same seed replays a run exactly, another seed does not.</summary>
public class SeededDeterminismTests
{
    private static long[] SampleAfterSeed(Tensor weights, bool areLogits, ulong seed)
    {
        using var scope = Torch.NewDisposeScope();
        Torch.ManualSeed(seed);
        return weights.SampleRows(areLogits).ToArray<long>();
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void SampleRowsRepeatsUnderTheSameSeed(bool areLogits)
    {
        using var scope = Torch.NewDisposeScope();
        Torch.ManualSeed(100);
        var logits = Tensor.Randn([256, 50]);
        var weights = areLogits ? logits : logits.Softmax(1);

        var first = SampleAfterSeed(weights, areLogits, 42);
        var again = SampleAfterSeed(weights, areLogits, 42);
        var other = SampleAfterSeed(weights, areLogits, 43);

        Assert.Equal(first, again);
        Assert.NotEqual(first, other);
        Assert.All(first, t => Assert.InRange(t, 0, 49));
    }

    [Fact]
    public void OracleSamplesRepeatUnderTheSameSeed()
    {
        using var scope = Torch.NewDisposeScope();
        using var oracle = new OracleLstm(new LstmModelSize(VocabularySize: 30, EmbeddingSize: 8, HiddenSize: 8, SequenceLength: 10), seed: 3);
        long[] Sample(ulong seed)
        {
            using var inner = Torch.NewDisposeScope();
            Torch.ManualSeed(seed);
            return oracle.Sample(32).ToArray<long>();
        }

        Assert.Equal(Sample(5), Sample(5));
        Assert.NotEqual(Sample(5), Sample(6));
    }

    [Fact]
    public void TwentyAdamStepsRepeatUnderTheSameSeed()
    {
        var first = TrainSmallModel(seed: 21);
        var again = TrainSmallModel(seed: 21);
        var other = TrainSmallModel(seed: 22);

        Assert.Equal(first.Keys, again.Keys);
        foreach (var name in first.Keys)
        {
            Assert.Equal(first[name], again[name]);
            Assert.NotEqual(first[name], other[name]);
        }
    }

    /// <summary>Linear → LSTM over random data, 20 Adam steps; returns every parameter's bytes.</summary>
    private static Dictionary<string, byte[]> TrainSmallModel(ulong seed)
    {
        using var scope = Torch.NewDisposeScope();
        Torch.ManualSeed(seed);
        using var projection = new Linear(3, 4);
        using var cell = new LstmCell(4, 5);
        var parameters = projection.Parameters().Concat(cell.Parameters()).ToList();
        using var adam = new Adam(parameters, learningRate: 0.01);
        var inputs = Tensor.Randn([8, 6, 3]);
        var targets = Tensor.Randn([8, 6, 5]);
        for (var step = 0; step < 20; step++)
        {
            using var stepScope = Torch.NewDisposeScope();
            adam.ZeroGrad();
            var (hiddens, _) = cell.Unroll(projection.Forward(inputs));
            (hiddens - targets).Square().Mean().Backward();
            adam.Step();
        }
        return projection.NamedParameters().Select(p => ("projection." + p.Name, p.Parameter))
            .Concat(cell.NamedParameters().Select(p => ("cell." + p.Name, p.Parameter)))
            .ToDictionary(p => p.Item1, p => p.Item2.ToBytes());
    }
}
