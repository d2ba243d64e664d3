using SeqGan.Research.Tensors;

namespace SeqGan.Research.Tests;

public class LogSoftmaxNllGradientTests
{
    private const int Rows = 5, Classes = 7;

    [Fact]
    public void NllLossOfLogSoftmaxGradientMatchesFiniteDifferencesAndTheClosedForm()
    {
        using var scope = Torch.NewDisposeScope();
        Torch.ManualSeed(17);
        var logits = GradientCheck.RandomLeaf(Rows, Classes);
        var targetValues = new long[] { 0, 6, 3, 3, 1 };
        var targets = Tensor.From(targetValues);

        GradientCheck.AssertMatches(() => logits.LogSoftmax(1).NllLoss(targets), ("logits", logits));

        // d/dz of mean −log softmax(z)[t] is (softmax(z) − onehot(t)) / rows.
        var probabilities = logits.Detach().Softmax(1).ToArray<double>();
        var gradient = logits.Grad!.ToArray<double>();
        for (var i = 0; i < Rows; i++)
            for (var j = 0; j < Classes; j++)
            {
                var expected = (probabilities[i * Classes + j] - (targetValues[i] == j ? 1 : 0)) / Rows;
                Assert.Equal(expected, gradient[i * Classes + j], 1e-12);
            }
    }

    [Fact]
    public void GatheredLogSoftmaxGradientMatchesFiniteDifferencesAndEqualsNllLoss()
    {
        using var scope = Torch.NewDisposeScope();
        Torch.ManualSeed(18);
        var logits = GradientCheck.RandomLeaf(Rows, Classes);
        var targets = Tensor.From(new long[] { 2, 2, 5, 0, 6 });

        Tensor GatheredLoss() => -logits.LogSoftmax(1).Gather(1, targets.Unsqueeze(1)).Mean();
        GradientCheck.AssertMatches(GatheredLoss, ("logits", logits));

        using var noGrad = Torch.NoGrad();
        Assert.Equal(logits.LogSoftmax(1).NllLoss(targets).Item(), GatheredLoss().Item(), 1e-12);
    }
}
