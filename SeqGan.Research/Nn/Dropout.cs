using SeqGan.Research.Tensors;

namespace SeqGan.Research.Nn;

/// <summary>Inverted dropout: active only in training mode, identity in eval mode.</summary>
public sealed class Dropout(double dropProbability) : Module
{
    public double DropProbability { get; } = dropProbability is >= 0 and < 1
        ? dropProbability
        : throw new ArgumentOutOfRangeException(nameof(dropProbability), dropProbability, "must be in [0, 1)");

    public Tensor Forward(Tensor x) => IsTraining && DropProbability > 0 ? x.Dropout(DropProbability, training: true) : x.Alias();
}
