using SeqGan.Research.Metrics;

namespace SeqGan.Research.Tests.Metrics;

public class MelodyMseTests
{
    [Fact]
    public void EachGeneratedSequenceIsComparedWithItsNearestReference()
    {
        IReadOnlyList<int>[] references = [[10, 10, 10, 10], [20, 22, 20, 22]];
        IReadOnlyList<int>[] generated = [[10, 12, 10, 10], [21, 22, 20, 19], [10, 10, 10, 10]];
        // (0+4+0+0)/4 = 1 to the first reference; (1+0+0+9)/4 = 2.5 to the second; an exact copy scores 0.
        Assert.Equal([1.0, 2.5, 0.0], MelodyMse.PerSequence(references, generated));
        Assert.Equal((1.0 + 2.5 + 0.0) / 3, MelodyMse.NearestReference(references, generated), 12);
    }

    [Fact]
    public void TheNearestReferenceIsTheMinimumNotTheMean()
    {
        IReadOnlyList<int>[] references = [[0, 0], [50, 50], [8, 9]];
        Assert.Equal(0.5, MelodyMse.PerSequence(references, [[8, 8]])[0]);
    }

    [Fact]
    public void LengthMismatchesAndEmptyInputsAreErrors()
    {
        Assert.Throws<ArgumentException>(() => MelodyMse.NearestReference([[1, 2]], [[1, 2, 3]]));
        Assert.Throws<ArgumentException>(() => MelodyMse.NearestReference([], [[1]]));
        Assert.Throws<ArgumentException>(() => MelodyMse.NearestReference([[1]], []));
    }
}
