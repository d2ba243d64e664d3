using SeqGan.Research.Tensors;

namespace SeqGan.Research.Nn;

/// <summary>Token ids as one-hot vectors: the discrete end of the relaxed inputs a soft-input discriminator reads.</summary>
public static class OneHot
{
    /// <summary>float32 [..., <paramref name="classes"/>] with a 1 at each id of int64 <paramref name="tokens"/> (any shape).
    /// An id outside [0, classes) is an error, not an all-zero row.</summary>
    public static Tensor Encode(Tensor tokens, long classes)
    {
        if (classes < 1) throw new ArgumentOutOfRangeException(nameof(classes), classes, "need at least one class");
        if (tokens.DType != DType.Int64) throw new ArgumentException($"token ids must be int64, got {tokens.DType}", nameof(tokens));
        using var scope = Torch.NewDisposeScope();
        if (tokens.NumberOfElements > 0)
        {
            var outside = tokens.Lt(0).LogicalOr(tokens.Ge(classes)).To(DType.Int64).Sum().ItemInt64();
            if (outside > 0) throw new ArgumentException($"{outside} token ids lie outside [0, {classes})", nameof(tokens));
        }
        var range = Tensor.Arange(classes, DType.Int64, tokens.Device);
        return scope.MoveToOuter(tokens.Unsqueeze(-1).Eq(range).To(DType.Float32));
    }
}
