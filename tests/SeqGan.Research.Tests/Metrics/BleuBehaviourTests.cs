using System.Collections.ObjectModel;
using SeqGan.Research.Metrics;

namespace SeqGan.Research.Tests.Metrics;

/// <summary>Properties NLTK's cases do not pin down: leaving the hypothesis out of Self-BLEU at scale,
/// determinism of the parallel paths, input types, and argument errors.</summary>
public class BleuBehaviourTests
{
    private static int[][] RandomSequences(int seed, int count, int vocabulary, int minLength, int maxLength)
    {
        var random = new Random(seed);
        return Enumerable.Range(0, count)
            .Select(_ => Enumerable.Range(0, random.Next(minLength, maxLength + 1)).Select(_ => random.Next(vocabulary)).ToArray())
            .ToArray();
    }

    [Fact]
    public void SelfBleuLeavesEachSequenceOut()
    {
        var generated = RandomSequences(seed: 1, count: 50, vocabulary: 40, minLength: 20, maxLength: 20);
        Assert.Equal(generated.Length, generated.Select(s => string.Join(' ', s)).Distinct().Count());

        // The naive bug — scoring each sequence against a set that still contains it — gives exactly 1.
        var naive = Bleu.AverageSentence(new BleuReferenceSet(generated, 4), generated);
        Assert.Equal(1.0, naive);
        var selfBleu = SelfBleu.Score(generated, 4);
        Assert.InRange(selfBleu, 0.0, 0.9);
    }

    [Fact]
    public void SelfBleuEqualsRebuildingTheReferencesWithoutEachSequence()
    {
        // Small vocabulary and copies, so maxima are often held by one sequence, tied, or duplicated.
        var distinct = RandomSequences(seed: 2, count: 120, vocabulary: 4, minLength: 0, maxLength: 14);
        var generated = distinct.Concat(distinct.Take(15)).ToArray();
        foreach (var order in new[] { 1, 3, 5 })
        {
            var fast = SelfBleu.SentenceScores(generated, order);
            for (var i = 0; i < generated.Length; i++)
            {
                var others = generated.Where((_, j) => j != i).ToArray();
                Assert.Equal(Bleu.Sentence(others, generated[i], order), fast[i]);
            }
        }
    }

    [Fact]
    public void LargeReferenceSetsCountLikeTheDefinition()
    {
        // 80,000 x 74 n-gram occurrences, most of them distinct: past the presized table, so the growth path runs.
        const int order = 4, vocabulary = 5000;
        var references = RandomSequences(8, 80_000, vocabulary, 20, 20);
        var set = new BleuReferenceSet(references, order);
        Assert.True(set.DistinctNGramCount > 4_200_000);

        var random = new Random(9);
        var hypotheses = Enumerable.Range(0, 2)
            .Select(_ => references[random.Next(references.Length)].Select(t => random.Next(3) == 0 ? random.Next(vocabulary) : t).ToArray())
            .Append(references[^1])
            .ToArray();
        foreach (var hypothesis in hypotheses)
            Assert.Equal(ClippedMatchesByDefinition(references, hypothesis, order, vocabulary), set.Statistics(hypothesis).Matches);
        Assert.Equal(1.0, Bleu.Sentence(set, references[^1]));
    }

    /// <summary>NLTK's modified precision numerators, literally: per hypothesis n-gram, min(its count, its
    /// largest count in one reference), for orders 1..<paramref name="maxOrder"/>.</summary>
    private static long[] ClippedMatchesByDefinition(int[][] references, int[] hypothesis, int maxOrder, int vocabulary)
    {
        static (int Order, long Ids) NGram(int[] tokens, int start, int n, int vocabulary)
        {
            long ids = 0;
            for (var i = 0; i < n; i++) ids = ids * vocabulary + tokens[start + i];
            return (n, ids);
        }
        var counts = new Dictionary<(int Order, long Ids), int>();
        for (var n = 1; n <= maxOrder; n++)
            for (var i = 0; i + n <= hypothesis.Length; i++)
                counts[NGram(hypothesis, i, n, vocabulary)] = counts.GetValueOrDefault(NGram(hypothesis, i, n, vocabulary)) + 1;
        var clip = counts.Keys.ToDictionary(ngram => ngram, _ => 0);
        var inReference = new Dictionary<(int Order, long Ids), int>();
        foreach (var reference in references)
        {
            inReference.Clear();
            for (var n = 1; n <= maxOrder; n++)
                for (var i = 0; i + n <= reference.Length; i++)
                {
                    var ngram = NGram(reference, i, n, vocabulary);
                    if (counts.ContainsKey(ngram)) inReference[ngram] = inReference.GetValueOrDefault(ngram) + 1;
                }
            foreach (var (ngram, count) in inReference) clip[ngram] = Math.Max(clip[ngram], count);
        }
        var matches = new long[maxOrder];
        foreach (var (ngram, count) in counts) matches[ngram.Order - 1] += Math.Min(count, clip[ngram]);
        return matches;
    }

