using SeqGan.Research.Models;
using SeqGan.Research.Nn;
using SeqGan.Research.Tensors;
using SeqGan.Research.Tests.Training;
using SeqGan.Research.Training;

namespace SeqGan.Research.Tests.Cuda;

/// <summary>The core checks again on the GPU: gradients, batched rollouts, seeded reproducibility.</summary>
public class CudaCoreTests
{
    private static readonly Device Gpu = Device.Cuda();

    [CudaFact]
    public void LstmGradientsOnTheGpuEqualTheFiniteDifferenceCheckedCpuGradients()
    {
        using var scope = Torch.NewDisposeScope();
        Torch.ManualSeed(31);
        using var cpuCell = GradientCheck.InFloat64(new LstmCell(5, 4));
        using var gpuCell = GradientCheck.InFloat64(new LstmCell(5, 4));
        gpuCell.LoadStateDict(cpuCell.StateDict());
        gpuCell.To(Gpu);
        var inputs = Tensor.Randn([3, 6, 5], DType.Float64);
        var weights = Tensor.Randn([3, 6, 4], DType.Float64);
        (cpuCell.Unroll(inputs).Hiddens * weights).Sum().Backward();
        (gpuCell.Unroll(inputs.To(Gpu)).Hiddens * weights.To(Gpu)).Sum().Backward();
        foreach (var ((name, cpu), (_, gpu)) in cpuCell.NamedParameters().Zip(gpuCell.NamedParameters()))
        {
            var expected = cpu.Grad!.ToArray<double>();
            var actual = gpu.Grad!.ToArray<double>();
            for (var i = 0; i < expected.Length; i++)
                Assert.True(Math.Abs(expected[i] - actual[i]) <= 1e-9 * (1 + Math.Abs(expected[i])), $"{name}[{i}]: cpu {expected[i]}, gpu {actual[i]}");
        }
    }

    [CudaFact]
    public void BatchedRolloutsEqualTheReferenceLoopOnTheGpu()
    {
        using var scope = Torch.NewDisposeScope();
        Torch.ManualSeed(32);
        using var policy = (Generator)new Generator(TinyModels.Size, initStd: 1.0).To(Gpu);
        using var discriminator = (Discriminator)new Discriminator(TinyModels.Discriminator).To(Gpu);
        var scorer = new SequenceScorers.DiscriminatorScorer(discriminator);
        var sequences = policy.Sample(5);
        var uniforms = RolloutRewards.DrawUniforms(TinyModels.Size.SequenceLength, 4, 5, Gpu);
        var batched = RolloutRewards.Compute(policy, sequences, 4, scorer, uniforms).ToArray<float>();
        var reference = RolloutRewards.ReferenceLoop(policy, sequences, 4, scorer, uniforms).ToArray<float>();
        for (var i = 0; i < batched.Length; i++)
            Assert.True(Math.Abs(batched[i] - reference[i]) <= 1e-5, $"reward {i}: batched {batched[i]}, reference {reference[i]}");
    }

    [CudaFact]
    public void SameSeedGivesTheSameSamplesAndTrainingOnTheGpu()
    {
        (long[] Tokens, float[] Weights) Run()
        {
            using var scope = Torch.NewDisposeScope();
            Torch.ManualSeed(33);
            using var generator = (Generator)new Generator(TinyModels.Size).To(Gpu);
            using var optimizer = new Adam(generator.Parameters(), 0.01);
            var tokens = generator.Sample(32);
            for (var i = 0; i < 5; i++) MleTraining.TrainEpoch(generator, optimizer, tokens, 8, 5.0);
            return (tokens.ToArray<long>(), generator.Output.Weight.ToArray<float>());
        }
        var first = Run();
        var second = Run();
        Assert.Equal(first.Tokens, second.Tokens);
        for (var i = 0; i < first.Weights.Length; i++)
            Assert.True(Math.Abs(first.Weights[i] - second.Weights[i]) <= 1e-5, $"weight {i}: {first.Weights[i]} vs {second.Weights[i]}");
    }
}
