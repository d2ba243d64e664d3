using SeqGan.Research.Tensors;

namespace SeqGan.Research.Tests;

public class SampleRowsStatisticsTests
{
    private const int Draws = 200_000;

    private static long[] Counts(Tensor weightsRow, bool areLogits, ulong seed)
    {
        using var scope = Torch.NewDisposeScope();
        Torch.ManualSeed(seed);
        var categories = weightsRow.Size(1);
        var samples = weightsRow.Expand(Draws, categories).SampleRows(areLogits).ToArray<long>();
        var counts = new long[categories];
        foreach (var s in samples) counts[s]++;
        return counts;
    }

    private static void AssertFrequenciesMatch(double[] probabilities, long[] counts)
    {
        for (var k = 0; k < probabilities.Length; k++)
        {
            var frequency = counts[k] / (double)Draws;
            var standardError = Math.Sqrt(probabilities[k] * (1 - probabilities[k]) / Draws);
            Assert.True(Math.Abs(frequency - probabilities[k]) <= 5 * standardError,
                $"category {k}: frequency {frequency:F5}, probability {probabilities[k]} (5 standard errors = {5 * standardError:F5})");
        }
    }

    [Fact]
    public void FrequenciesFromProbabilitiesMatchThem()
    {
        using var scope = Torch.NewDisposeScope();
        double[] probabilities = [0.1, 0.2, 0.3, 0.4];
        AssertFrequenciesMatch(probabilities, Counts(Tensor.From(probabilities, 1, 4), areLogits: false, seed: 1));
    }

    [Fact]
    public void FrequenciesFromLogitsMatchTheirSoftmax()
    {
        using var scope = Torch.NewDisposeScope();
        float[] logits = [2.0f, -1.0f, 0.5f, 0.0f];
        var exp = logits.Select(l => Math.Exp(l)).ToArray();
        var probabilities = exp.Select(e => e / exp.Sum()).ToArray();
        AssertFrequenciesMatch(probabilities, Counts(Tensor.From(logits, 1, 4), areLogits: true, seed: 2));
    }

    [Fact]
    public void UnnormalisedWeightsAreNormalisedAndZeroWeightsNeverDrawn()
    {
        using var scope = Torch.NewDisposeScope();
        // Zero weights first, between and last: the places an off-by-one in the inverse CDF would hit.
        var counts = Counts(Tensor.From(new float[] { 0, 1, 0, 3, 0 }, 1, 5), areLogits: false, seed: 3);
        Assert.Equal(0, counts[0]);
        Assert.Equal(0, counts[2]);
        Assert.Equal(0, counts[4]);
        AssertFrequenciesMatch([0.25, 0.75], [counts[1], counts[3]]);
    }

    [Fact]
    public void MinusInfinityLogitsAreNeverDrawn()
    {
        using var scope = Torch.NewDisposeScope();
        var counts = Counts(Tensor.From(new float[] { float.NegativeInfinity, 0, float.NegativeInfinity, 0 }, 1, 4), areLogits: true, seed: 4);
        Assert.Equal(0, counts[0]);
        Assert.Equal(0, counts[2]);
        AssertFrequenciesMatch([0.5, 0.5], [counts[1], counts[3]]);
    }
}
