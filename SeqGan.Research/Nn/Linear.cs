using SeqGan.Research.Tensors;

namespace SeqGan.Research.Nn;

/// <summary>y = x·W + b with W stored [in, out] — the orientation of the paper's TensorFlow code.</summary>
public sealed class Linear : Module
{
    public Tensor Weight { get; }
    public Tensor? Bias { get; }

    /// <param name="weightInit">defaults to U(−1/√in, 1/√in)</param>
    /// <param name="biasInit">defaults to U(−1/√in, 1/√in); ignored when <paramref name="bias"/> is false</param>
    public Linear(long inputs, long outputs, bool bias = true,
        Func<long[], Tensor>? weightInit = null, Func<long[], Tensor>? biasInit = null)
    {
        var bound = 1.0 / Math.Sqrt(inputs);
        Weight = RegisterParameter("W", (weightInit ?? (s => Init.Uniform(s, -bound, bound)))([inputs, outputs]));
        if (bias) Bias = RegisterParameter("b", (biasInit ?? (s => Init.Uniform(s, -bound, bound)))([outputs]));
    }

    public Tensor Forward(Tensor x)
    {
        if (x.Dimensions == 2 && Bias is not null) return x.AddMatMul(Weight, Bias);
        var product = x.MatMul(Weight);
        return Bias is null ? product : product + Bias;
    }
}
