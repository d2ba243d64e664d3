using static SeqGan.Research.Tensors.NativeMethods;

namespace SeqGan.Research.Tensors;

// Element-wise arithmetic (broadcasting like NumPy), reductions and comparisons.
public sealed partial class Tensor
{
    public static Tensor operator +(Tensor a, Tensor b) => Wrap(sg_add(a.Handle, b.Handle, out var r), r);
    public static Tensor operator -(Tensor a, Tensor b) => Wrap(sg_sub(a.Handle, b.Handle, out var r), r);
    public static Tensor operator *(Tensor a, Tensor b) => Wrap(sg_mul(a.Handle, b.Handle, out var r), r);
    public static Tensor operator /(Tensor a, Tensor b) => Wrap(sg_div(a.Handle, b.Handle, out var r), r);
    public static Tensor operator +(Tensor a, double s) => Wrap(sg_add_scalar(a.Handle, s, out var r), r);
    public static Tensor operator +(double s, Tensor a) => a + s;
    public static Tensor operator -(Tensor a, double s) => a + (-s);
    public static Tensor operator -(double s, Tensor a) => Wrap(sg_rsub_scalar(a.Handle, s, out var r), r);
    public static Tensor operator *(Tensor a, double s) => Wrap(sg_mul_scalar(a.Handle, s, out var r), r);
    public static Tensor operator *(double s, Tensor a) => a * s;
    public static Tensor operator /(Tensor a, double s) => Wrap(sg_div_scalar(a.Handle, s, out var r), r);
    public static Tensor operator /(double s, Tensor a) { using var inverse = a.Pow(-1); return inverse * s; }
    public static Tensor operator -(Tensor a) => Wrap(sg_neg(a.Handle, out var r), r);

    public Tensor Pow(double exponent) => Wrap(sg_pow_scalar(Handle, exponent, out var r), r);
    public Tensor Pow(Tensor exponent) => Wrap(sg_pow(Handle, exponent.Handle, out var r), r);
    public Tensor Square() => this * this;
    public Tensor Maximum(Tensor other) => Wrap(sg_maximum(Handle, other.Handle, out var r), r);
    public Tensor Minimum(Tensor other) => Wrap(sg_minimum(Handle, other.Handle, out var r), r);
    public Tensor Clamp(double min, double max) => Wrap(sg_clamp(Handle, min, max, out var r), r);

    public Tensor Exp() => Wrap(sg_exp(Handle, out var r), r);
    public Tensor Log() => Wrap(sg_log(Handle, out var r), r);
    public Tensor Sqrt() => Wrap(sg_sqrt(Handle, out var r), r);
    public Tensor Abs() => Wrap(sg_abs(Handle, out var r), r);
    public Tensor Sigmoid() => Wrap(sg_sigmoid(Handle, out var r), r);
    public Tensor Tanh() => Wrap(sg_tanh(Handle, out var r), r);
    public Tensor Relu() => Wrap(sg_relu(Handle, out var r), r);

    /// <summary>Matrix product with NumPy's broadcasting rules (batched when either side has more than 2 dims).</summary>
    public Tensor MatMul(Tensor other) => Wrap(sg_matmul(Handle, other.Handle, out var r), r);

    /// <summary><c>bias + this @ weight</c> for a 2-D input, in one BLAS call.</summary>
    public Tensor AddMatMul(Tensor weight, Tensor bias) => Wrap(sg_addmm(bias.Handle, Handle, weight.Handle, out var r), r);

    // ---- reductions ----
    public Tensor Sum() => Wrap(sg_sum_all(Handle, out var r), r);
    public Tensor Sum(long dim, bool keepDim = false) => Wrap(sg_sum_dim(Handle, dim, keepDim ? 1 : 0, out var r), r);
    public Tensor Mean() => Wrap(sg_mean_all(Handle, out var r), r);
    public Tensor Mean(long dim, bool keepDim = false) => Wrap(sg_mean_dim(Handle, dim, keepDim ? 1 : 0, out var r), r);
    public Tensor Max() => Wrap(sg_max_all(Handle, out var r), r);

    /// <summary>Maximum values along <paramref name="dim"/> (no indices; cheaper backward).</summary>
    public Tensor Max(long dim, bool keepDim = false) => Wrap(sg_amax(Handle, dim, keepDim ? 1 : 0, out var r), r);

    public (Tensor Values, Tensor Indices) MaxWithIndices(long dim, bool keepDim = false)
    {
        Check(sg_max_dim(Handle, dim, keepDim ? 1 : 0, out var values, out var indices));
        return (new Tensor(values), new Tensor(indices));
    }

    public Tensor ArgMax(long dim, bool keepDim = false) => Wrap(sg_argmax(Handle, dim, keepDim ? 1 : 0, out var r), r);
    /// <summary>Running maximum along <paramref name="dim"/>: element i is the max of elements 0..i.</summary>
    public Tensor CumMax(long dim) => Wrap(sg_cummax(Handle, dim, out var r), r);
    public Tensor CumSum(long dim) => Wrap(sg_cumsum(Handle, dim, out var r), r);
    public Tensor LogSoftmax(long dim) => Wrap(sg_log_softmax(Handle, dim, out var r), r);
    public Tensor Softmax(long dim) => Wrap(sg_softmax(Handle, dim, out var r), r);

