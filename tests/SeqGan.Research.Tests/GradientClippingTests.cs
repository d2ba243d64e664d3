using SeqGan.Research.Nn;
using SeqGan.Research.Tensors;

namespace SeqGan.Research.Tests;

public class GradientClippingTests
{
    private static readonly float[] GradientA = [3f, -4f, 12f];
    private static readonly float[] GradientB = [1f, 2f, -2f, 4f];
    // √(9 + 16 + 144 + 1 + 4 + 4 + 16) = √194
    private static readonly double GlobalNorm = Math.Sqrt(194);

    /// <summary>Two parameters whose gradients are exactly GradientA and GradientB, and one with none.</summary>
    private static (Tensor A, Tensor B, Tensor Unused) ParametersWithKnownGradients()
    {
        var a = Tensor.Zeros([3]);
        var b = Tensor.Zeros([2, 2]);
        var unused = Tensor.Zeros([2]);
        foreach (var p in new[] { a, b, unused }) p.RequiresGrad = true;
        ((a * Tensor.From(GradientA)).Sum() + (b * Tensor.From(GradientB, 2, 2)).Sum()).Backward();
        return (a, b, unused);
    }

    [Fact]
    public void AboveTheMaxNormGradientsAreScaledToIt()
    {
        using var scope = Torch.NewDisposeScope();
        var (a, b, unused) = ParametersWithKnownGradients();
        const double maxNorm = 2.5;

        var norm = GradientClipping.ClipByGlobalNorm([a, b, unused], maxNorm);

        Assert.Equal(GlobalNorm, norm.Item(), 1e-5);
        var scale = maxNorm / GlobalNorm;
        var clippedA = a.Grad!.ToArray<float>();
        var clippedB = b.Grad!.ToArray<float>();
        Assert.Equal(GradientA.Select(g => g * scale), clippedA.Select(g => (double)g), (x, y) => Math.Abs(x - y) < 1e-6);
        Assert.Equal(GradientB.Select(g => g * scale), clippedB.Select(g => (double)g), (x, y) => Math.Abs(x - y) < 1e-6);
        Assert.Equal(maxNorm, Math.Sqrt(clippedA.Concat(clippedB).Sum(g => (double)g * g)), 1e-5);
        Assert.Null(unused.Grad);
    }

    [Theory]
    [InlineData(100.0)]
    [InlineData(41.0)]  // 41 · (1/41) ≠ 1 in floating point: a scale computed that way nudges every gradient
    [InlineData(14.0)]
    public void BelowTheMaxNormGradientsAreLeftExactlyAsTheyWere(double maxNorm)
    {
        using var scope = Torch.NewDisposeScope();
        var (a, b, unused) = ParametersWithKnownGradients();

        var norm = GradientClipping.ClipByGlobalNorm([a, b, unused], maxNorm);

        Assert.Equal(GlobalNorm, norm.Item(), 1e-5);
        Assert.Equal(GradientA, a.Grad!.ToArray<float>());
        Assert.Equal(GradientB, b.Grad!.ToArray<float>());
    }

    [Fact]
    public void AllZeroGradientsStayZeroRatherThanNaN()
    {
        using var scope = Torch.NewDisposeScope();
        var p = Tensor.Zeros([3]);
        p.RequiresGrad = true;
        (p * 0.0).Sum().Backward();

        var norm = GradientClipping.ClipByGlobalNorm([p], 1.0);

        Assert.Equal(0.0, norm.Item());
        Assert.Equal([0f, 0f, 0f], p.Grad!.ToArray<float>());
    }
}
