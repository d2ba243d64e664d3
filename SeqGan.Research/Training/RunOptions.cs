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
}
