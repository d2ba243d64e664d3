using SeqGan.Research.Tensors;
using SeqGan.Research.Training.Estimators;

namespace SeqGan.Research.Tests.Training.Estimators;

public class ReturnsAndBaselinesTests
{
    [Fact]
    public void DiscountedReturnsAreTheRewardToGo()
    {
        using var scope = Torch.NewDisposeScope();
        var rewards = Tensor.From([1f, 2f, 3f, 0f, 0f, 4f], 2, 3);
        var returns = DiscountedReturns.Compute(rewards, 0.5).ToArray<float>();
        Assert.Equal([1 + 0.5f * 2 + 0.25f * 3, 2 + 0.5f * 3, 3, 0.25f * 4, 0.5f * 4, 4], returns);
        Assert.Equal([6f, 5f, 3f, 4f, 4f, 4f], DiscountedReturns.Compute(rewards, 1.0).ToArray<float>());
        Assert.Throws<ArgumentOutOfRangeException>(() => DiscountedReturns.Compute(rewards, 1.5));
    }

    [Fact]
    public void TheMovingAverageBaselineUsesOnlyEarlierBatches()
    {
        using var scope = Torch.NewDisposeScope();
        var baseline = new MovingAverageBaseline(decay: 0.5);
        var first = baseline.SubtractAndUpdate(Tensor.From([1f, 3f, 3f, 5f], 2, 2)).ToArray<float>();
        Assert.Equal([1f, 3f, 3f, 5f], first);                       // nothing learned yet: b = 0
        Assert.Equal([2.0, 4.0], baseline.Values!);                  // then the first batch's means per position
        var second = baseline.SubtractAndUpdate(Tensor.From([4f, 0f, 4f, 0f], 2, 2)).ToArray<float>();
        Assert.Equal([2f, -4f, 2f, -4f], second);
        Assert.Equal([3.0, 2.0], baseline.Values!);                  // 0.5·b + 0.5·mean
        Assert.Throws<ArgumentException>(() => baseline.SubtractAndUpdate(Tensor.Zeros([2, 3])));
    }

    [Fact]
    public void AnEnumerableSpaceListsEverySequenceOnce()
    {
        using var scope = Torch.NewDisposeScope();
        var space = new SequenceSpace(3, 2);
        Assert.Equal(9, space.Count);
        Assert.Equal([0L, 0, 0, 1, 0, 2, 1, 0, 1, 1, 1, 2, 2, 0, 2, 1, 2, 2], space.Enumerate().ToArray<long>());
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => new SequenceSpace(5000, 20));
        Assert.Contains("too many to enumerate", error.Message);
    }
}
