using SeqGan.Research.Nn;
using SeqGan.Research.Tensors;

namespace SeqGan.Research.Tests;

public class GruCellGradientTests
{
    private const int Batch = 3, InputSize = 2, HiddenSize = 4;

    [Fact]
    public void StepGradientsMatchFiniteDifferences()
    {
        using var scope = Torch.NewDisposeScope();
        Torch.ManualSeed(15);
        using var cell = GradientCheck.InFloat64(new GruCell(InputSize, HiddenSize));
        var x = GradientCheck.RandomLeaf(Batch, InputSize);
        // A non-zero initial state, or U's reset and update columns would get no gradient at all.
        var h0 = GradientCheck.RandomLeaf(Batch, HiddenSize);
        var weights = GradientCheck.RandomWeights(Batch, HiddenSize);

        GradientCheck.AssertMatches(() => (cell.Step(x, h0) * weights).Sum(), ("W", cell.W), ("U", cell.U), ("b", cell.B), ("x", x), ("h0", h0));
    }

    [Fact]
    public void UnrollGradientsMatchFiniteDifferences()
    {
        using var scope = Torch.NewDisposeScope();
        Torch.ManualSeed(16);
        using var cell = GradientCheck.InFloat64(new GruCell(InputSize, HiddenSize));
        const int steps = 4;
        var inputs = GradientCheck.RandomLeaf(Batch, steps, InputSize);
        var h0 = GradientCheck.RandomLeaf(Batch, HiddenSize);
        var hiddenWeights = GradientCheck.RandomWeights(Batch, steps, HiddenSize);
        var finalWeights = GradientCheck.RandomWeights(Batch, HiddenSize);

        Tensor Loss()
        {
            var (hiddens, final) = cell.Unroll(inputs, h0);
            return (hiddens * hiddenWeights).Sum() + (final * finalWeights).Sum();
        }

        GradientCheck.AssertMatches(Loss, ("W", cell.W), ("U", cell.U), ("b", cell.B), ("inputs", inputs), ("h0", h0));
    }

    [Fact]
    public void StepIsChosEquationsWrittenOut()
    {
        using var scope = Torch.NewDisposeScope();
        Torch.ManualSeed(17);
        using var cell = new GruCell(InputSize, HiddenSize);
        var x = Tensor.Randn([Batch, InputSize]);
        var h = Tensor.Randn([Batch, HiddenSize]);
        Tensor Gate(int g, Tensor input, Tensor state) =>
            input.MatMul(cell.W.Narrow(1, g * HiddenSize, HiddenSize)) + state.MatMul(cell.U.Narrow(1, g * HiddenSize, HiddenSize)) + cell.B.Narrow(0, g * HiddenSize, HiddenSize);
        var reset = Gate(0, x, h).Sigmoid();
        var update = Gate(1, x, h).Sigmoid();
        var candidate = Gate(2, x, reset * h).Tanh();   // the reset gate acts on h before U_n (Cho et al. 2014, eq. 8)
        var expected = update * h + (1.0 - update) * candidate;
        var actual = cell.Step(x, h);
        Assert.True((actual - expected).Abs().Max().Item() < 1e-6);
    }
}
