using SeqGan.Research.Tensors;

namespace SeqGan.Research.Nn;

/// <summary>
/// A gated recurrent unit (Cho et al. 2014, eqs. 5–8, with biases): r = σ(x·W_r + h·U_r + b_r),
/// z = σ(x·W_z + h·U_z + b_z), h̃ = tanh(x·W_n + (r ⊙ h)·U_n + b_n), h' = z ⊙ h + (1 − z) ⊙ h̃.
/// The reset gate multiplies h before its product with U_n, as in the paper (cuDNN and PyTorch apply it after).
/// Gates are stored side by side — W [in, 3H], U [H, 3H], b [3H] in the order r, z, n — in the x·W orientation of
/// <see cref="LstmCell"/>. The state is the hidden vector alone [B, H].
/// </summary>
/// <param name="init">for W, U and b; defaults to U(−1/√H, 1/√H)</param>
public sealed class GruCell(long inputSize, long hiddenSize, Func<long[], Tensor>? init = null)
    : GatedRecurrentCell(inputSize, hiddenSize, GateCount, init)
{
    public const int GateCount = 3;

    public Tensor ZeroState(long batch) => Tensor.Zeros([batch, HiddenSize], W.DType, W.Device);

    /// <summary>One step from input x [B, in] and hidden state [B, H].</summary>
    public Tensor Step(Tensor x, Tensor hidden) => StepFromProjectedInput(x.AddMatMul(W, B), hidden);

    /// <summary>One step when x·W + b [B, 3H] is already computed (see <see cref="Unroll"/>).</summary>
    public Tensor StepFromProjectedInput(Tensor projectedInput, Tensor hidden)
    {
        var h = HiddenSize;
        var gates = (projectedInput.Narrow(1, 0, 2 * h) + hidden.MatMul(U.Narrow(1, 0, 2 * h))).Sigmoid();
        var reset = gates.Narrow(1, 0, h);
        var update = gates.Narrow(1, h, h);
        var candidate = (projectedInput.Narrow(1, 2 * h, h) + (reset * hidden).MatMul(U.Narrow(1, 2 * h, h))).Tanh();
        return candidate + update * (hidden - candidate);   // z ⊙ h + (1 − z) ⊙ h̃
    }

    /// <summary>Runs the cell over inputs [B, T, in]: every hidden state [B, T, H] (index t = after input t) and the
    /// last one. The input projection of all T steps is one matrix product.</summary>
    public (Tensor Hiddens, Tensor Final) Unroll(Tensor inputs, Tensor? initial = null)
    {
        var batch = inputs.Size(0);
        var steps = inputs.Size(1);
        var projected = inputs.Reshape(batch * steps, InputSize).AddMatMul(W, B).Reshape(batch, steps, GateCount * HiddenSize);
        var state = initial ?? ZeroState(batch);
        var hiddens = new List<Tensor>((int)steps);
        for (var t = 0; t < steps; t++)
        {
            state = StepFromProjectedInput(projected.Select(1, t), state);
            hiddens.Add(state);
        }
        return (Tensor.Stack(hiddens, 1), state);
    }
}
