using SeqGan.Research.Tensors;

namespace SeqGan.Research.Tests;

public class NoGradTests
{
    [Fact]
    public void InsideNoGradResultsDoNotRequireGradAndAfterItTheyDoAgain()
    {
        using var scope = Torch.NewDisposeScope();
        var leaf = Tensor.Ones([3]);
        leaf.RequiresGrad = true;
        Assert.True(Torch.IsGradEnabled);

        using (Torch.NoGrad())
        {
            Assert.False(Torch.IsGradEnabled);
            Assert.False((leaf * 2.0).RequiresGrad);
            Assert.False(leaf.Sigmoid().Sum().RequiresGrad);
        }

        Assert.True(Torch.IsGradEnabled);
        Assert.True((leaf * 2.0).RequiresGrad);
    }

    [Fact]
    public void NestedScopesRestoreTheModeTheyFound()
    {
        using var scope = Torch.NewDisposeScope();
        var leaf = Tensor.Ones([2]);
        leaf.RequiresGrad = true;
        using (Torch.NoGrad())
        {
            using (Torch.NoGrad()) Assert.False(Torch.IsGradEnabled);
            Assert.False(Torch.IsGradEnabled);
            using (Torch.EnableGrad())
            {
                Assert.True(Torch.IsGradEnabled);
                Assert.True((leaf * 2.0).RequiresGrad);
            }
            Assert.False(Torch.IsGradEnabled);
        }
        Assert.True(Torch.IsGradEnabled);
    }

    [Fact]
    public void AnExceptionInsideStillRestoresGradMode()
    {
        Assert.Throws<TorchException>(() =>
        {
            using var scope = Torch.NewDisposeScope();
            using var noGrad = Torch.NoGrad();
            Tensor.Zeros([2, 3]).MatMul(Tensor.Zeros([4, 5]));
        });
        Assert.True(Torch.IsGradEnabled);
    }

    [Fact]
    public void GradModeIsPerThread()
    {
        using (Torch.NoGrad())
        {
            var otherThreadSaw = false;
            var thread = new Thread(() => otherThreadSaw = Torch.IsGradEnabled);
            thread.Start();
            thread.Join();
            Assert.True(otherThreadSaw);
            Assert.False(Torch.IsGradEnabled);
        }
    }
}
