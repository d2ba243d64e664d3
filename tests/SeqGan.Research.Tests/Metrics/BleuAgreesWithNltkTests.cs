using SeqGan.Research.Metrics;
using Xunit.Abstractions;

namespace SeqGan.Research.Tests.Metrics;

/// <summary>Every BLEU entry point against NLTK 3.8 on the committed cases: edge cases (empty and short
/// hypotheses, no overlap, identical, clipping, length ties, extreme ids) and random sets, orders 1..5.</summary>
public class BleuAgreesWithNltkTests(ITestOutputHelper output)
{
    // Far tighter than needed to catch a wrong formula; the implementation mirrors NLTK's arithmetic, so
    // only libm's last-bit differences between platforms remain.
    private const double Tolerance = 1e-9;

    private static NltkBleuCases Cases => NltkBleuCases.Instance;

    public static TheoryData<string> ReferenceGroupNames => new(NltkBleuCases.Instance.ReferenceGroups.Select(g => g.Name));
    public static TheoryData<string> CorpusGroupNames => new(NltkBleuCases.Instance.CorpusGroups.Select(g => g.Name));
    public static TheoryData<string> SelfBleuGroupNames => new(NltkBleuCases.Instance.SelfBleuGroups.Select(g => g.Name));

    [Fact]
    public void CasesComeFromNltk3_8()
    {
        Assert.Equal("3.8", Cases.NltkVersion);
        Assert.True(Cases.ReferenceGroups.Sum(g => g.Hypotheses.Count) > 300);
    }

    [Theory]
    [MemberData(nameof(ReferenceGroupNames))]
    public void SentenceBleuAndItsCountsMatch(string name)
    {
        var group = Cases.ReferenceGroups.Single(g => g.Name == name);
        var references = new BleuReferenceSet(group.References, group.Order);
        var worst = 0.0;
        foreach (var expected in group.Hypotheses)
        {
            var statistics = references.Statistics(expected.Hypothesis);
            Assert.Equal(expected.Matches, statistics.Matches);
            Assert.Equal(expected.Totals, statistics.Totals);
            Assert.Equal(expected.ClosestRefLen, statistics.ReferenceLength);

            var score = Bleu.Sentence(references, expected.Hypothesis);
            Assert.Equal(score, statistics.Score);
            Assert.Equal(expected.Bleu, score, Tolerance);
            worst = Math.Max(worst, Math.Abs(expected.Bleu - score));
        }
        output.WriteLine($"{group.Hypotheses.Count} sentences, largest |ours - NLTK| = {worst:E2}");
    }

    [Theory]
    [MemberData(nameof(ReferenceGroupNames))]
    public void TexygenAverageAndCorpusBleuMatch(string name)
    {
        var group = Cases.ReferenceGroups.Single(g => g.Name == name);
        var references = new BleuReferenceSet(group.References, group.Order);
        var hypotheses = group.Hypotheses.Select(h => h.Hypothesis).ToArray();
        var average = Bleu.AverageSentence(references, hypotheses);
        var corpus = Bleu.Corpus(references, hypotheses);
        Assert.Equal(group.TexygenAverage, average, Tolerance);
        Assert.Equal(group.CorpusBleu, corpus, Tolerance);
        output.WriteLine($"average: {Math.Abs(group.TexygenAverage - average):E2}, corpus: {Math.Abs(group.CorpusBleu - corpus):E2}");
    }

    [Theory]
    [MemberData(nameof(ReferenceGroupNames))]
    public void RewardsAreTheSentenceScores(string name)
    {
        var group = Cases.ReferenceGroups.Single(g => g.Name == name);
        var reward = new BleuReward(group.References, group.Order);
        var scores = reward.Score(group.Hypotheses.Select(h => h.Hypothesis).ToArray());
        for (var i = 0; i < scores.Length; i++) Assert.Equal(group.Hypotheses[i].Bleu, scores[i], Tolerance);

        // The tensor-shaped inputs need equal lengths: score the hypotheses of the most common length.
        var sameLength = group.Hypotheses.GroupBy(h => h.Hypothesis.Length).MaxBy(g => g.Count())!.ToArray();
        var length = sameLength[0].Hypothesis.Length;
        if (length == 0) return;
        var matrix = new int[sameLength.Length, length];
        var flat = new long[sameLength.Length * length];
        for (var i = 0; i < sameLength.Length; i++)
            for (var t = 0; t < length; t++)
                flat[i * length + t] = matrix[i, t] = sameLength[i].Hypothesis[t];
        Assert.Equal(sameLength.Select(h => h.Bleu), reward.Score(matrix), new ToleranceComparer(Tolerance));
        Assert.Equal(sameLength.Select(h => h.Bleu), reward.Score(flat, length), new ToleranceComparer(Tolerance));
    }

    [Theory]
    [MemberData(nameof(CorpusGroupNames))]
    public void CorpusBleuWithReferencesPerHypothesisMatches(string name)
    {
        var group = Cases.CorpusGroups.Single(g => g.Name == name);
        var corpus = Bleu.Corpus(group.ReferencesPerHypothesis, group.Hypotheses, group.Order);
        Assert.Equal(group.CorpusBleu, corpus, Tolerance);
        output.WriteLine($"corpus: |ours - NLTK| = {Math.Abs(group.CorpusBleu - corpus):E2}");
    }

    [Theory]
    [MemberData(nameof(SelfBleuGroupNames))]
    public void SelfBleuMatches(string name)
    {
        var group = Cases.SelfBleuGroups.Single(g => g.Name == name);
        var scores = SelfBleu.SentenceScores(group.Sequences, group.Order);
        Assert.Equal(group.SentenceScores, scores, new ToleranceComparer(Tolerance));
        var selfBleu = SelfBleu.Score(group.Sequences, group.Order);
        Assert.Equal(group.SelfBleu, selfBleu, Tolerance);
        var worst = scores.Zip(group.SentenceScores, (ours, nltk) => Math.Abs(ours - nltk)).Max();
        output.WriteLine($"{scores.Length} sentences, largest |ours - NLTK| = {worst:E2}; Self-BLEU: {Math.Abs(group.SelfBleu - selfBleu):E2}");
    }

    private sealed class ToleranceComparer(double tolerance) : IEqualityComparer<double>
    {
        public bool Equals(double x, double y) => Math.Abs(x - y) <= tolerance;
        public int GetHashCode(double value) => 0;
    }
}
