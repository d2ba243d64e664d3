using SeqGan.Research.Models;
using SeqGan.Research.Tensors;
using SeqGan.Research.Training;

namespace SeqGan.Research.Tests.Training;

public class RolloutRewardsTests
{
    [Fact]
    public void BatchedRolloutsEqualTheSlowReferenceLoop()
    {
        using var scope = Torch.NewDisposeScope();
        Torch.ManualSeed(3);
        using var policy = new Generator(TinyModels.Size, initStd: 1.0);  // a peaked policy: mistakes would show
        using var discriminator = new Discriminator(TinyModels.Discriminator);
        var scorer = new SequenceScorers.DiscriminatorScorer(discriminator);
        var sequences = policy.Sample(5);
        var uniforms = RolloutRewards.DrawUniforms(TinyModels.Size.SequenceLength, rollouts: 4, batch: 5, Device.Cpu);

        var batched = RolloutRewards.Compute(policy, sequences, 4, scorer, uniforms).ToArray<float>();
        var reference = RolloutRewards.ReferenceLoop(policy, sequences, 4, scorer, uniforms).ToArray<float>();

        Assert.Equal(reference.Length, batched.Length);
        for (var i = 0; i < batched.Length; i++)
            Assert.True(Math.Abs(batched[i] - reference[i]) <= 1e-5, $"reward {i}: batched {batched[i]}, reference {reference[i]}");
        Assert.True(batched.Distinct().Count() > batched.Length / 2, "rewards should vary across prefixes and sequences");
    }

    [Fact]
    public void RewardAtTheLastPositionIsTheDiscriminatorScoreOfTheSequence()
    {
        using var scope = Torch.NewDisposeScope();
        Torch.ManualSeed(4);
        using var policy = new Generator(TinyModels.Size);
        using var discriminator = new Discriminator(TinyModels.Discriminator);
        var scorer = new SequenceScorers.DiscriminatorScorer(discriminator);
        var sequences = policy.Sample(7);

        var rewards = RolloutRewards.Compute(policy, sequences, 3, scorer);
        var last = rewards.Select(1, TinyModels.Size.SequenceLength - 1).ToArray<float>();
        var direct = discriminator.ProbabilityReal(sequences).ToArray<float>();
        Assert.Equal(direct, last);
        Assert.Equal([7L, TinyModels.Size.SequenceLength], rewards.Shape);
    }

    [Fact]
    public void CompletionsKeepEachPrefixAndOnlySampleTheRest()
    {
        using var scope = Torch.NewDisposeScope();
        Torch.ManualSeed(5);
        using var policy = new Generator(TinyModels.Size, initStd: 1.0);
        var sequences = policy.Sample(4);
        const int rollouts = 3;
        var length = TinyModels.Size.SequenceLength;
        var completions = RolloutRewards.Complete(policy, sequences, rollouts).ToArray<long>();
        var original = sequences.ToArray<long>();
        var differsSomewhere = false;
        for (var t = 1; t < length; t++)
            for (var n = 0; n < rollouts; n++)
                for (var b = 0; b < 4; b++)
                {
                    var row = ((t - 1) * rollouts + n) * 4 + b;
                    for (var k = 0; k < t; k++)
                        Assert.Equal(original[b * length + k], completions[row * length + k]);
                    for (var k = t; k < length; k++)
                        differsSomewhere |= original[b * length + k] != completions[row * length + k];
                }
        Assert.True(differsSomewhere, "completions should not simply copy the original sequences");
    }
}

public class SharedWindowScoringTests
{
    [Fact]
    public void ScoringCompletionsWithSharedWindowsEqualsScoringEachCompletion()
    {
        using var scope = Torch.NewDisposeScope();
        Torch.ManualSeed(6);
        using var policy = new Generator(TinyModels.Size, initStd: 1.0);
        using var discriminator = new Discriminator(TinyModels.Discriminator with { FilterWidths = [1, 2, 3, 6], FilterCounts = [3, 4, 5, 2] });
        var sequences = policy.Sample(5);
        var completions = RolloutRewards.Complete(policy, sequences, 3);
        var shared = discriminator.ProbabilityRealOfCompletions(sequences, completions, 3).ToArray<float>();
        var direct = discriminator.ProbabilityReal(completions).ToArray<float>();
        Assert.Equal(direct.Length, shared.Length);
        for (var i = 0; i < direct.Length; i++)
            Assert.True(Math.Abs(direct[i] - shared[i]) <= 1e-6, $"completion {i}: direct {direct[i]}, shared {shared[i]}");
    }

    [Fact]
    public void WrongCompletionCountIsAClearError()
    {
        using var scope = Torch.NewDisposeScope();
        using var discriminator = new Discriminator(TinyModels.Discriminator);
        var sequences = Tensor.Zeros([2, TinyModels.Size.SequenceLength], DType.Int64);
        var error = Assert.Throws<ArgumentException>(() =>
            discriminator.ProbabilityRealOfCompletions(sequences, Tensor.Zeros([7, TinyModels.Size.SequenceLength], DType.Int64), 3));
        Assert.Contains("expected 30 completions", error.Message);
    }
}
