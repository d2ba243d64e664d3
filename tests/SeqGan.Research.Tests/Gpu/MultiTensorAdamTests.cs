using SeqGan.Research.Models;
using SeqGan.Research.Nn;
using SeqGan.Research.Tensors;
using SeqGan.Research.Tests.Training;

namespace SeqGan.Research.Tests.Gpu;

public class MultiTensorAdamTests
{
    [Fact]
    public void TheMultiTensorUpdateEqualsTheUnfusedOneExactly()
    {
        // float64 keeps both paths off the CPU's fused float32 loop: the multi-tensor operators must then do exactly
        // the unfused operations, in the same order.
        using var scope = Torch.NewDisposeScope();
        Torch.ManualSeed(51);
        using var perTensor = GradientCheck.InFloat64(new Discriminator(TinyModels.Discriminator with { DropoutKeep = 1.0 }));
        using var multi = GradientCheck.InFloat64(new Discriminator(TinyModels.Discriminator with { DropoutKeep = 1.0 }));
        multi.LoadStateDict(perTensor.StateDict());
        using var perTensorAdam = new Adam(perTensor.Parameters(), 0.01, weightDecay: 0.1) { MultiTensor = false };
        using var multiAdam = new Adam(multi.Parameters(), 0.01, weightDecay: 0.1) { MultiTensor = true };
        var tokens = Tensor.RandInt(0, TinyModels.Size.VocabularySize, [12, TinyModels.Size.SequenceLength]);
        var labels = Tensor.RandInt(0, 2, [12]);
        for (var step = 0; step < 4; step++)
            foreach (var (model, adam) in new[] { (perTensor, perTensorAdam), (multi, multiAdam) })
            {
                using var stepScope = Torch.NewDisposeScope();
                adam.ZeroGrad();
                model.Loss(tokens, labels).Backward();
                adam.Step();
            }
        foreach (var ((name, a), (_, b)) in perTensor.NamedParameters().Zip(multi.NamedParameters()))
            Assert.True(a.ToArray<double>().SequenceEqual(b.ToArray<double>()), $"{name} differs after 4 steps");
        Assert.Equal(perTensorAdam.StepCount, multiAdam.StepCount);
    }

    [Fact]
    public void ParametersWithoutAGradientAreLeftAlone()
    {
        using var scope = Torch.NewDisposeScope();
        var used = Tensor.Ones([3]);
        used.RequiresGrad = true;
        var unused = Tensor.Ones([2]);
        unused.RequiresGrad = true;
        using var adam = new Adam([used, unused], 0.1) { MultiTensor = true };
        (used * 2).Sum().Backward();
        adam.Step();
        Assert.All(used.ToArray<float>(), v => Assert.True(v < 1));
        Assert.Equal([1f, 1f], unused.ToArray<float>());
    }
}
