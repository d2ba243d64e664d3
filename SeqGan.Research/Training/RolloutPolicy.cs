using SeqGan.Research.Models;
using SeqGan.Research.Tensors;

namespace SeqGan.Research.Training;

/// <summary>Which network completes the rollouts.</summary>
public enum RolloutPolicyKind
{
    /// <summary>The generator being trained. What the original code effectively does: its rollout graph is
    /// built once from the generator's live variables, so the "delayed" update never takes effect.</summary>
    CurrentGenerator,

    /// <summary>G_β as the paper describes it: a copy updated after each generator step as
    /// θ_β ← β·θ_β + (1 − β)·θ (the input embedding copied outright, as the original update_params does).</summary>
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

    /// <summary>Called after each generator update (the paper's rollout.update_params()).</summary>
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
