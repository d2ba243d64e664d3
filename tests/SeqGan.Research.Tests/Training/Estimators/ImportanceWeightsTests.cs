using SeqGan.Research.Tensors;
using SeqGan.Research.Training.Estimators;

namespace SeqGan.Research.Tests.Training.Estimators;

public class ImportanceWeightsTests
{
    [Fact]
    public void BoundarySeekingWeightsSumToOnePerGroupAndFollowTheOdds()
    {
        using var scope = Torch.NewDisposeScope();
        float[] d = [0.9f, 0.5f, 0.2f, 0.6f, 0.99f, 0.01f, 0.3f, 0.7f];
        var weights = ImportanceWeights.BoundarySeeking(Tensor.From(d), groupSize: 4).ToArray<float>();
        Assert.Equal(1.0, weights.Take(4).Sum(), 5);
        Assert.Equal(1.0, weights.Skip(4).Sum(), 5);
        // w ∝ D / (1 − D) within a group: 0.9/0.1 = 9 against 0.5/0.5 = 1.
        Assert.Equal(9.0, weights[0] / weights[1], 3);
        Assert.Equal(0.6 / 0.4 / (0.2 / 0.8), weights[3] / weights[2], 3);
        Assert.Equal(1.0, ImportanceWeights.BoundarySeeking(Tensor.From(d)).ToArray<float>().Sum(), 5);
    }

    [Fact]
    public void AConstantDiscriminatorGivesUniformWeights()
    {
        using var scope = Torch.NewDisposeScope();
        var weights = ImportanceWeights.BoundarySeeking(Tensor.Full([16], 0.83)).ToArray<float>();
        Assert.All(weights, w => Assert.Equal(1f / 16, w, 1e-6f));
        // MaliGAN with its default baseline b = 1/m then gives no update at all.
        Assert.All(ImportanceWeights.MaliGan(Tensor.Full([16], 0.83)).ToArray<float>(), c => Assert.Equal(0f, c, 1e-6f));
    }

    [Fact]
    public void MaliGanCoefficientsAreTheNormalisedRatioMinusTheBaseline()
    {
        using var scope = Torch.NewDisposeScope();
        var d = Tensor.From([0.8f, 0.5f, 0.2f, 0.5f]);
        var normalised = ImportanceWeights.BoundarySeeking(d).ToArray<float>();
        var coefficients = ImportanceWeights.MaliGan(d).ToArray<float>();
        Assert.Equal(0.0, coefficients.Sum(), 5);
        for (var i = 0; i < 4; i++) Assert.Equal(normalised[i] - 0.25f, coefficients[i], 1e-6f);
        var withBaseline = ImportanceWeights.MaliGan(d, baseline: 0.1).ToArray<float>();
        for (var i = 0; i < 4; i++) Assert.Equal(normalised[i] - 0.1f, withBaseline[i], 1e-6f);
        // The ratio D/(1−D), not D: normalising D itself (geek-ai/Texygen's MaliganReward.py) gives other weights.
        Assert.NotEqual(0.8 / 2.0, normalised[0], 2);
    }

    [Fact]
    public void SaturatedDiscriminatorsStayFinite()
    {
        using var scope = Torch.NewDisposeScope();
        var weights = ImportanceWeights.BoundarySeeking(Tensor.From([1f, 0f, 1f, 0.5f])).ToArray<float>();
        Assert.All(weights, w => Assert.True(float.IsFinite(w)));
        Assert.Equal(weights[0], weights[2]);
    }

    [Fact]
    public void AGroupSizeThatDoesNotDivideTheBatchIsAnError()
    {
        using var scope = Torch.NewDisposeScope();
        var error = Assert.Throws<ArgumentException>(() => ImportanceWeights.BoundarySeeking(Tensor.Full([10], 0.5), groupSize: 4));
        Assert.Contains("group size 4", error.Message);
    }
}
