using SeqGan.Research.Tensors;

namespace SeqGan.Research.Nn;

public static class GradientClipping
{
    /// <summary>
    /// TensorFlow's clip_by_global_norm: when the joint L2 norm of all gradients exceeds
    /// <paramref name="maxNorm"/>, every gradient is scaled by maxNorm / norm. Computed on the
    /// device (no host round-trip); returns the norm before clipping as a 0-d tensor.
    /// </summary>
    public static Tensor ClipByGlobalNorm(IEnumerable<Tensor> parameters, double maxNorm)
    {
        if (maxNorm <= 0) throw new ArgumentOutOfRangeException(nameof(maxNorm), maxNorm, "must be positive");
        using var noGrad = Torch.NoGrad();
        var gradients = new List<Tensor>();
        using (var scope = Torch.NewDisposeScope())
        {
            foreach (var p in parameters)
                if (p.Grad is { } g) gradients.Add(scope.MoveToOuter(g));
        }
        if (gradients.Count == 0) return Tensor.Scalar(0f);
        Tensor norm;
        using (var scope = Torch.NewDisposeScope())
        {
            var squares = gradients.Select(g => g.Square().Sum()).ToList();
            norm = scope.MoveToOuter(Tensor.Stack(squares, 0).Sum().Sqrt());
            // min(maxNorm / norm, 1) with a true division: maxNorm · (1 / maxNorm) is not exactly 1 for
            // many maxNorm (41, 0.1, ...), and gradients below the limit must come out untouched.
            var scale = (Tensor.Full([], maxNorm, norm.DType, norm.Device) / norm).Clamp(0, 1);
            foreach (var g in gradients) g.MulInPlace(scale);
        }
        return norm;
    }
}
