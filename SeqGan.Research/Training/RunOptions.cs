using SeqGan.Research.Tensors;

namespace SeqGan.Research.Training;

/// <summary>Where and how one seed runs: the same for every experiment and for the trainer itself.</summary>
public sealed record RunOptions
{
    public int Seed { get; init; } = 1;
    public Device Device { get; init; } = Device.Cpu;
    /// <summary>Checkpoint root (sessions go to <c>seedN/SESSION</c> under it); null: no checkpoints. The experiments'
    /// entry points default it to <c>OUTPUT/checkpoints</c>.</summary>
    public string? CheckpointDirectory { get; init; }
    /// <summary>Continue from the checkpoints found there.</summary>
    public bool Resume { get; init; }
    /// <summary>Start over when the checkpoint root holds an earlier run's checkpoints (they are deleted); without it
    /// and without <see cref="Resume"/> such a run is refused (see <see cref="Storage.RunManifest"/>).</summary>
    public bool Force { get; init; }
}
