using SeqGan.Research.Metrics;

namespace SeqGan.Research.Tests.Metrics;

/// <summary>
/// <see cref="BleuSmoothing.ZeroOrdersOmitted"/> against NLTK 3.2.1's own <c>sentence_bleu(references, hypothesis, weights)</c>
/// (no smoothing function; the release the original pg_bleu/rollout.py ran), on sequences of 20 tokens as PG-BLEU scores them.
/// </summary>
public class BleuOf2016Tests
{
    private const double Tolerance = 1e-12;

    public static TheoryData<string> GroupNames => new(Nltk321BleuCases.Instance.Groups.Select(g => g.Name));

    [Fact]
    public void CasesComeFromNltk3_2_1()
    {
        Assert.StartsWith("3.2.1", Nltk321BleuCases.Instance.NltkVersion);
        Assert.True(Nltk321BleuCases.Instance.Groups.Sum(g => g.Hypotheses.Count) >= 160);
    }

    [Theory]
    [MemberData(nameof(GroupNames))]
    public void RewardsMatchNltk3_2_1(string name)
    {
        var group = Nltk321BleuCases.Instance.Groups.Single(g => g.Name == name);
        var reward = new BleuReward(group.References, group.Order, BleuSmoothing.ZeroOrdersOmitted);
        var scores = reward.Score(group.Hypotheses.Select(h => (IReadOnlyList<int>)h.Hypothesis).ToList());
        for (var i = 0; i < scores.Length; i++) Assert.Equal(group.Hypotheses[i].Bleu, scores[i], Tolerance);
    }

    [Fact]
    public void AnOrderWithoutMatchesDropsOutInsteadOfZeroingTheScore()
    {
        // The cases must exercise the quirk: hypotheses with unigram matches but no match of the top order, where
        // NLTK 3.8's method0 all but zeroes the score and 3.2.1 leaves the order out (scoring higher than a few matches would).
        var quirks = 0;
        foreach (var group in Nltk321BleuCases.Instance.Groups)
        {
            var references = new BleuReferenceSet(group.References, group.Order);
            foreach (var expected in group.Hypotheses)
            {
                var statistics = references.Statistics(expected.Hypothesis);
                if (statistics.Matches[0] == 0 || statistics.Matches[^1] != 0) continue;
                quirks++;
                var method0 = Bleu.Sentences(references, [expected.Hypothesis], BleuSmoothing.None)[0];
                Assert.True(method0 < 1e-70, $"{group.Name}: method0 gave {method0}");
                Assert.True(expected.Bleu > 1e-3, $"{group.Name}: NLTK 3.2.1 gave {expected.Bleu}");
                var present = Enumerable.Range(0, group.Order).Where(k => statistics.Matches[k] != 0)
                    .Sum(k => Math.Log((double)statistics.Matches[k] / statistics.Totals[k]) / group.Order);
                Assert.Equal(Math.Exp(present), expected.Bleu, Tolerance);  // length 20 everywhere: brevity penalty 1
            }
        }
        Assert.True(quirks >= 10, $"only {quirks} hypotheses lack a top-order match");
    }
}
