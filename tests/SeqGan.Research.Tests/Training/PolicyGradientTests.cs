using SeqGan.Research.Models;
using SeqGan.Research.Nn;
using SeqGan.Research.Tensors;
using SeqGan.Research.Training;

namespace SeqGan.Research.Tests.Training;

public class PolicyGradientTests
{
    [Fact]
    public void PolicyGradientRaisesTheLogProbabilityOfRewardedTokens()
    {
        using var scope = Torch.NewDisposeScope();
        Torch.ManualSeed(11);
        using var generator = new Generator(TinyModels.Size);
        using var optimizer = new Adam(generator.Parameters(), 0.01);
        var sequences = generator.Sample(16);
        // Reward only the first half of the batch; the rest gets zero reward.
        var rewardValues = new float[16 * TinyModels.Size.SequenceLength];
        for (var i = 0; i < rewardValues.Length / 2; i++) rewardValues[i] = 1f;
        var rewards = Tensor.From(rewardValues, 16, TinyModels.Size.SequenceLength);

        double LogProbability(int from, int count)
        {
            using var noGrad = Torch.NoGrad();
            return generator.TokenLogProbabilities(sequences.Narrow(0, from, count)).Sum().Item();
        }
        var rewardedBefore = LogProbability(0, 8);
        for (var step = 0; step < 5; step++) PolicyGradient.Step(generator, optimizer, sequences, rewards, 5.0);
        var rewardedAfter = LogProbability(0, 8);
        Assert.True(rewardedAfter > rewardedBefore + 1.0, $"rewarded log-probability went from {rewardedBefore} to {rewardedAfter}");
    }

    [Fact]
    public void ZeroRewardsLeaveTheGeneratorUnchanged()
    {
        using var scope = Torch.NewDisposeScope();
        Torch.ManualSeed(12);
        using var generator = new Generator(TinyModels.Size);
        using var optimizer = new Adam(generator.Parameters(), 0.01);
        var before = generator.Output.Weight.ToArray<float>();
        var sequences = generator.Sample(8);
        PolicyGradient.Step(generator, optimizer, sequences, Tensor.Zeros([8, TinyModels.Size.SequenceLength]), 5.0);
        Assert.Equal(before, generator.Output.Weight.ToArray<float>());
    }
}
