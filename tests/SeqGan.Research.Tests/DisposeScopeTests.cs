using SeqGan.Research.Nn;
using SeqGan.Research.Tensors;

namespace SeqGan.Research.Tests;

public class DisposeScopeTests
{
    [Fact]
    public void TensorsCreatedInsideAreDisposedAtItsEnd()
    {
        Tensor a, b, sum;
        using (var scope = Torch.NewDisposeScope())
        {
            a = Tensor.Ones([3]);
            b = Tensor.Full([3], 2.0);
            sum = a + b;
            Assert.Equal(3, scope.OwnedCount);
            Assert.Equal([3f, 3f, 3f], sum.ToArray<float>());
        }
        Assert.True(a.IsDisposed);
        Assert.True(b.IsDisposed);
        Assert.True(sum.IsDisposed);
        Assert.Throws<ObjectDisposedException>(() => sum.ToArray<float>());
    }

    [Fact]
    public void MoveToOuterKeepsATensorAliveUntilTheOuterScopeEnds()
    {
        Tensor kept, temporary;
        using (var outer = Torch.NewDisposeScope())
        {
            using (var inner = Torch.NewDisposeScope())
            {
                temporary = Tensor.Full([2], 5.0);
                kept = inner.MoveToOuter(temporary * 2.0);
                Assert.Equal(1, inner.OwnedCount);
            }
            Assert.True(temporary.IsDisposed);
            Assert.False(kept.IsDisposed);
            Assert.Equal([10f, 10f], kept.ToArray<float>());
            Assert.Equal(1, outer.OwnedCount);
        }
        Assert.True(kept.IsDisposed);
    }

    [Fact]
    public void MovedOutOfTheOutermostScopeATensorBelongsToTheCaller()
    {
        Tensor survivor;
        using (var scope = Torch.NewDisposeScope())
            survivor = scope.MoveToOuter(Tensor.Full([1], 7.0));
        Assert.False(survivor.IsDisposed);
        Assert.Equal(7.0, survivor.Item());
        survivor.Dispose();
        Assert.True(survivor.IsDisposed);
    }

    [Fact]
    public void TensorsFromOutsideAndModuleParametersOutliveTheScope()
    {
        using var outside = Tensor.Ones([2]);
        Linear linear;
        using (Torch.NewDisposeScope())
        {
            linear = new Linear(2, 2);
            using var product = outside * 3.0;
        }
        using (linear)
        {
            Assert.False(outside.IsDisposed);
            Assert.False(linear.Weight.IsDisposed);
            Assert.False(linear.Bias!.IsDisposed);
        }
        Assert.True(linear.Weight.IsDisposed);
    }
}
