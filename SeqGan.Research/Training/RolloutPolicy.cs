using SeqGan.Research.Models;
using SeqGan.Research.Tensors;

namespace SeqGan.Research.Training;

/// <summary>Which network completes the rollouts.</summary>
public enum RolloutPolicyKind
{
    /// <summary>The generator being trained: what the paper says (G_β "set the same as the generator", β ← θ) and what
    /// the original code does, whose rollout graph is built once from the generator's live variables
    /// (e2b52fb rollout.py:19-21, 105-121), so its "delayed" update_params never takes effect.</summary>
    CurrentGenerator,

    /// <summary>The original code's unrealised intent, in neither the paper nor any run: a copy mixed as
    /// θ_β ← r·θ_β + (1 − r)·θ with r = 0.8 (<c>ROLLOUT(generator, 0.8)</c>, e2b52fb sequence_gan.py:137), the input
    /// embedding copied outright (rollout.py:160-176, 228-244).</summary>
    DelayedCopy,
}

/// <summary>The roll-out policy G_β of Algorithm 1 (lines 3 and 18: β ← θ).</summary>
public sealed class RolloutPolicy : IDisposable
{
    private readonly ISequencePolicy generator;
    private readonly ISequencePolicy? delayed;

    public RolloutPolicyKind Kind { get; }
    public double UpdateRate { get; }

    /// <param name="newCopy">builds a fresh policy of the generator's architecture (the delayed copy; the generator's own factory)</param>
    public RolloutPolicy(ISequencePolicy generator, RolloutPolicyKind kind, double updateRate, Func<ISequencePolicy> newCopy)
    {
        if (updateRate is < 0 or > 1) throw new ArgumentOutOfRangeException(nameof(updateRate), updateRate, "must be in [0, 1]");
        this.generator = generator;
        Kind = kind;
        UpdateRate = updateRate;
        if (kind == RolloutPolicyKind.DelayedCopy)
        {
            delayed = newCopy();
            CopyFrom(generator, rate: 0);
        }
    }

    public ISequencePolicy Policy => delayed ?? generator;

    /// <summary>The original's <c>rollout.update_params()</c> (e2b52fb sequence_gan.py:160: once per adversarial iteration,
    /// after its g-steps and evaluation); a no-op for the current generator.</summary>
    public void Update()
    {
        if (delayed is not null) CopyFrom(generator, UpdateRate);
    }

    private void CopyFrom(ISequencePolicy source, double rate)
    {
        using var scope = Torch.NewDisposeScope();
        using var noGrad = Torch.NoGrad();
        var sourceParameters = source.NamedParameters().ToDictionary(p => p.Name, p => p.Parameter);
        foreach (var (name, target) in delayed!.NamedParameters())
        {
            var value = sourceParameters.TryGetValue(name, out var found) ? found
                : throw new InvalidOperationException($"the delayed rollout copy has a parameter '{name}' the generator lacks: the copy must be the generator's architecture");
            if (rate == 0 || source.IsInputEmbedding(name)) target.CopyInPlace(value);
            else target.MulInPlace(rate).AddInPlace(value, 1 - rate);
        }
    }

    /// <summary>Parameters of the delayed copy for checkpoints (null for <see cref="RolloutPolicyKind.CurrentGenerator"/>).</summary>
    public ISequencePolicy? DelayedCopy => delayed;

    public void Dispose() => delayed?.Dispose();
}
