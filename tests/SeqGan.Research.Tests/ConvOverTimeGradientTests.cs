using SeqGan.Research.Nn;
using SeqGan.Research.Tensors;

namespace SeqGan.Research.Tests;

public class ConvOverTimeGradientTests
{
    // ReLU and max are not differentiable at a kink or a tie; a perturbation of 1e-6 moves a
    // pre-activation by ~1e-5 at most, so keeping every kink and tie 1e-3 away keeps the check valid.
    private const double KinkMargin = 1e-3;

    [Fact]
    public void ConvReluMaxOverTimeGradientsMatchFiniteDifferences()
    {
        using var scope = Torch.NewDisposeScope();
        Torch.ManualSeed(15);
        const int batch = 2, length = 6, embeddingSize = 3;
        using var conv = GradientCheck.InFloat64(new ConvOverTime(embeddingSize, [2, 3], [2, 3],
            weightInit: s => Init.Normal(s, 0.5), biasInit: s => Init.Normal(s, 0.2)));
        var x = GradientCheck.RandomLeaf(batch, length, embeddingSize);
        var weights = GradientCheck.RandomWeights(batch, conv.OutputSize);
        AssertNoKinkOrTieNear(conv, x);

        var parameters = conv.NamedParameters().Select(p => (p.Name, p.Parameter));
        GradientCheck.AssertMatches(() => (conv.Forward(x) * weights).Sum(), [("x", x), .. parameters]);
    }

    private static void AssertNoKinkOrTieNear(ConvOverTime conv, Tensor x)
    {
        using var scope = Torch.NewDisposeScope();
        using var noGrad = Torch.NoGrad();
        var parameters = conv.NamedParameters().ToDictionary(p => p.Name, p => p.Parameter);
        var activeMaxima = 0;
        foreach (var width in conv.Widths)
        {
            var preActivation = x.Transpose(1, 2).Conv1d(parameters[$"W{width}"], parameters[$"b{width}"]);  // [B, F, T']
            var values = preActivation.ToArray<double>();
            Assert.True(values.All(v => Math.Abs(v) > KinkMargin), $"width {width}: a pre-activation lies within {KinkMargin} of the ReLU kink; pick another seed");
            foreach (var overTime in values.Chunk((int)preActivation.Size(2)))
            {
                var sorted = overTime.Select(v => Math.Max(v, 0)).OrderDescending().ToArray();
                if (sorted[0] == 0) continue;  // all dead: gradient 0 on both sides
                activeMaxima++;
                Assert.True(sorted[0] - sorted[1] > KinkMargin, $"width {width}: two time steps tie for the max; pick another seed");
            }
        }
        Assert.True(activeMaxima > 0, "every filter is dead on every sequence; the check would prove nothing");
    }
}
