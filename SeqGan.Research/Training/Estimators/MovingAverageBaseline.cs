using SeqGan.Research.Tensors;

namespace SeqGan.Research.Training.Estimators;

/// <summary>
/// A baseline b_t per position: the exponential moving average of past batches' mean reward at that position,
/// b ← λ·b + (1 − λ)·mean(reward). It is subtracted before it sees the current batch, so it does not depend on the
/// samples it baselines and the estimate stays unbiased. (The original SeqGAN generator declares such a per-position
/// variable, expected_reward, and never uses it: LantaoYu/SeqGAN generator.py:22.) The first batch meets b = 0 and
/// then sets b to its own mean.
/// </summary>
public sealed class MovingAverageBaseline
{
    private double[]? values;

    public MovingAverageBaseline(double decay = 0.9)
    {
        if (decay is < 0 or >= 1 || double.IsNaN(decay)) throw new ArgumentOutOfRangeException(nameof(decay), decay, "the decay λ must be in [0, 1)");
        Decay = decay;
    }

    public double Decay { get; }

    /// <summary>b_t per position, or null before the first update; settable so a checkpoint can restore it.</summary>
    public double[]? Values
    {
        get => values?.ToArray();
        set => values = value?.ToArray();
    }

    /// <summary>rewards [B, T] minus the current baseline, then the baseline absorbs this batch.</summary>
    public Tensor SubtractAndUpdate(Tensor rewards)
    {
        if (rewards.Dimensions != 2) throw new ArgumentException($"rewards must be [batch, length], got [{string.Join(", ", rewards.Shape)}]", nameof(rewards));
        var length = (int)rewards.Size(1);
        if (values is not null && values.Length != length)
            throw new ArgumentException($"the baseline has {values.Length} positions, rewards have {length}", nameof(rewards));
        using var scope = Torch.NewDisposeScope();
        var current = values ?? new double[length];
        var baseline = Tensor.From(current.Select(v => (float)v).ToArray(), [1, length], rewards.Device).To(rewards.DType);
        var advantages = rewards - baseline;
        var means = rewards.Detach().Mean(0).To(DType.Float64, Device.Cpu).ToArray<double>();
        values = values is null
            ? means
            : current.Zip(means, (b, m) => Decay * b + (1 - Decay) * m).ToArray();
        return scope.MoveToOuter(advantages);
    }
}
