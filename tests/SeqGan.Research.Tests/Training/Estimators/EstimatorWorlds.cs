using SeqGan.Research.Experiments;

namespace SeqGan.Research.Tests.Training.Estimators;

/// <summary>The lab's smoke world (vocabulary 6, length 4: 1,296 sequences), built once for the estimator tests.</summary>
public sealed class SmokeLabWorld : IDisposable
{
    public EstimatorLabWorld World { get; } = EstimatorLabWorld.Create(EstimatorLabPreset.Smoke, seed: 1);

    public void Dispose() => World.Dispose();
}
