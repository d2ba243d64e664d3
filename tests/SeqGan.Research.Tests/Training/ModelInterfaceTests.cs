using SeqGan.Research.Models;
using SeqGan.Research.Tensors;
using SeqGan.Research.Training;

namespace SeqGan.Research.Tests.Training;

/// <summary>Training is written against <see cref="ISequencePolicy"/>: a GRU, whose state is one tensor, goes through
/// rollouts, the delayed rollout copy and scheduled sampling like the LSTM.</summary>
public class ModelInterfaceTests
{
    private static readonly SequenceShape Shape = new(VocabularySize: 30, SequenceLength: 6);

    [Fact]
    public void Gru_rollouts_match_the_one_rollout_at_a_time_reference()
    {
        using var scope = Torch.NewDisposeScope();
        Torch.ManualSeed(21);
        using var gru = new GruGeneratorFactory(8, 8).Create(Shape, Device.Cpu);
        Assert.Single(gru.StartState(4).Parts);   // not LSTM-shaped
        var sequences = gru.Sample(4);
        var uniforms = RolloutRewards.DrawUniforms(Shape.SequenceLength, 3, 4, Device.Cpu);
        var scorer = new SequenceScorers.HostScorer((ids, width) =>
            Enumerable.Range(0, ids.Length / width).Select(r => ids.Skip(r * width).Take(width).Sum() / (30.0 * width)).ToArray());
        var batched = RolloutRewards.Compute(gru, sequences, 3, scorer, uniforms);
        var reference = RolloutRewards.ReferenceLoop(gru, sequences, 3, scorer, uniforms);
        Assert.True((batched - reference).Abs().Max().Item() < 1e-6);
    }

    [Fact]
    public void A_delayed_rollout_copy_of_a_gru_copies_the_embedding_and_mixes_the_rest()
    {
        using var scope = Torch.NewDisposeScope();
        Torch.ManualSeed(22);
        var factory = new GruGeneratorFactory(8, 8);
        using var gru = factory.Create(Shape, Device.Cpu);
        using var rollout = new RolloutPolicy(gru, RolloutPolicyKind.DelayedCopy, 0.8, () => factory.Create(Shape, Device.Cpu));
        var before = rollout.Policy.StateDict();
        using (Torch.NoGrad())
            foreach (var p in gru.Parameters()) p.AddInPlace(Tensor.Ones(p.Shape));
        rollout.Update();
        var after = rollout.Policy.StateDict();
        var generator = gru.StateDict();
        Assert.Equal(generator["embedding.weight"].ToArray<float>(), after["embedding.weight"].ToArray<float>());
        var mixed = (before["gru.W"] * 0.8 + generator["gru.W"] * 0.2 - after["gru.W"]).Abs().Max().Item();
        Assert.True(mixed < 1e-6, $"gru.W: θ_β ← 0.8 θ_β + 0.2 θ off by {mixed}");
    }

    [Fact]
    public void Scheduled_sampling_and_mle_train_a_gru()
    {
        using var scope = Torch.NewDisposeScope();
        Torch.ManualSeed(23);
        using var gru = new GruGeneratorFactory(8, 8).Create(Shape, Device.Cpu);
        using var optimizer = new SeqGan.Research.Nn.Adam(gru.Parameters(), 0.01);
        var data = gru.Sample(64);
        var first = MleTraining.TrainEpoch(gru, optimizer, data, 16, 5.0);
        for (var i = 0; i < 5; i++) MleTraining.TrainEpoch(gru, optimizer, data, 16, 5.0);
        Assert.True(MleTraining.TrainEpoch(gru, optimizer, data, 16, 5.0) < first);
        Assert.True(double.IsFinite(ScheduledSampling.TrainEpoch(gru, optimizer, data, 16, 5.0, teacherForcing: 0.5)));
    }
}
