using SeqGan.Research.Nn;
using SeqGan.Research.Tensors;

namespace SeqGan.Research.Tests;

public class LstmCellGradientTests
{
    private const int Batch = 3, InputSize = 2, HiddenSize = 4;

    [Fact]
    public void StepGradientsMatchFiniteDifferences()
    {
        using var scope = Torch.NewDisposeScope();
        Torch.ManualSeed(13);
        using var cell = GradientCheck.InFloat64(new LstmCell(InputSize, HiddenSize));
        var x = GradientCheck.RandomLeaf(Batch, InputSize);
        // A non-zero initial state, or U and the forget gate would get no gradient at all.
        var h0 = GradientCheck.RandomLeaf(Batch, HiddenSize);
        var c0 = GradientCheck.RandomLeaf(Batch, HiddenSize);
        var hiddenWeights = GradientCheck.RandomWeights(Batch, HiddenSize);
        var cellWeights = GradientCheck.RandomWeights(Batch, HiddenSize);

        Tensor Loss()
        {
            var next = cell.Step(x, new LstmState(h0, c0));
            return (next.Hidden * hiddenWeights).Sum() + (next.Cell * cellWeights).Sum();
        }

        GradientCheck.AssertMatches(Loss, ("W", cell.W), ("U", cell.U), ("b", cell.B), ("x", x), ("h0", h0), ("c0", c0));
    }

    [Fact]
    public void UnrollGradientsMatchFiniteDifferences()
    {
        using var scope = Torch.NewDisposeScope();
        Torch.ManualSeed(14);
        using var cell = GradientCheck.InFloat64(new LstmCell(InputSize, HiddenSize));
        const int steps = 4;
        var inputs = GradientCheck.RandomLeaf(Batch, steps, InputSize);
        var h0 = GradientCheck.RandomLeaf(Batch, HiddenSize);
        var c0 = GradientCheck.RandomLeaf(Batch, HiddenSize);
        var hiddenWeights = GradientCheck.RandomWeights(Batch, steps, HiddenSize);
        var cellWeights = GradientCheck.RandomWeights(Batch, HiddenSize);

        Tensor Loss()
        {
            var (hiddens, final) = cell.Unroll(inputs, new LstmState(h0, c0));
            return (hiddens * hiddenWeights).Sum() + (final.Cell * cellWeights).Sum();
        }

        GradientCheck.AssertMatches(Loss, ("W", cell.W), ("U", cell.U), ("b", cell.B), ("inputs", inputs), ("h0", h0), ("c0", c0));
    }
}