    // ---- comparisons (bool results) ----
    private Tensor Compare(Tensor other, int op) => Wrap(sg_compare(Handle, other.Handle, op, out var r), r);
    private Tensor Compare(double other, int op) => Wrap(sg_compare_scalar(Handle, other, op, out var r), r);
    public Tensor Eq(Tensor other) => Compare(other, 0);
    public Tensor Ne(Tensor other) => Compare(other, 1);
    public Tensor Lt(Tensor other) => Compare(other, 2);
    public Tensor Le(Tensor other) => Compare(other, 3);
    public Tensor Gt(Tensor other) => Compare(other, 4);
    public Tensor Ge(Tensor other) => Compare(other, 5);
    public Tensor Eq(double other) => Compare(other, 0);
    public Tensor Ne(double other) => Compare(other, 1);
    public Tensor Lt(double other) => Compare(other, 2);
    public Tensor Le(double other) => Compare(other, 3);
    public Tensor Gt(double other) => Compare(other, 4);
    public Tensor Ge(double other) => Compare(other, 5);
    public Tensor LogicalNot() => Wrap(sg_logical_not(Handle, out var r), r);
    public Tensor LogicalAnd(Tensor other) => Wrap(sg_logical_and(Handle, other.Handle, out var r), r);
    public Tensor LogicalOr(Tensor other) => Wrap(sg_logical_or(Handle, other.Handle, out var r), r);

    /// <summary>Element-wise <c>condition ? a : b</c>.</summary>
    public static Tensor Where(Tensor condition, Tensor a, Tensor b) => Wrap(sg_where(condition.Handle, a.Handle, b.Handle, out var r), r);

    // ---- in-place updates (for optimizers and initialisers; run them under Torch.NoGrad() on parameters) ----
    public Tensor AddInPlace(Tensor other, double alpha = 1.0) { Check(sg_add_(Handle, other.Handle, alpha)); return this; }
    public Tensor MulInPlace(Tensor other) { Check(sg_mul_(Handle, other.Handle)); return this; }
    public Tensor MulInPlace(double value) { Check(sg_mul_scalar_(Handle, value)); return this; }
    public Tensor AddCMulInPlace(Tensor a, Tensor b, double value) { Check(sg_addcmul_(Handle, a.Handle, b.Handle, value)); return this; }
    public Tensor AddCDivInPlace(Tensor a, Tensor b, double value) { Check(sg_addcdiv_(Handle, a.Handle, b.Handle, value)); return this; }

    /// <summary>One Adam update of this parameter in place, fused in one pass over memory on the CPU (see
    /// bridge_optim.cpp): g = grad + weightDecay·this; m ← β1·m + (1−β1)·g; v ← β2·v + (1−β2)·g²;
    /// this ← this − stepSize·m / (√v / correction2Sqrt + ε).</summary>
    public void AdamStepInPlace(Tensor gradient, Tensor firstMoment, Tensor secondMoment, double beta1, double beta2,
        double stepSize, double correction2Sqrt, double epsilon, double weightDecay) =>
        Check(sg_adam_step_(Handle, gradient.Handle, firstMoment.Handle, secondMoment.Handle, beta1, beta2, stepSize,
            correction2Sqrt, epsilon, weightDecay));

    /// <summary>
    /// The same update as <see cref="AdamStepInPlace(Tensor, Tensor, Tensor, double, double, double, double, double, double)"/> (unfused order of operations) for many parameters at once, with
    /// libtorch's multi-tensor operators: on a GPU a few kernel launches for the whole model instead of several per tensor.
    /// </summary>
    public static unsafe void MultiTensorAdamStep(IReadOnlyList<Tensor> parameters, IReadOnlyList<Tensor> gradients,
        IReadOnlyList<Tensor> firstMoments, IReadOnlyList<Tensor> secondMoments, double beta1, double beta2, double stepSize,
        double correction2Sqrt, double epsilon, double weightDecay)
    {
        var count = parameters.Count;
        if (gradients.Count != count || firstMoments.Count != count || secondMoments.Count != count)
            throw new ArgumentException($"need one gradient and two moments per parameter ({count}), got {gradients.Count}, {firstMoments.Count}, {secondMoments.Count}");
        var raw = new nint[4 * count];
        for (var i = 0; i < count; i++)
        {
            raw[i] = Raw(parameters[i]);
            raw[count + i] = Raw(gradients[i]);
            raw[2 * count + i] = Raw(firstMoments[i]);
            raw[3 * count + i] = Raw(secondMoments[i]);
        }
        fixed (nint* p = raw)
            Check(sg_adam_step_multi_(p, p + count, p + 2 * count, p + 3 * count, count, beta1, beta2, stepSize, correction2Sqrt, epsilon, weightDecay));
        GC.KeepAlive(parameters);
        GC.KeepAlive(gradients);
        GC.KeepAlive(firstMoments);
        GC.KeepAlive(secondMoments);
    }

    private static nint Raw(Tensor tensor)
    {
        ObjectDisposedException.ThrowIf(tensor.IsDisposed, tensor);
        return tensor.Handle.DangerousGetHandle();
    }

    public Tensor CopyInPlace(Tensor source) { Check(sg_copy_(Handle, source.Handle)); return this; }
    public Tensor FillInPlace(double value) { Check(sg_fill_(Handle, value)); return this; }
    public Tensor NormalInPlace(double mean, double std) { Check(sg_normal_(Handle, mean, std)); return this; }
    public Tensor UniformInPlace(double low, double high) { Check(sg_uniform_(Handle, low, high)); return this; }

    /// <summary>TensorFlow's truncated normal: N(mean, std) with draws beyond two std redrawn.</summary>
    public Tensor TruncatedNormalInPlace(double mean, double std) { Check(sg_trunc_normal_(Handle, mean, std)); return this; }
}
