namespace SeqGan.Research.Training;

/// <summary>(g-steps, d-steps, k) of Algorithm 1: generator updates (lines 7–13), discriminator rounds (lines 14–17,
/// each on fresh negatives) and epochs per round, per adversarial iteration.</summary>
public sealed record AdversarialStrategy(int GeneratorSteps, int DiscriminatorSteps, int DiscriminatorEpochs)
{
    public override string ToString() => $"g-steps={GeneratorSteps}, d-steps={DiscriminatorSteps}, k={DiscriminatorEpochs}";
}
