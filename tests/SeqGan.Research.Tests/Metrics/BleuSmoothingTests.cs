using SeqGan.Research.Metrics;

namespace SeqGan.Research.Tests.Metrics;

/// <summary>NLTK's method0 (no smoothing): sys.float_info.min stands in for a zero precision, so such a score is tiny but
/// not zero; when every precision is non-zero both smoothings agree. The literals are NLTK 3.8's
/// <c>sentence_bleu(references, hypothesis, weights, smoothing_function=SmoothingFunction().method0 / .method1)</c>
/// on these cases (Debian's python3-nltk).</summary>
public class BleuSmoothingTests
{
    private static readonly IReadOnlyList<int>[] References = [[1, 2, 3, 4, 5, 6], [7, 8, 1, 9, 4, 5, 6]];

    [Fact]
    public void WithoutZeroPrecisionsNoSmoothingEqualsMethod1()
    {
        var references = new BleuReferenceSet(References, 2);
        IReadOnlyList<int>[] hypotheses = [[1, 2, 3, 9, 4, 5]];
        Assert.Equal(Bleu.AverageSentence(references, hypotheses, BleuSmoothing.Method1),
            Bleu.AverageSentence(references, hypotheses, BleuSmoothing.None));
        Assert.Equal(0.8944271909999159, Bleu.AverageSentence(references, hypotheses, BleuSmoothing.None), 1e-12);
    }

    [Fact]
    public void AZeroPrecisionGivesFloatMinInsteadOfEpsilon()
    {
        var references = new BleuReferenceSet(References, 3);
        IReadOnlyList<int>[] hypotheses = [[1, 10, 3, 11, 5, 12]];   // unigrams 3/6, no matching bigram or trigram
        var none = Bleu.AverageSentence(references, hypotheses, BleuSmoothing.None);
        var expected = Math.Exp((Math.Log(3.0 / 6) + 2 * Math.Log(2.2250738585072014E-308)) / 3);
        Assert.Equal(expected, none, expected * 1e-9);
        Assert.Equal(6.278939363647093e-206, none, 6.278939363647093e-206 * 1e-9);
        var method1 = Bleu.AverageSentence(references, hypotheses, BleuSmoothing.Method1);
        Assert.Equal(Math.Exp((Math.Log(3.0 / 6) + Math.Log(0.1 / 5) + Math.Log(0.1 / 4)) / 3), method1, 12);
        Assert.Equal(0.06299605249474365, method1, 1e-12);
    }
}
