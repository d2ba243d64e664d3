using SeqGan.Research.Nn;
using SeqGan.Research.Tensors;

namespace SeqGan.Research.Tests;

/// <summary>The discriminator's fused convolution paths against the unfused ops they replace: conv + ReLU + max with
/// its sparse backward (training), and the projection-table evaluation of windows (scoring).</summary>
public class FusedConvolutionTests
{
    private const int Vocabulary = 23, Embedding = 6, Length = 9;

    private static Tensor Unfused(Tensor embedded, Tensor weight, Tensor bias) =>
        embedded.Transpose(1, 2).Conv1d(weight, bias).Relu().Max(dim: 2);

    [Theory]
    [InlineData(1)]
    [InlineData(3)]
    [InlineData(9)]
    public void ForwardEqualsTheUnfusedOpsExactlyAndParameterGradientsUpToRounding(int width)
    {
        using var scope = Torch.NewDisposeScope();
        Torch.ManualSeed(41);
        var table = Tensor.Randn([Vocabulary, Embedding]);
        var weight = Tensor.Randn([5, Embedding, width]) * 0.4;
        var bias = Tensor.Randn([5]) * 0.2;
        foreach (var leaf in new[] { table, weight, bias }) leaf.RequiresGrad = true;
        // Few distinct tokens: repeated windows make ties for the max, which the two paths break differently
        // (all gradient to the first window, or split evenly); through the embedding the parameter gradients agree.
        var tokens = Tensor.RandInt(0, 4, [7, Length]);
        var upstream = Tensor.Randn([7, 5]);

        float[][] Run(Func<Tensor, Tensor> features)
        {
            foreach (var leaf in new[] { table, weight, bias }) leaf.ClearGrad();
            var output = features(table.Embedding(tokens));
            (output * upstream).Sum().Backward();
            return [output.ToArray<float>(), table.Grad!.ToArray<float>(), weight.Grad!.ToArray<float>(), bias.Grad!.ToArray<float>()];
        }

        var unfused = Run(x => Unfused(x, weight, bias));
        var fused = Run(x => x.ConvReluMaxOverTime(weight, bias));
        Assert.Equal(unfused[0], fused[0]);
        Assert.Contains(fused[0], v => v > 0);
        string[] names = ["d embedding", "d weight", "d bias"];
        for (var i = 1; i < unfused.Length; i++)
        {
            var scale = unfused[i].Max(Math.Abs);
            Assert.True(scale > 0, $"{names[i - 1]} is all zero");
            for (var k = 0; k < unfused[i].Length; k++)
                Assert.True(Math.Abs(unfused[i][k] - fused[i][k]) <= 1e-6 * scale, $"{names[i - 1]}[{k}]: unfused {unfused[i][k]:R}, fused {fused[i][k]:R}");
        }
    }

    [Fact]
    public void WindowMaxFromEmbeddingEqualsTheConvolutionOverTheSameWindows()
    {
        using var scope = Torch.NewDisposeScope();
        using var noGrad = Torch.NoGrad();
        Torch.ManualSeed(42);
        const int width = 4, rows = 50, filters = 19;
        var table = Tensor.Randn([Vocabulary, Embedding]);
        var weight = Tensor.Randn([filters, Embedding, width]) * 0.4;
        var bias = Tensor.Randn([filters]) * 0.2;
        var tokens = Tensor.RandInt(0, Vocabulary, [rows, Length]);
        var starts = Enumerable.Range(0, rows).Select(r => (long)(r % (Length - width + 1))).ToArray();

        var fromTables = table.WindowMaxFromEmbedding(weight, bias, tokens, Tensor.From(starts)).ToArray<float>();
        var embedded = table.Embedding(tokens);
        for (var r = 0; r < rows; r++)
        {
            var windows = embedded.Narrow(0, r, 1).Narrow(1, starts[r], Length - starts[r]);
            var expected = Unfused(windows, weight, bias).ToArray<float>();
            for (var f = 0; f < filters; f++)
                Assert.True(Math.Abs(expected[f] - fromTables[r * filters + f]) <= 1e-5 * Math.Max(1, Math.Abs(expected[f])),
                    $"row {r}, filter {f}: convolution {expected[f]:R}, tables {fromTables[r * filters + f]:R}");
        }
    }

    [Fact]
    public void WindowMaxFromEmbeddingRejectsAStartPastTheLastWindow()
    {
        using var scope = Torch.NewDisposeScope();
        var error = Assert.Throws<TorchException>(() => Tensor.Randn([Vocabulary, Embedding]).WindowMaxFromEmbedding(
            Tensor.Randn([3, Embedding, 4]), Tensor.Zeros([3]), Tensor.Zeros([2, Length], DType.Int64), Tensor.From(new long[] { 0, Length - 3 })));
        Assert.Contains($"first window start outside [0, {Length - 4}]", error.Message);
    }
}
