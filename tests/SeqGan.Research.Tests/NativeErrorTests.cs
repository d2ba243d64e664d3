using SeqGan.Research.Tensors;

namespace SeqGan.Research.Tests;

/// <summary>libtorch errors surface as TorchException with libtorch's own words, and the process
/// (and the bridge's thread-local error slot) stays usable afterwards.</summary>
public class NativeErrorTests
{
    [Fact]
    public void ShapeMismatchThrowsWithLibtorchsMessageAndTheNextOpIsRight()
    {
        using var scope = Torch.NewDisposeScope();
        var error = Assert.Throws<TorchException>(() => Tensor.Zeros([2, 3]).MatMul(Tensor.Zeros([4, 5])));
        Assert.Contains("mat1 and mat2 shapes cannot be multiplied (2x3 and 4x5)", error.Message);
        AssertMatMulStillWorks();
    }

    [Fact]
    public void DtypeMismatchThrowsWithLibtorchsMessageAndTheNextOpIsRight()
    {
        using var scope = Torch.NewDisposeScope();
        var matmul = Assert.Throws<TorchException>(() => Tensor.Zeros([2, 3]).MatMul(Tensor.Zeros([3, 2], DType.Int64)));
        Assert.Contains("expected scalar type Float but found Long", matmul.Message);
        AssertMatMulStillWorks();

        var embedding = Assert.Throws<TorchException>(() => Tensor.Zeros([5, 3]).Embedding(Tensor.Zeros([2])));
        Assert.Contains("Expected tensor for argument #1 'indices' to have one of the following scalar types: Long, Int", embedding.Message);
        AssertMatMulStillWorks();
    }

    [Fact]
    public void OutOfRangeIndexThrowsWithLibtorchsMessageAndTheNextLookupIsRight()
    {
        using var scope = Torch.NewDisposeScope();
        var table = Tensor.From(new float[] { 0, 1, 10, 11, 20, 21, 30, 31, 40, 41 }, 5, 2);

        var embedding = Assert.Throws<TorchException>(() => table.Embedding(Tensor.From(new long[] { 1, 7 })));
        Assert.Contains("index out of range in self", embedding.Message);
        Assert.Equal(new float[] { 40, 41, 10, 11 }, table.Embedding(Tensor.From(new long[] { 4, 1 })).ToArray<float>());

        var select = Assert.Throws<TorchException>(() => table.IndexSelect(0, Tensor.From(new long[] { 5 })));
        Assert.Contains("index out of range in self", select.Message);
        Assert.Equal(new float[] { 30, 31 }, table.IndexSelect(0, Tensor.From(new long[] { 3 })).ToArray<float>());
    }

    [Fact]
    public void EachErrorCarriesItsOwnMessageNotAnEarlierOne()
    {
        using var scope = Torch.NewDisposeScope();
        Assert.Throws<TorchException>(() => Tensor.Zeros([2, 3]).MatMul(Tensor.Zeros([4, 5])));
        var second = Assert.Throws<TorchException>(() => Tensor.Zeros([5, 3]).Embedding(Tensor.From(new long[] { 9 })));
        Assert.DoesNotContain("mat1 and mat2", second.Message);
        Assert.Contains("index out of range", second.Message);
    }

    private static void AssertMatMulStillWorks()
    {
        using var scope = Torch.NewDisposeScope();
        var a = Tensor.From(new float[] { 1, 2, 3, 4 }, 2, 2);
        var b = Tensor.From(new float[] { 5, 6 }, 2, 1);
        Assert.Equal(new float[] { 17, 39 }, a.MatMul(b).ToArray<float>());
    }
}
