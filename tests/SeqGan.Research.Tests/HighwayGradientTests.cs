using SeqGan.Research.Nn;
using SeqGan.Research.Tensors;

namespace SeqGan.Research.Tests;

public class HighwayGradientTests
{
    [Fact]
    public void HighwayGradientsMatchFiniteDifferences()
    {
        using var scope = Torch.NewDisposeScope();
        Torch.ManualSeed(16);
        using var highway = GradientCheck.InFloat64(new Highway(4, gateBias: -0.5));
        var x = GradientCheck.RandomLeaf(3, 4);
        var weights = GradientCheck.RandomWeights(3, 4);

        // The transform's ReLU has a kink at 0: keep every pre-activation clear of it.
        using (Torch.NoGrad())
        {
            var preActivation = highway.Transform.Forward(x).ToArray<double>();
            Assert.True(preActivation.All(v => Math.Abs(v) > 1e-3), "a transform pre-activation is near the ReLU kink; pick another seed");
            Assert.Contains(preActivation, v => v < 0);
        }

        var parameters = highway.NamedParameters().Select(p => (p.Name, p.Parameter));
        GradientCheck.AssertMatches(() => (highway.Forward(x) * weights).Sum(), [("x", x), .. parameters]);
    }
}
