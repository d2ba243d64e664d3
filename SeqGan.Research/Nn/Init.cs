using SeqGan.Research.Tensors;

namespace SeqGan.Research.Nn;

/// <summary>The initialisers of the paper's code, as factories of fresh parameter tensors.</summary>
public static class Init
{
    public static Tensor Normal(long[] shape, double std, double mean = 0.0) =>
        Tensor.Zeros(shape).NormalInPlace(mean, std);

    public static Tensor Uniform(long[] shape, double low, double high) =>
        Tensor.Zeros(shape).UniformInPlace(low, high);

    /// <summary>TensorFlow's truncated_normal(stddev): draws beyond two std are redrawn.</summary>
    public static Tensor TruncatedNormal(long[] shape, double std, double mean = 0.0) =>
        Tensor.Zeros(shape).TruncatedNormalInPlace(mean, std);

    public static Tensor Constant(long[] shape, double value) => Tensor.Full(shape, value);
}
