using SeqGan.Research.Tensors;

namespace SeqGan.Research.Tests;

/// <summary>The fused projection + log-softmax + pick of the target (sg_output_log_prob) against the unfused ops it replaces.</summary>
public class FusedOutputLogProbabilityTests
{
    // Sizes that are not multiples of the bridge's chunk (32 rows), slot count (8) or vector width (16).
    private const int Rows = 77, Hidden = 9, Vocabulary = 1001;

    private static (Tensor Hidden, Tensor Weight, Tensor Bias, Tensor Targets, Tensor Upstream) Inputs(DType dtype)
    {
        Torch.ManualSeed(31);
        var hidden = Tensor.Randn([Rows, Hidden]).To(dtype);
        var weight = (Tensor.Randn([Hidden, Vocabulary]) * 0.7).To(dtype);
        var bias = (Tensor.Randn([Vocabulary]) * 0.3).To(dtype);
        foreach (var leaf in new[] { hidden, weight, bias }) leaf.RequiresGrad = true;
        return (hidden, weight, bias, Tensor.RandInt(0, Vocabulary, [Rows]), Tensor.Randn([Rows]).To(dtype));
    }

    private static Tensor Unfused(Tensor hidden, Tensor weight, Tensor bias, Tensor targets) =>
        hidden.AddMatMul(weight, bias).LogSoftmax(1).Gather(1, targets.Unsqueeze(1)).Squeeze(1);

    private static float[][] ValueAndGradients(Func<Tensor> logProbabilities, Tensor upstream, params Tensor[] leaves)
    {
        foreach (var leaf in leaves) leaf.ClearGrad();
        var value = logProbabilities();
        (value * upstream).Sum().Backward();
        return [value.ToArray<float>(), .. leaves.Select(l => l.Grad!.ToArray<float>())];
    }

    private static void AssertClose(float[] expected, float[] actual, double relative, string what)
    {
        Assert.Equal(expected.Length, actual.Length);
        var scale = expected.Max(Math.Abs);
        Assert.True(scale > 0, $"{what}: all zero, the comparison would prove nothing");
        for (var i = 0; i < expected.Length; i++)
            Assert.True(Math.Abs(expected[i] - actual[i]) <= relative * scale, $"{what}[{i}]: unfused {expected[i]:R}, fused {actual[i]:R}");
    }

    [Fact]
    public void ValuesAndGradientsEqualTheUnfusedOpsUpToRounding()
    {
        using var scope = Torch.NewDisposeScope();
        var (hidden, weight, bias, targets, upstream) = Inputs(DType.Float32);
        var unfused = ValueAndGradients(() => Unfused(hidden, weight, bias, targets), upstream, hidden, weight, bias);
        var fused = ValueAndGradients(() => hidden.OutputLogProbabilities(weight, bias, targets), upstream, hidden, weight, bias);
        string[] names = ["log p", "d hidden", "d weight", "d bias"];
        for (var i = 0; i < names.Length; i++) AssertClose(unfused[i], fused[i], 2e-6, names[i]);
    }

    [Fact]
    public void GradientsMatchFiniteDifferencesInFloat64()
    {
        using var scope = Torch.NewDisposeScope();
        Torch.ManualSeed(32);
        var hidden = GradientCheck.RandomLeaf(5, 3);
        var weight = GradientCheck.RandomLeaf(3, 21);
        var bias = GradientCheck.RandomLeaf(21);
        var targets = Tensor.From(new long[] { 0, 20, 7, 7, 13 });
        var upstream = GradientCheck.RandomWeights(5);
        GradientCheck.AssertMatches(() => (hidden.OutputLogProbabilities(weight, bias, targets) * upstream).Sum(),
            ("hidden", hidden), ("weight", weight), ("bias", bias));
    }

    [Fact]
    /// <summary>The op's own sums are laid out by chunk, not by thread (weight and bias gradients in fixed slots), so a
    /// race or a thread-dependent partition would show here as errors far above rounding. Exact equality is not
    /// asserted: each chunk's projection is a BLAS GEMM, and on some CPUs (measured: AMD EPYC, Debian's OpenBLAS)
    /// the GEMM itself rounds differently with 1 and 2 threads in the seventh digit.</summary>
    public void ValuesAndGradientsAgreeAcrossThreadCounts()
    {
        using var scope = Torch.NewDisposeScope();
        var (hidden, weight, bias, targets, upstream) = Inputs(DType.Float32);
        var threads = Torch.Threads;
        float[][] one, all;
        try
        {
            Torch.Threads = 1;
            one = ValueAndGradients(() => hidden.OutputLogProbabilities(weight, bias, targets), upstream, hidden, weight, bias);
            Torch.Threads = Math.Max(2, threads);
            all = ValueAndGradients(() => hidden.OutputLogProbabilities(weight, bias, targets), upstream, hidden, weight, bias);
        }
        finally
        {
            Torch.Threads = threads;
        }
        for (var i = 0; i < one.Length; i++)
            for (var j = 0; j < one[i].Length; j++)
                Assert.True(Math.Abs(one[i][j] - all[i][j]) <= 1e-5 * Math.Max(1, Math.Abs(one[i][j])),
                    $"array {i}, element {j}: {one[i][j]} with 1 thread, {all[i][j]} with {Math.Max(2, threads)}");
    }

    [Fact]
    public void ATargetOutsideTheVocabularyIsAClearError()
    {
        using var scope = Torch.NewDisposeScope();
        var (hidden, weight, bias, _, _) = Inputs(DType.Float32);
        var targets = Tensor.Full([Rows], Vocabulary, DType.Int64);
        var error = Assert.Throws<TorchException>(() => hidden.OutputLogProbabilities(weight, bias, targets));
        Assert.Contains($"outside the vocabulary [0, {Vocabulary})", error.Message);
    }
}
