using SeqGan.Research.Tensors;

namespace SeqGan.Research.Benchmarks;

/// <summary>
/// What this processor delivers on the two kinds of work the SeqGAN workloads consist of, measured through the
/// same libtorch: a large square GEMM (libtorch's BLAS) and a large 1-D convolution (libtorch's convolution
/// backend, oneDNN on CPU). Their best is "the machine's peak" the workloads' FLOP/s are compared with.
/// </summary>
public static class MachinePeak
{
    public const long GemmSize = 2048;

    /// <summary>[2048, 2048] · [2048, 2048], repeated; 2·n³ FLOPs per product.</summary>
    public static BenchmarkResult Gemm(int runs, int productsPerRun = 8)
    {
        using var scope = Torch.NewDisposeScope();
        using var noGrad = Torch.NoGrad();
        var a = Tensor.Randn([GemmSize, GemmSize]);
        var b = Tensor.Randn([GemmSize, GemmSize]);
        return SeqGanBenchmarks.Time($"machine peak: GEMM {GemmSize}³ (× {productsPerRun})", runs, "peak_gemm",
            2.0 * GemmSize * GemmSize * GemmSize * productsPerRun, () =>
            {
                for (var i = 0; i < productsPerRun; i++) a.MatMul(b).Dispose();
            });
    }

    /// <summary>conv1d of [64, 256, 512] with [256, 256, 5] filters (VALID), repeated.</summary>
    public static BenchmarkResult Convolution(int runs, int convolutionsPerRun = 8)
    {
        const long batch = 64, channels = 256, length = 512, width = 5;
        using var scope = Torch.NewDisposeScope();
        using var noGrad = Torch.NoGrad();
        var input = Tensor.Randn([batch, channels, length]);
        var weight = Tensor.Randn([channels, channels, width]);
        var flops = 2.0 * batch * channels * channels * width * (length - width + 1) * convolutionsPerRun;
        return SeqGanBenchmarks.Time($"machine peak: conv1d [64, 256, 512] * [256, 256, 5] (× {convolutionsPerRun})", runs, "peak_conv",
            flops, () =>
            {
                for (var i = 0; i < convolutionsPerRun; i++) input.Conv1d(weight, null).Dispose();
            });
    }
}
