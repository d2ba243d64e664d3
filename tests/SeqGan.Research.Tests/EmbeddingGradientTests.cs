using SeqGan.Research.Nn;
using SeqGan.Research.Tensors;

namespace SeqGan.Research.Tests;

public class EmbeddingGradientTests
{
    [Fact]
    public void EmbeddingGradientsMatchFiniteDifferences()
    {
        using var scope = Torch.NewDisposeScope();
        Torch.ManualSeed(12);
        using var embedding = GradientCheck.InFloat64(new Embedding(6, 3));
        // Token 2 appears twice (its gradient rows must add up); tokens 3 and 5 never (zero gradient).
        var tokens = Tensor.From(new long[] { 0, 2, 2, 4, 1, 0 }, 2, 3);
        var weights = GradientCheck.RandomWeights(2, 3, 3);

        GradientCheck.AssertMatches(() => (embedding.Forward(tokens) * weights).Sum(), ("weight", embedding.Weight));

        using var grad = embedding.Weight.Grad!;
        var rows = grad.ToArray<double>().Chunk(3).ToArray();
        Assert.All(rows[3].Concat(rows[5]), g => Assert.Equal(0.0, g));
    }
}
