using SeqGan.Research.Nn;
using SeqGan.Research.Tensors;

namespace SeqGan.Research.Tests;

/// <summary>
/// The fused float32 CPU update (bridge_optim.cpp) against Kingma &amp; Ba's Algorithm 1 in doubles, on a
/// parameter large enough to be split across threads, and against the unfused ops path (a non-contiguous
/// parameter view takes that path) for identical inputs.
/// </summary>
public class AdamFusedStepTests
{
    private const int Size = 100_003;   // several parallel chunks of 2^15 plus a ragged tail
    private const double LearningRate = 0.05, Beta1 = 0.8, Beta2 = 0.9, Epsilon = 1e-3;

    private static float[] Ramp(int n, double scale, double offset) =>
        Enumerable.Range(0, n).Select(i => (float)(Math.Sin(i * 0.37 + offset) * scale)).ToArray();

    [Theory]
    [InlineData(0.0)]
    [InlineData(0.3)]
    public void FusedFloat32StepsMatchTheDoubleReference(double weightDecay)
    {
        using var scope = Torch.NewDisposeScope();
        var start = Ramp(Size, 2.0, 0.0);
        var gradients = Enumerable.Range(0, 3).Select(s => Ramp(Size, 1.5, s + 1.0)).ToArray();
        var w = Tensor.From(start);
        w.RequiresGrad = true;
        using var adam = new Adam([w], LearningRate, Beta1, Beta2, Epsilon, weightDecay);

        var reference = start.Select(x => (double)x).ToArray();
        var m = new double[Size];
        var v = new double[Size];
        for (var t = 1; t <= gradients.Length; t++)
        {
            // The gradient is set directly (the test is about the update, not autograd): w.grad = given.
            adam.ZeroGrad();
            (w * Tensor.From(gradients[t - 1])).Sum().Backward();
            adam.Step();
            for (var i = 0; i < Size; i++)
            {
                var g = gradients[t - 1][i] + weightDecay * reference[i];
                m[i] = Beta1 * m[i] + (1 - Beta1) * g;
                v[i] = Beta2 * v[i] + (1 - Beta2) * g * g;
                reference[i] -= LearningRate * (m[i] / (1 - Math.Pow(Beta1, t))) / (Math.Sqrt(v[i] / (1 - Math.Pow(Beta2, t))) + Epsilon);
            }
        }
        var actual = w.ToArray<float>();
        var worst = Enumerable.Range(0, Size).Max(i => Math.Abs(actual[i] - reference[i]));
        Assert.True(worst < 2e-6, $"largest difference from the double reference: {worst:E3}");
        Assert.True(Enumerable.Range(0, Size).Max(i => Math.Abs(actual[i] - start[i])) > 0.1, "the parameter did not move");
    }

    [Fact]
    public void FusedAndUnfusedPathsAgree()
    {
        using var scope = Torch.NewDisposeScope();
        var values = Ramp(2 * Size, 2.0, 0.5);
        var gradientValues = Ramp(2 * Size, 1.0, 2.5);
        // A contiguous parameter (fused loop) and every other element of a larger one (a strided view: ops path).
        var contiguous = Tensor.From(Enumerable.Range(0, Size).Select(i => values[2 * i]).ToArray());
        var backing = Tensor.From(values);
        var strided = backing.Reshape([Size, 2]).Select(1, 0);
        var gradient = Tensor.From(Enumerable.Range(0, Size).Select(i => gradientValues[2 * i]).ToArray());
        var moments = Enumerable.Range(0, 4).Select(_ => Tensor.Zeros([Size])).ToArray();
        for (var step = 1; step <= 2; step++)
        {
            var stepSize = LearningRate / (1 - Math.Pow(Beta1, step));
            var correction2Sqrt = Math.Sqrt(1 - Math.Pow(Beta2, step));
            contiguous.AdamStepInPlace(gradient, moments[0], moments[1], Beta1, Beta2, stepSize, correction2Sqrt, Epsilon, 0.1);
            strided.AdamStepInPlace(gradient, moments[2], moments[3], Beta1, Beta2, stepSize, correction2Sqrt, Epsilon, 0.1);
        }
        var fused = contiguous.ToArray<float>();
        var unfused = strided.Contiguous().ToArray<float>();
        var worst = Enumerable.Range(0, Size).Max(i => Math.Abs(fused[i] - unfused[i]));
        Assert.True(worst < 1e-6, $"fused and unfused updates differ by up to {worst:E3}");
    }

    [Fact]
    public void MismatchedShapesAreAClearError()
    {
        using var scope = Torch.NewDisposeScope();
        var p = Tensor.Zeros([3]);
        var error = Assert.Throws<TorchException>(() =>
            p.AdamStepInPlace(Tensor.Zeros([4]), Tensor.Zeros([3]), Tensor.Zeros([3]), 0.9, 0.999, 0.001, 1, 1e-8, 0));
        Assert.Contains("same shape", error.Message);
    }
}
