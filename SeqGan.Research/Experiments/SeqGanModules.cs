using SeqGan.Research.Models;
using SeqGan.Research.Nn;
using SeqGan.Research.Tensors;
using SeqGan.Research.Training;

namespace SeqGan.Research.Experiments;

/// <summary>
/// What Algorithm 1 adds to a pretrained generator: the discriminator and its Adam, the generator's own Adam for the
/// adversarial phase, and the roll-out policy. They are created in one fixed order — the discriminator's (and a
/// delayed copy's) initialisation draws from the seeded generator, so the order is part of "same seed, same numbers" —
/// and registered in the session under the names its checkpoints use. Every real-data and oracle SeqGAN run shares it.
/// </summary>
internal sealed class SeqGanModules : IDisposable
{
    public Discriminator Discriminator { get; }
    public Adam DiscriminatorOptimizer { get; }
    public Adam AdversarialOptimizer { get; }
    public RolloutPolicy Rollout { get; }

    public SeqGanModules(Generator generator, DiscriminatorConfig discriminator, double generatorLearningRate,
        RolloutPolicyKind rolloutPolicy, double rolloutUpdateRate, Device device, TrainingSession session)
    {
        Discriminator = (Discriminator)new Discriminator(discriminator).To(device);
        DiscriminatorOptimizer = new Adam(Discriminator.Parameters(), discriminator.LearningRate);
        AdversarialOptimizer = new Adam(generator.Parameters(), generatorLearningRate);
        Rollout = new RolloutPolicy(generator, rolloutPolicy, rolloutUpdateRate);
        session.Register("discriminator", Discriminator);
        session.Register("discriminatorAdam", DiscriminatorOptimizer);
        session.Register("adversarial", AdversarialOptimizer);
        if (Rollout.DelayedCopy is { } delayed) session.Register("rollout", delayed);
    }

    public void Dispose()
    {
        Rollout.Dispose();
        AdversarialOptimizer.Dispose();
        DiscriminatorOptimizer.Dispose();
        Discriminator.Dispose();
    }
}
