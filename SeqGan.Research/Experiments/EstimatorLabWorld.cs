using SeqGan.Research.Models;
using SeqGan.Research.Nn;
using SeqGan.Research.Tensors;
using SeqGan.Research.Training;
using SeqGan.Research.Training.Estimators;

namespace SeqGan.Research.Experiments;

/// <summary>
/// The estimator lab's world for one seed: the tiny oracle, the generator being differentiated (held fixed while
/// estimates are drawn), the discriminator whose D(Y) is the reward, every sequence of the space, and the exact
/// gradients each estimator is measured against.
/// </summary>
public sealed class EstimatorLabWorld : IDisposable
{
    public required EstimatorLabPreset Preset { get; init; }
    public required OracleLstm Oracle { get; init; }
    public required Generator Generator { get; init; }
    public required Discriminator Discriminator { get; init; }
    public required SequenceSpace Space { get; init; }
    /// <summary>Every sequence of the space [V^T, T].</summary>
    public required Tensor Sequences { get; init; }
    /// <summary>D(Y) of every sequence [V^T].</summary>
    public required Tensor Rewards { get; init; }
    /// <summary>J = E_G[D(Y)] and its exact gradient.</summary>
    public required double ExpectedReward { get; init; }
    public required double[] ExpectedRewardGradient { get; init; }
    /// <summary>∇ Σ p* log p_θ with p* ∝ p_θ·D/(1−D): the target of BGAN's and MaliGAN's weights.</summary>
    public required double[] ImportanceWeightedGradient { get; init; }

    /// <summary>The reward as the estimators see it: D on token ids, and on relaxed one-hots for Gumbel-softmax.</summary>
    public ISequenceScorer Reward => new RewardScorers.RelaxedDiscriminatorScorer(Discriminator);

    public double[] ExactGradientOf(EstimatorTarget target) => target == EstimatorTarget.ExpectedReward ? ExpectedRewardGradient : ImportanceWeightedGradient;

    public static EstimatorLabWorld Create(EstimatorLabPreset preset, int seed, CancellationToken cancellation = default)
    {
        preset.Validate();
        var oracle = new OracleLstm(preset.Model, preset.OracleSeed);
        oracle.Eval();
        Torch.ManualSeed(SessionSeeds.For(seed, "estimator-lab"));
        using var scope = Torch.NewDisposeScope();
        var training = oracle.Sample(preset.TrainingSequences, 2048);
        var generator = new Generator(preset.Model, preset.GeneratorInitStd);
        using (var optimizer = new Adam(generator.Parameters(), preset.GeneratorLearningRate))
            for (var epoch = 0; epoch < preset.PretrainEpochs; epoch++)
                MleTraining.TrainEpoch(generator, optimizer, training, preset.BatchSize, gradientClip: 5.0, cancellation: cancellation);
        var discriminator = new Discriminator(preset.Discriminator);
        using (var optimizer = new Adam(discriminator.Parameters(), preset.Discriminator.LearningRate))
            DiscriminatorTraining.Train(discriminator, optimizer, training, generator.Sample(preset.TrainingSequences), preset.DiscriminatorEpochs,
                preset.BatchSize, cancellation);
        discriminator.Eval();

        var space = new SequenceSpace(preset.Model.VocabularySize, preset.Model.SequenceLength);
        var sequences = space.Enumerate();
        var rewards = discriminator.ProbabilityReal(sequences);
        var (expected, gradient) = Training.Estimators.ExactGradient.ExpectedReward(generator, sequences, rewards);
        var (_, weighted) = Training.Estimators.ExactGradient.ImportanceWeightedTarget(generator, sequences, rewards);
        return new EstimatorLabWorld
        {
            Preset = preset,
            Oracle = oracle,
            Generator = generator,
            Discriminator = discriminator,
            Space = space,
            Sequences = scope.MoveToOuter(sequences).DetachFromDisposeScope(),
            Rewards = scope.MoveToOuter(rewards).DetachFromDisposeScope(),
            ExpectedReward = expected,
            ExpectedRewardGradient = gradient,
            ImportanceWeightedGradient = weighted,
        };
    }

    public void Dispose()
    {
        Oracle.Dispose();
        Generator.Dispose();
        Discriminator.Dispose();
        Sequences.Dispose();
        Rewards.Dispose();
    }
}
