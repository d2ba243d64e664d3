using SeqGan.Research.Tensors;

namespace SeqGan.Research.Tests.Training;

public class FusedSamplingTests
{
    [Fact]
    public void FusedProjectionAndSamplingDrawsTheSameTokensAsTheUnfusedOps()
    {
        using var scope = Torch.NewDisposeScope();
        Torch.ManualSeed(21);
        var weight = Tensor.Randn([16, 3000]);
        var bias = Tensor.Randn([3000]);
        var hidden = Tensor.Rand([1000, 16]) * 2 - 1;
        var uniforms = Tensor.Rand([1000]);
        var fused = hidden.SampleFromHidden(weight, bias, uniforms).ToArray<long>();
        var unfused = hidden.AddMatMul(weight, bias).SampleRows(uniforms, areLogits: true).ToArray<long>();
        // Float rounding may move a draw that lands on a CDF boundary; anything more is a bug.
        var differences = fused.Zip(unfused).Count(p => p.First != p.Second);
        Assert.True(differences <= 2, $"{differences} of 1000 draws differ");
    }

    [Fact]
    public void FusedSamplingNeverDrawsAnImpossibleToken()
    {
        using var scope = Torch.NewDisposeScope();
        Torch.ManualSeed(22);
        var weight = Tensor.Zeros([4, 40]);
        var biasValues = Enumerable.Repeat(-1e9f, 40).ToArray();
        biasValues[7] = 0; biasValues[33] = 0;  // only tokens 7 and 33 are possible
        var tokens = Tensor.Rand([5000, 4]).SampleFromHidden(weight, Tensor.From(biasValues), Tensor.Rand([5000])).ToArray<long>();
        Assert.All(tokens, t => Assert.True(t is 7 or 33, $"drew impossible token {t}"));
        var share = tokens.Count(t => t == 7) / 5000.0;
        Assert.InRange(share, 0.45, 0.55);
    }

    [Fact]
    public void MismatchedShapesGiveATorchExceptionNotACrash()
    {
        using var scope = Torch.NewDisposeScope();
        var error = Assert.Throws<TorchException>(() => Tensor.Rand([5, 4]).SampleFromHidden(Tensor.Rand([3, 10]), Tensor.Rand([10]), Tensor.Rand([5])));
        Assert.Contains("shapes do not agree", error.Message);
    }
}
