using SeqGan.Research.Metrics;

namespace SeqGan.Research.Tests.Metrics;

public class MatchedNllTestTests
{
    // A synthetic U-shaped curve: NLL-test = 9 + (α − 1)², NLL-oracle = 10 − 2α (falls as the model is cooled).
    private static List<SweepPoint> Curve(params double[] alphas) =>
        alphas.Select(a => new SweepPoint(a, 10 - 2 * a, 9 + (a - 1) * (a - 1), 5 / a)).ToList();

    [Fact]
    public void InterpolatesOnTheCooledBranchLinearlyBetweenTheBracketingPoints()
    {
        // Shuffled on purpose: the order of the points must not matter.
        var curve = Curve(2.0, 0.5, 1.0, 1.5, 0.75);
        // Target 9.5 lies between α = 1.5 (9.25) and α = 2 (10): w = (9.5 − 9.25) / 0.75 = 1/3, so α = 1.5 + 0.5/3 and NLL-oracle = 7 − 2·(0.5/3) = 7 − 1/3.
        // The heated branch also reaches 9.5 (near α = 0.3) but is off the grid: only the cooled side is read.
        var matched = MatchedNllTest.Interpolate(curve, 9.5);
        Assert.NotNull(matched);
        Assert.Equal(7 - 1.0 / 3, matched.Value.NllOracle, 12);
        Assert.Equal(1.5 + 0.5 / 3, matched.Value.InverseTemperature, 12);
    }

    [Fact]
    public void AGridPointAtTheTargetIsReadExactly()
    {
        var matched = MatchedNllTest.Interpolate(Curve(0.5, 1.0, 1.5, 2.0), 9.25);
        Assert.Equal((7.0, 1.5), matched);
    }

    [Fact]
    public void TargetsTheBranchDoesNotReachGiveNull()
    {
        var curve = Curve(0.5, 1.0, 1.5, 2.0);
        Assert.Null(MatchedNllTest.Interpolate(curve, 8.5));    // below the curve's lowest NLL-test (9 at α = 1)
        Assert.Null(MatchedNllTest.Interpolate(curve, 11.0));   // beyond α = 2 (10)
        Assert.Throws<ArgumentOutOfRangeException>(() => MatchedNllTest.Interpolate(curve, double.NaN));
    }
}
