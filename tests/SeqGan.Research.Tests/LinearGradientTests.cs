using SeqGan.Research.Nn;
using SeqGan.Research.Tensors;

namespace SeqGan.Research.Tests;

public class LinearGradientTests
{
    // Rank 2 with bias goes through the fused addmm; rank 3 and bias-free layers through matmul (+ bias).
    [Theory]
    [InlineData(new long[] { 4, 3 }, true)]
    [InlineData(new long[] { 2, 4, 3 }, true)]
    [InlineData(new long[] { 4, 3 }, false)]
    public void LinearGradientsMatchFiniteDifferences(long[] inputShape, bool bias)
    {
        using var scope = Torch.NewDisposeScope();
        Torch.ManualSeed(11);
        using var linear = GradientCheck.InFloat64(new Linear(3, 5, bias));
        var x = GradientCheck.RandomLeaf(inputShape);
        var weights = GradientCheck.RandomWeights([.. inputShape[..^1], 5]);

        var variables = new List<(string, Tensor)> { ("x", x), ("W", linear.Weight) };
        if (linear.Bias is { } b) variables.Add(("b", b));
        GradientCheck.AssertMatches(() => (linear.Forward(x) * weights).Sum(), [.. variables]);
    }
}