    [Fact]
    public void ParallelScoresAreDeterministicAndInInputOrder()
    {
        var references = new BleuReferenceSet(RandomSequences(3, 500, 50, 15, 25), 4);
        var hypotheses = RandomSequences(4, 3000, 50, 15, 25);
        var sequential = hypotheses.Select(h => Bleu.Sentence(references, h)).ToArray();
        var runningSum = 0.0;
        foreach (var score in sequential) runningSum += score;
        for (var run = 0; run < 5; run++)
        {
            Assert.Equal(sequential, Bleu.Sentences(references, hypotheses));
            Assert.Equal(runningSum / hypotheses.Length, Bleu.AverageSentence(references, hypotheses));
        }
        Assert.Equal(Bleu.Corpus(references, hypotheses), Bleu.Corpus(references, hypotheses));
    }

    [Fact]
    public void AnyReadOnlyListOfIdsGivesTheSameScore()
    {
        var references = RandomSequences(5, 30, 6, 5, 12);
        var set = new BleuReferenceSet(references, 4);
        var hypothesis = new[] { 1, 2, 3, 1, 2, 0, 5, 4 };
        var expected = Bleu.Sentence(set, hypothesis);
        Assert.Equal(expected, Bleu.Sentence(set, hypothesis.ToList()));
        Assert.Equal(expected, Bleu.Sentence(set, new ReadOnlyCollection<int>(hypothesis)));
        var asLists = references.Select(r => (IReadOnlyList<int>)new ReadOnlyCollection<int>(r)).ToList();
        Assert.Equal(expected, Bleu.Sentence(asLists, hypothesis, 4));
    }

    [Fact]
    public void CorpusBleuWithSharedReferencesEqualsThePerHypothesisForm()
    {
        var references = RandomSequences(6, 40, 8, 6, 16);
        var hypotheses = RandomSequences(7, 25, 8, 0, 18);
        var shared = Bleu.Corpus(new BleuReferenceSet(references, 4), hypotheses);
        var perHypothesis = Bleu.Corpus(hypotheses.Select(_ => (IReadOnlyList<IReadOnlyList<int>>)references).ToArray(), hypotheses, 4);
        Assert.Equal(perHypothesis, shared);
    }

    [Fact]
    public void RewardsHandleEmptyRowsAndRejectIdsBeyondInt32()
    {
        var reward = new BleuReward([[1, 2, 3]], 2);
        Assert.Equal([0.0, 0.0], reward.Score(new int[2, 0]));
        Assert.Empty(reward.Score(new int[0, 5]));
        Assert.Throws<ArgumentException>(() => reward.Score([1L, 2L, 1L << 40], 3));
        Assert.Throws<ArgumentException>(() => reward.Score([1L, 2L, 3L], 2));
    }

    [Fact]
    public void InvalidArgumentsAreRejected()
    {
        Assert.Throws<ArgumentException>(() => new BleuReferenceSet(Array.Empty<int[]>(), 4));
        Assert.Throws<ArgumentOutOfRangeException>(() => new BleuReferenceSet([[1, 2]], 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => new BleuReferenceSet([[1, 2]], BleuReferenceSet.MaxSupportedOrder + 1));
        Assert.Throws<ArgumentException>(() => new BleuReferenceSet([[1, 2], null!], 2));
        Assert.Throws<ArgumentException>(() => SelfBleu.Score([[1, 2, 3]], 2));
        Assert.Throws<ArgumentException>(() => Bleu.AverageSentence(new BleuReferenceSet([[1]], 1), Array.Empty<int[]>()));
        Assert.Throws<ArgumentException>(() => Bleu.Corpus([[[1]]], [[1], [2]], 1));
    }

    [Fact]
    public void ReferenceSetReportsWhatItHolds()
    {
        var set = new BleuReferenceSet([[1, 2, 1, 2], [2, 1], []], 3);
        Assert.Equal(3, set.MaxOrder);
        Assert.Equal(3, set.Count);
        Assert.Equal([4, 2, 0], Enumerable.Range(0, 3).Select(set.ReferenceLength));
        // 1, 2 | 12, 21 | 121, 212
        Assert.Equal(6, set.DistinctNGramCount);
        // Clipped by the counts of the best single reference ([1, 2, 1, 2]), not by the sum over references.
        var statistics = set.Statistics([1, 2, 1, 2, 1, 2]);
        Assert.Equal([4L, 3, 2], statistics.Matches);
        Assert.Equal([6L, 5, 4], statistics.Totals);
        Assert.Equal(4, statistics.ReferenceLength);
        Assert.Equal(1.0, statistics.BrevityPenalty);
    }
}
