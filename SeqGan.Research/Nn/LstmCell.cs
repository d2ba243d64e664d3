using SeqGan.Research.Tensors;

namespace SeqGan.Research.Nn;

/// <summary>Hidden and cell state of an LSTM, each [B, H].</summary>
public sealed record LstmState(Tensor Hidden, Tensor Cell);

/// <summary>
/// The LSTM cell of the SeqGAN oracle and generator (no peepholes, no forget-bias offset):
/// i = σ(x·W_i + h·U_i + b_i), f = σ(x·W_f + h·U_f + b_f), o = σ(x·W_o + h·U_o + b_o),
/// c̃ = tanh(x·W_c + h·U_c + b_c), c' = f ⊙ c + i ⊙ c̃, h' = o ⊙ tanh(c').
/// The four gates are stored side by side — W [in, 4H], U [H, 4H], b [4H] in the order i, f, o, c —
/// so that one step costs two matrix products instead of eight.
/// </summary>
/// <param name="init">for W, U and b; defaults to U(−1/√H, 1/√H)</param>
public sealed class LstmCell(long inputSize, long hiddenSize, Func<long[], Tensor>? init = null)
    : GatedRecurrentCell(inputSize, hiddenSize, GateCount, init)
{
    public const int GateCount = 4;

    public LstmState ZeroState(long batch) =>
        new(Tensor.Zeros([batch, HiddenSize], W.DType, W.Device), Tensor.Zeros([batch, HiddenSize], W.DType, W.Device));

    /// <summary>One step from input x [B, in].</summary>
    public LstmState Step(Tensor x, LstmState state) => StepFromProjectedInput(x.AddMatMul(W, B), state);

    /// <summary>One step when x·W + b [B, 4H] is already computed (see <see cref="Unroll"/>).</summary>
    public LstmState StepFromProjectedInput(Tensor projectedInput, LstmState state)
    {
        var h = HiddenSize;
        var gates = projectedInput + state.Hidden.MatMul(U);
        var sigmoidGates = gates.Narrow(1, 0, 3 * h).Sigmoid();
        var input = sigmoidGates.Narrow(1, 0, h);
        var forget = sigmoidGates.Narrow(1, h, h);
        var output = sigmoidGates.Narrow(1, 2 * h, h);
        var candidate = gates.Narrow(1, 3 * h, h).Tanh();
        var cell = forget * state.Cell + input * candidate;
        return new LstmState(output * cell.Tanh(), cell);
    }

    /// <summary>
    /// Runs the cell over inputs [B, T, in] (teacher forcing) and returns every hidden state [B, T, H]
    /// plus the final state. The input projection of all T steps is one matrix product.
    /// </summary>
    public (Tensor Hiddens, LstmState Final) Unroll(Tensor inputs, LstmState? initial = null)
    {
        var (hiddens, _, final) = Run(inputs, initial, keepCells: false);
        return (hiddens, final);
    }

    /// <summary>Like <see cref="Unroll"/> but keeps the cell states too: hiddens and cells [B, T, H], where
    /// index t is the state after consuming inputs 0..t (what rollouts resume from).</summary>
    public (Tensor Hiddens, Tensor Cells) UnrollStates(Tensor inputs, LstmState? initial = null)
    {
        var (hiddens, cells, _) = Run(inputs, initial, keepCells: true);
        return (hiddens, cells!);
    }

    private (Tensor Hiddens, Tensor? Cells, LstmState Final) Run(Tensor inputs, LstmState? initial, bool keepCells)
    {
        var batch = inputs.Size(0);
        var steps = inputs.Size(1);
        var projected = inputs.Reshape(batch * steps, InputSize).AddMatMul(W, B).Reshape(batch, steps, GateCount * HiddenSize);
        var state = initial ?? ZeroState(batch);
        var hiddens = new List<Tensor>((int)steps);
        var cells = new List<Tensor>(keepCells ? (int)steps : 0);
        for (var t = 0; t < steps; t++)
        {
            state = StepFromProjectedInput(projected.Select(1, t), state);
            hiddens.Add(state.Hidden);
            if (keepCells) cells.Add(state.Cell);
        }
        return (Tensor.Stack(hiddens, 1), keepCells ? Tensor.Stack(cells, 1) : null, state);
    }

    /// <summary>Fills the fused parameters from per-gate matrices, as the paper's oracle file stores them.</summary>
    public void LoadGates(GateTensors input, GateTensors forget, GateTensors output, GateTensors candidate)
    {
        using var scope = Torch.NewDisposeScope();
        using var noGrad = Torch.NoGrad();
        GateTensors[] order = [input, forget, output, candidate];
        W.CopyInPlace(Tensor.Cat(order.Select(g => g.W).ToList(), 1));
        U.CopyInPlace(Tensor.Cat(order.Select(g => g.U).ToList(), 1));
        B.CopyInPlace(Tensor.Cat(order.Select(g => g.B).ToList(), 0));
    }
}

/// <summary>One gate's input weights W [in, H], recurrent weights U [H, H] and bias b [H].</summary>
public sealed record GateTensors(Tensor W, Tensor U, Tensor B);
