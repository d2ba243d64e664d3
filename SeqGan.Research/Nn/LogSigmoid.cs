using SeqGan.Research.Tensors;

namespace SeqGan.Research.Nn;

/// <summary>Numerically stable log σ(z) and softplus(z) = log(1 + e^z), for per-step binary discriminators.</summary>
public static class LogSigmoid
{
    /// <summary>softplus(z) = max(z, 0) + log(1 + e^−|z|): no overflow for large |z|.</summary>
    public static Tensor Softplus(Tensor z)
    {
        using var scope = Torch.NewDisposeScope();
        return scope.MoveToOuter(z.Relu() + ((-z.Abs()).Exp() + 1).Log());
    }

    /// <summary>log σ(z) = −softplus(−z).</summary>
    public static Tensor Of(Tensor z)
    {
        using var scope = Torch.NewDisposeScope();
        return scope.MoveToOuter(-Softplus(-z));
    }

    /// <summary>Binary cross-entropy of logits z against targets y ∈ [0, 1]: softplus(z) − y·z, element-wise.</summary>
    public static Tensor BinaryCrossEntropy(Tensor logits, Tensor targets)
    {
        using var scope = Torch.NewDisposeScope();
        return scope.MoveToOuter(Softplus(logits) - targets * logits);
    }
}
