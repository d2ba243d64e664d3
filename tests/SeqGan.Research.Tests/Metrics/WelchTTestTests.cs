using SeqGan.Research.Metrics;

namespace SeqGan.Research.Tests.Metrics;

public class WelchTTestTests
{
    // Reference p-values: Simpson integration (200,000 panels) of the Student-t density in Python,
    // an independent route from our incomplete-beta continued fraction.
    [Theory]
    [InlineData(new[] { 1.0, 2, 3, 4, 5 }, new[] { 2.0, 4, 6, 8, 10 }, -1.8973665961010275, 5.882352941176471, 0.10753119493062574)]
    [InlineData(new[] { 10.1, 10.4, 9.9, 10.2 }, new[] { 9.5, 9.7, 9.6, 9.9, 9.4, 9.8 }, 3.8729833462074175, 6.048387096774197, 0.00810989674241035)]
    public void MatchesIndependentlyIntegratedReference(double[] a, double[] b, double t, double df, double p)
    {
        var result = WelchTTest.Compare(a, b);
        Assert.Equal(t, result.T, 10);
        Assert.Equal(df, result.DegreesOfFreedom, 10);
        Assert.Equal(p, result.TwoSidedP, 8);
    }

    [Fact]
    public void IsSymmetricAndRejectsTooFewValues()
    {
        double[] a = [3.1, 2.9, 3.4], b = [2.0, 2.2, 2.1, 1.9];
        Assert.Equal(WelchTTest.Compare(a, b).TwoSidedP, WelchTTest.Compare(b, a).TwoSidedP, 12);
        Assert.Throws<ArgumentException>(() => WelchTTest.Compare([1.0], b));
    }

    [Fact]
    public void StudentTailAtZeroIsOneAndShrinksWithT()
    {
        Assert.Equal(1.0, StudentT.TwoSidedP(0, 7), 12);
        Assert.True(StudentT.TwoSidedP(1, 7) > StudentT.TwoSidedP(2, 7));
        // Large df approaches the normal distribution: P(|Z| > 1.96) = 0.05
        Assert.Equal(0.05, StudentT.TwoSidedP(1.959963984540054, 1e7), 5);
    }
}
