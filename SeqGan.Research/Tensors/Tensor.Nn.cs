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

    /// <summary>
    /// log softmax(this·weight + bias)[n, targets[n]] for hidden states this [N, H], weight [H, V], bias [V] and int64
    /// targets [N]: [N], differentiable in this, weight and bias. The same values as
    /// <c>AddMatMul(weight, bias).LogSoftmax(1).Gather(1, targets.Unsqueeze(1)).Squeeze(1)</c> up to float rounding,
    /// without materialising the [N, V] logits (fused in the bridge on CPU: chunks of rows that stay in cache).
    /// </summary>
    public Tensor OutputLogProbabilities(Tensor weight, Tensor bias, Tensor targets) =>
        Wrap(sg_output_log_prob(Handle, weight.Handle, bias.Handle, targets.Handle, out var r), r);

    /// <summary>
    /// max over time of relu(conv1d) for one filter width: this [B, T, E] (time-major, as an embedding lookup gives it),
    /// weight [F, E, w], bias [F] -> [B, F]. The same numbers as <c>Transpose(1, 2).Conv1d(weight, bias).Relu().Max(dim: 2)</c>;
    /// its backward (in the bridge) sums over each (sequence, filter)'s winning window only.
    /// </summary>
    public Tensor ConvReluMaxOverTime(Tensor weight, Tensor bias) =>
        Wrap(sg_conv_relu_max(Handle, weight.Handle, bias.Handle, out var r), r);

    /// <summary>
    /// For an embedding table this [V, E] and one filter width (weight [F, E, w], bias [F]): for every row of int64
    /// <paramref name="tokens"/> [R, T], the max over window starts s ≥ <paramref name="firstStart"/>[r] of
    /// relu(bias + Σ_k weight[:, :, k]·this[tokens[r, s + k]]): [R, F], no gradient, CPU float32. The bridge turns the
    /// convolution into per-token tables (vocabulary × F per offset), so each window is w lookups and adds.
    /// </summary>
    public Tensor WindowMaxFromEmbedding(Tensor weight, Tensor bias, Tensor tokens, Tensor firstStart) =>
        Wrap(sg_window_max_from_embedding(Handle, weight.Handle, bias.Handle, tokens.Handle, firstStart.Handle, out var r), r);
}
