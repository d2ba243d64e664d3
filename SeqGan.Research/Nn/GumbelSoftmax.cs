using SeqGan.Research.Tensors;

namespace SeqGan.Research.Nn;

/// <summary>What a relaxed sample looks like in the forward pass.</summary>
public enum RelaxedSampleMode
{
    /// <summary>softmax((logits + g) / τ): a point inside the simplex, never exactly one-hot (Jang et al. 2017;
    /// Maddison et al. 2017). Its gradient is the relaxation's own.</summary>
    Soft,

    /// <summary>The one-hot of argmax(logits + g) forward — a true sample of the categorical — with the soft
    /// sample's gradient backward (Jang et al. 2017, "straight-through Gumbel").</summary>
    StraightThrough,
}

/// <summary>The Gumbel-softmax (concrete) relaxation of a categorical sample.</summary>
public static class GumbelSoftmax
{
    // U is kept inside (0, 1): U = 0 gives g = −∞ and U = 1 gives +∞ (float32 rounds 1 − 1e-7 to 0.99999988).
    private const double SmallestUniform = 1e-10;
    private const double LargestUniform = 1 - 1e-7;

    /// <summary>Standard Gumbel draws g = −log(−log U), U ~ U(0, 1), from libtorch's seeded generator.</summary>
    public static Tensor Noise(long[] shape, Device? device = null)
    {
        using var scope = Torch.NewDisposeScope();
        var uniform = Tensor.Rand(shape, DType.Float32, device).Clamp(SmallestUniform, LargestUniform);
        return scope.MoveToOuter(-(-uniform.Log()).Log());
    }

    /// <summary>
    /// The relaxed sample of logits [..., V] under Gumbel noise of the same shape at temperature
    /// <paramref name="temperature"/>: softmax((logits + g) / τ) — the temperature divides, it does not multiply
    /// (geek-ai/Texygen#16 reports a fixed inverse temperature of 10 and noise added to the hidden state instead).
    /// argmax(logits + g) is an exact sample of softmax(logits) (the Gumbel-max trick) whatever τ is.
    /// </summary>
    public static Tensor Sample(Tensor logits, Tensor noise, double temperature, RelaxedSampleMode mode)
    {
        if (!(temperature > 0) || double.IsInfinity(temperature))
            throw new ArgumentOutOfRangeException(nameof(temperature), temperature, "the temperature τ must be positive and finite");
        if (!logits.Shape.SequenceEqual(noise.Shape))
            throw new ArgumentException($"noise has shape [{string.Join(", ", noise.Shape)}], logits [{string.Join(", ", logits.Shape)}]");
        using var scope = Torch.NewDisposeScope();
        var soft = ((logits + noise) / temperature).Softmax(-1);
        if (mode == RelaxedSampleMode.Soft) return scope.MoveToOuter(soft);
        var hard = OneHot.Encode(soft.ArgMax(-1), logits.Size(-1));
        // soft − soft is exactly 0 in floating point, so the forward value is exactly the one-hot.
        return scope.MoveToOuter(hard + (soft - soft.Detach()));
    }
}

/// <summary>τ over training: from <paramref name="Start"/> to <paramref name="End"/> over <paramref name="Steps"/> updates,
/// geometrically (the exponential decay of Jang et al. 2017) or linearly; constant when Start = End.</summary>
public sealed record TemperatureSchedule(double Start = 1.0, double End = 1.0, int Steps = 1, TemperatureDecay Decay = TemperatureDecay.Geometric)
{
    public static TemperatureSchedule Constant(double temperature) => new(temperature, temperature);

    public void Validate()
    {
        if (!(Start > 0) || !(End > 0) || double.IsInfinity(Start) || double.IsInfinity(End))
            throw new ArgumentOutOfRangeException(nameof(Start), $"temperatures must be positive and finite, got {Start} → {End}");
        if (Steps < 1) throw new ArgumentOutOfRangeException(nameof(Steps), Steps, "need at least one step");
    }

    /// <summary>τ at update <paramref name="step"/> (0-based); held at End after the last step.</summary>
    public double At(int step)
    {
        Validate();
        if (step < 0) throw new ArgumentOutOfRangeException(nameof(step), step, "steps count from 0");
        var progress = Steps == 1 ? 1.0 : Math.Min(1.0, (double)step / (Steps - 1));
        return Decay == TemperatureDecay.Geometric
            ? Start * Math.Pow(End / Start, progress)
            : Start + (End - Start) * progress;
    }
}

public enum TemperatureDecay
{
    Geometric,
    Linear,
}
