using SeqGan.Research.Models;
using SeqGan.Research.Nn;
using SeqGan.Research.Tensors;

namespace SeqGan.Research.Training;

/// <summary>
/// The two moves of Algorithm 1, shared by every experiment (synthetic oracle, real corpora, a user's own text):
/// a generator step (sample a batch, reward each token by Monte-Carlo rollouts, policy-gradient update) and a
/// discriminator round (fresh negatives from the generator, then k epochs against the real data).
/// </summary>
public static class AdversarialTraining
{
    /// <summary>One g-step: <paramref name="batchSize"/> samples, rollout rewards under <paramref name="scorer"/>, one policy-gradient update.</summary>
    public static void GeneratorStep(ISequencePolicy generator, Adam optimizer, ISequencePolicy rolloutPolicy, ISequenceScorer scorer,
        int batchSize, int rollouts, double gradientClip)
    {
        using var scope = Torch.NewDisposeScope();
        var samples = generator.Sample(batchSize);
        var rewards = RolloutRewards.Compute(rolloutPolicy, samples, rollouts, scorer);
        PolicyGradient.Step(generator, optimizer, samples, rewards, gradientClip);
    }

    /// <summary>One d-step: <paramref name="negativeSamples"/> fresh generator samples against <paramref name="positives"/>
    /// for <paramref name="epochs"/> epochs; returns D's mean loss of the last epoch.</summary>
    public static double DiscriminatorRound(ISequenceDiscriminator discriminator, Adam optimizer, ISequencePolicy generator, Tensor positives,
        int negativeSamples, int epochs, int batchSize, CancellationToken cancellation = default)
    {
        using var scope = Torch.NewDisposeScope();
        var negatives = generator.Sample(negativeSamples, 2048);
        return DiscriminatorTraining.Train(discriminator, optimizer, positives, negatives, epochs, batchSize, cancellation);
    }
}
