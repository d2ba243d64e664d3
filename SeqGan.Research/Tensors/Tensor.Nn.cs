using static SeqGan.Research.Tensors.NativeMethods;

namespace SeqGan.Research.Tensors;

// Neural-network primitives the Nn layer builds on.
public sealed partial class Tensor
{
    /// <summary>Rows of this [V, E] table picked by int64 <paramref name="indices"/> of any shape: [..., E].</summary>
    public Tensor Embedding(Tensor indices) => Wrap(sg_embedding(Handle, indices.Handle, out var r), r);

    /// <summary>1-D convolution, VALID padding: this [B, C, T], weight [F, C, k], bias [F] -> [B, F, T-k+1].</summary>
    public Tensor Conv1d(Tensor weight, Tensor? bias)
    {
        var status = sg_conv1d(Handle, weight.Handle, bias?.Handle.DangerousGetHandle() ?? IntPtr.Zero, out var r);
        GC.KeepAlive(bias);
        return Wrap(status, r);
    }

    /// <summary>Zeroes each element with probability <paramref name="p"/> and scales the rest by 1/(1-p) when training.</summary>
    public Tensor Dropout(double p, bool training) => Wrap(sg_dropout(Handle, p, training ? 1 : 0, out var r), r);

    /// <summary>Mean of <c>-this[n, target[n]]</c> over rows, for log-probabilities [N, C] and int64 targets [N].</summary>
    public Tensor NllLoss(Tensor target) => Wrap(sg_nll_loss(Handle, target.Handle, 1, out var r), r);

    /// <summary>One category per row of a [B, V] matrix of probabilities (or logits), int64 [B].
    /// Inverse-CDF sampling with libtorch's seeded generator: one uniform draw per row.</summary>
    public Tensor SampleRows(bool areLogits = false) => Wrap(sg_sample_rows(Handle, areLogits ? 1 : 0, out var r), r);

    /// <summary>Like <see cref="SampleRows(bool)"/> but with given uniforms [B] in [0, 1): row b takes the first
    /// category whose cumulative probability exceeds uniforms[b].</summary>
    public Tensor SampleRows(Tensor uniforms, bool areLogits) =>
        Wrap(sg_sample_rows_with_uniforms(Handle, uniforms.Handle, areLogits ? 1 : 0, out var r), r);

    /// <summary>
    /// Tokens [R] drawn from softmax(this·weight + bias) for hidden states this [R, H], by inverse CDF with
    /// uniforms [R]: the same tokens as <c>AddMatMul(weight, bias).SampleRows(uniforms, areLogits: true)</c>
    /// up to float rounding, without materialising the [R, V] logits (fused in the bridge, parallel over rows).
    /// </summary>
    public Tensor SampleFromHidden(Tensor weight, Tensor bias, Tensor uniforms) =>
        Wrap(sg_sample_from_hidden(Handle, weight.Handle, bias.Handle, uniforms.Handle, out var r), r);
}
