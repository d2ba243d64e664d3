using SeqGan.Research.Tensors;

namespace SeqGan.Research.Nn;

/// <summary>
/// The parameters every gated recurrent cell of the kit shares: its gates stored side by side — W [in, G·H], U [H, G·H],
/// b [G·H] in the x·W orientation — so that a step costs two matrix products however many gates there are.
/// </summary>
public abstract class GatedRecurrentCell : Module
{
    public long InputSize { get; }
    public long HiddenSize { get; }
    public Tensor W { get; }
    public Tensor U { get; }
    public Tensor B { get; }

    /// <param name="init">for W, U and b; defaults to U(−1/√H, 1/√H)</param>
    protected GatedRecurrentCell(long inputSize, long hiddenSize, int gates, Func<long[], Tensor>? init)
    {
        InputSize = inputSize;
        HiddenSize = hiddenSize;
        var bound = 1.0 / Math.Sqrt(hiddenSize);
        init ??= s => Init.Uniform(s, -bound, bound);
        W = RegisterParameter("W", init([inputSize, gates * hiddenSize]));
        U = RegisterParameter("U", init([hiddenSize, gates * hiddenSize]));
        B = RegisterParameter("b", init([gates * hiddenSize]));
    }
}
