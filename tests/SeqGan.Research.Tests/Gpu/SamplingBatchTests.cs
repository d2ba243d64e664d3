using SeqGan.Research.Models;
using SeqGan.Research.Tensors;
using SeqGan.Research.Tests.Training;

namespace SeqGan.Research.Tests.Gpu;

/// <summary>A GPU samples negatives in one large batch; these show that changes nothing but speed.</summary>
public class SamplingBatchTests
{
    [Theory]
    [InlineData(1)]
    [InlineData(13)]
    [InlineData(64)]
    [InlineData(250)]
    public void TheComputeBatchDoesNotChangeTheTokens(int computeRows)
    {
        using var scope = Torch.NewDisposeScope();
        Torch.ManualSeed(41);
        using var generator = new Generator(TinyModels.Size, initStd: 1.0);
        Torch.ManualSeed(42);
        var reference = generator.Sample(250, 64).ToArray<long>();

        generator.SamplingComputeRows = computeRows;
        Torch.ManualSeed(42);
        Assert.Equal(reference, generator.Sample(250, 64).ToArray<long>());
    }

    [Fact]
    public void AChunkedSampleIsTheChunksSampledOneAfterAnother()
    {
        using var scope = Torch.NewDisposeScope();
        Torch.ManualSeed(43);
        using var generator = new Generator(TinyModels.Size, initStd: 1.0);
        Torch.ManualSeed(44);
        var chunked = generator.Sample(150, 64).ToArray<long>();
        Torch.ManualSeed(44);
        var oneByOne = new[] { 64, 64, 22 }.SelectMany(n => generator.Sample(n).ToArray<long>()).ToArray();
        Assert.Equal(oneByOne, chunked);
    }

    [Fact]
    public void TheUniformsOfOneChunkAreTheDrawsOfOnePositionAfterAnother()
    {
        // Sample(n) used to draw Rand([n]) at every position; drawing [T, n] at once must be the same stream (CPU), so
        // numbers reproduced before this change stay reproduced.
        using var scope = Torch.NewDisposeScope();
        using var generator = new Generator(TinyModels.Size);
        Torch.ManualSeed(45);
        var atOnce = generator.DrawSamplingUniforms(37, 37).ToArray<float>();
        Torch.ManualSeed(45);
        var perPosition = Enumerable.Range(0, TinyModels.Size.SequenceLength).SelectMany(_ => Tensor.Rand([37]).ToArray<float>()).ToArray();
        Assert.Equal(perPosition, atOnce);
    }

    [Fact]
    public void BadUniformsAndComputeBatchesAreRefusedWithTheExpectedShape()
    {
        using var scope = Torch.NewDisposeScope();
        using var generator = new Generator(TinyModels.Size);
        var error = Assert.Throws<ArgumentException>(() => generator.SampleWith(Tensor.Rand([3, 10]), 10));
        Assert.Contains($"[{TinyModels.Size.SequenceLength}, N]", error.Message);
        Assert.Throws<ArgumentOutOfRangeException>(() => generator.SampleWith(Tensor.Rand([TinyModels.Size.SequenceLength, 10]), 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => generator.Sample(10, 0));
    }
}
