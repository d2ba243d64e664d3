using SeqGan.Research.Tensors;

namespace SeqGan.Research.Nn;

/// <summary>Highway layer (Srivastava et al. 2015): y = t ⊙ relu(x·W_H + b_H) + (1 − t) ⊙ x with t = σ(x·W_T + b_T).</summary>
public sealed class Highway : Module
{
    public Linear Transform { get; }
    public Linear Gate { get; }

    /// <param name="gateBias">initial gate bias; the paper's code uses 0 (negative values favour carrying x)</param>
    public Highway(long size, double gateBias = 0.0, Func<long[], Tensor>? weightInit = null)
    {
        Transform = RegisterModule("transform", new Linear(size, size, weightInit: weightInit));
        Gate = RegisterModule("gate", new Linear(size, size, weightInit: weightInit, biasInit: s => Init.Constant(s, gateBias)));
    }

    public Tensor Forward(Tensor x)
    {
        var transformed = Transform.Forward(x).Relu();
        var gate = Gate.Forward(x).Sigmoid();
        return gate * transformed + (1.0 - gate) * x;
    }
}
