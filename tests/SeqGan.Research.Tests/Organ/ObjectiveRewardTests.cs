using SeqGan.Research.Models;
using SeqGan.Research.Tensors;
using SeqGan.Research.Tests.Training;
using SeqGan.Research.Training;

namespace SeqGan.Research.Tests.Organ;

public class ObjectiveRewardTests
{
    private static readonly IObjective FractionOfSevens = Objective.FromFunction("fraction of 7s", ids => ids.Count(t => t == 7) / (double)ids.Length);

    [Fact]
    public void Lambda_one_gives_exactly_the_SeqGAN_reward()
    {
        using var scope = Torch.NewDisposeScope();
        Torch.ManualSeed(11);
        using var policy = new Generator(TinyModels.Size, initStd: 1.0);
        using var discriminator = new Discriminator(TinyModels.Discriminator);
        var seqgan = new SequenceScorers.DiscriminatorScorer(discriminator);
        var organ = new ObjectiveRewardScorer(seqgan, FractionOfSevens, lambda: 1.0);
        var sequences = policy.Sample(6);
        var uniforms = RolloutRewards.DrawUniforms(TinyModels.Size.SequenceLength, rollouts: 3, batch: 6, Device.Cpu);

        var expected = RolloutRewards.Compute(policy, sequences, 3, seqgan, uniforms).ToArray<float>();
        var actual = RolloutRewards.Compute(policy, sequences, 3, organ, uniforms).ToArray<float>();
        Assert.Equal(expected, actual);
    }

    [Fact]
    public void A_notebook_style_lambda_objective_sets_the_rewards_when_lambda_is_zero()
    {
        using var scope = Torch.NewDisposeScope();
        Torch.ManualSeed(12);
        using var policy = new Generator(TinyModels.Size, initStd: 1.0);
        // Every completion keeps the first token, so each reward is the indicator of the sequence's first token.
        var firstTokenEven = Objective.FromFunction("first token even", ids => ids[0] % 2 == 0 ? 1 : 0);
        var scorer = new ObjectiveRewardScorer(null, firstTokenEven, lambda: 0, uniquenessWeighting: false);
        var sequences = policy.Sample(8);
        var rewards = RolloutRewards.Compute(policy, sequences, 4, scorer);

        var first = sequences.Select(1, 0).ToArray<long>();
        var values = rewards.ToArray<float>();
        var length = TinyModels.Size.SequenceLength;
        for (var b = 0; b < 8; b++)
            for (var t = 0; t < length; t++)
                Assert.Equal(first[b] % 2 == 0 ? 1f : 0f, values[b * length + t]);
        Assert.Contains(first, f => f % 2 == 0);
        Assert.Contains(first, f => f % 2 == 1);
    }

    [Fact]
    public void Mixed_reward_is_lambda_D_plus_one_minus_lambda_O()
    {
        using var scope = Torch.NewDisposeScope();
        Torch.ManualSeed(13);
        using var policy = new Generator(TinyModels.Size, initStd: 1.0);
        using var discriminator = new Discriminator(TinyModels.Discriminator);
        var d = new SequenceScorers.DiscriminatorScorer(discriminator);
        var sequences = policy.Sample(5);
        var uniforms = RolloutRewards.DrawUniforms(TinyModels.Size.SequenceLength, rollouts: 3, batch: 5, Device.Cpu);
        const double lambda = 0.6;

        var seqgan = RolloutRewards.Compute(policy, sequences, 3, d, uniforms).ToArray<float>();
        var naive = RolloutRewards.Compute(policy, sequences, 3, new ObjectiveRewardScorer(null, FractionOfSevens, 0, uniquenessWeighting: false), uniforms).ToArray<float>();
        var organ = RolloutRewards.Compute(policy, sequences, 3, new ObjectiveRewardScorer(d, FractionOfSevens, lambda, uniquenessWeighting: false), uniforms).ToArray<float>();
        for (var i = 0; i < organ.Length; i++)
            Assert.True(Math.Abs(organ[i] - (lambda * seqgan[i] + (1 - lambda) * naive[i])) < 1e-5, $"reward {i}: {organ[i]} vs {lambda}·{seqgan[i]} + {1 - lambda}·{naive[i]}");
        Assert.NotEqual(seqgan, organ);
    }

    [Fact]
    public void Uniqueness_weight_on_a_batch_with_duplicates()
    {
        // METRICS.md §4.1: [a, b, a, c] → U/B = 3/4 → w = [0.375, 0.75, 0.375, 0.75].
        Assert.Equal([0.375, 0.75, 0.375, 0.75], UniquenessWeights.Compute(["a", "b", "a", "c"]));

        using var scope = Torch.NewDisposeScope();
        var always = Objective.FromFunction("always 1", _ => 1.0);
        var batch = Tensor.FromSpan<long>([1, 2, 3, 4, 5, 6, 1, 2, 3, 7, 8, 9], [4, 3], Device.Cpu);
        var weighted = new ObjectiveRewardScorer(null, always, 0).Score(batch).ToArray<float>();
        Assert.Equal([0.375f, 0.75f, 0.375f, 0.75f], weighted);
        var unweighted = new ObjectiveRewardScorer(null, always, 0, uniquenessWeighting: false).Score(batch).ToArray<float>();
        Assert.Equal([1f, 1f, 1f, 1f], unweighted);
    }

    [Fact]
    public void Uniqueness_is_counted_within_each_group_of_completions()
    {
        var scorer = new ObjectiveRewardScorer(null, Objective.FromFunction("always 1", _ => 1.0), 0);
        long[][] rows = [[1], [1], [2], [3]];
        // Groups of two: {1, 1} → 0.5·(1/2) each; {2, 3} → 1 each.
        Assert.Equal([0.25, 0.25, 1.0, 1.0], scorer.WeightedObjective(rows, groupSize: 2));
    }

    [Fact]
    public void An_objective_outside_zero_one_is_an_error_naming_it()
    {
        var scorer = new ObjectiveRewardScorer(null, Objective.FromFunction("too big", _ => 1.5), 0);
        var error = Assert.Throws<InvalidOperationException>(() => scorer.WeightedObjective([[1]], 1));
        Assert.Contains("too big", error.Message);
        Assert.Throws<ArgumentOutOfRangeException>(() => new ObjectiveRewardScorer(null, FractionOfSevens, 1.2));
        Assert.Throws<ArgumentException>(() => new ObjectiveRewardScorer(null, FractionOfSevens, 0.5));
    }
}
