namespace SeqGan.Research.Metrics;

/// <summary>
/// BLEU-n on token ids exactly as NLTK 3.8 computes it with uniform weights and
/// <c>SmoothingFunction().method1</c> — the setting of Texygen, the benchmark platform the SeqGAN
/// family is evaluated with. Every entry point gives NLTK's number to within floating-point rounding.
/// </summary>
/// <remarks>
/// Texygen's <c>Bleu.get_score()</c> defaults to its "fast" mode, which keeps only the first 500 test
/// sequences as references; pass that subset to reproduce those published numbers, or all references
/// for the exact metric.
/// </remarks>
public static class Bleu
{
    /// <summary>NLTK's <c>sentence_bleu(references, hypothesis, (1/n,)*n, smoothing_function=method1)</c>.</summary>
    public static double Sentence(BleuReferenceSet references, IReadOnlyList<int> hypothesis)
    {
        ArgumentNullException.ThrowIfNull(references);
        ArgumentNullException.ThrowIfNull(hypothesis);
        return references.SentenceBleu(TokenSequences.AsSpan(hypothesis));
    }

    /// <summary>One-off sentence BLEU; build a <see cref="BleuReferenceSet"/> once when scoring many hypotheses.</summary>
    public static double Sentence(IReadOnlyList<IReadOnlyList<int>> references, IReadOnlyList<int> hypothesis, int maxOrder) =>
        Sentence(new BleuReferenceSet(references, maxOrder), hypothesis);

    /// <summary>Sentence BLEU of every hypothesis against all references, computed in parallel.</summary>
    public static double[] Sentences(BleuReferenceSet references, IReadOnlyList<IReadOnlyList<int>> hypotheses) =>
        Sentences(references, hypotheses, BleuSmoothing.Method1);

    /// <summary>Sentence BLEU of every hypothesis against all references with the given NLTK smoothing.</summary>
    public static double[] Sentences(BleuReferenceSet references, IReadOnlyList<IReadOnlyList<int>> hypotheses, BleuSmoothing smoothing)
    {
        ArgumentNullException.ThrowIfNull(references);
        TokenSequences.CheckAll(hypotheses, nameof(hypotheses));
        return ParallelScores.Compute(hypotheses.Count, i => references.SentenceBleu(TokenSequences.AsSpan(hypotheses[i]), smoothing: smoothing));
    }

    /// <summary>
    /// Texygen's BLEU: the mean over generated sequences of each one's sentence BLEU against all
    /// references (the test set). Deterministic: per-sentence scores are summed in input order.
    /// </summary>
    public static double AverageSentence(BleuReferenceSet references, IReadOnlyList<IReadOnlyList<int>> hypotheses,
        BleuSmoothing smoothing = BleuSmoothing.Method1)
    {
        var scores = Sentences(references, hypotheses, smoothing);
        if (scores.Length == 0) throw new ArgumentException("no hypotheses to average over", nameof(hypotheses));
        return ParallelScores.MeanInOrder(scores);
    }

    /// <summary>NLTK's <c>corpus_bleu</c> where every hypothesis has the same references: precisions and lengths
    /// are summed over the corpus before the formula (micro-average), unlike <see cref="AverageSentence"/>.</summary>
    public static double Corpus(BleuReferenceSet references, IReadOnlyList<IReadOnlyList<int>> hypotheses,
        BleuSmoothing smoothing = BleuSmoothing.Method1)
    {
        ArgumentNullException.ThrowIfNull(references);
        TokenSequences.CheckAll(hypotheses, nameof(hypotheses));
        return CorpusScore(references.MaxOrder, hypotheses, _ => references, smoothing);
    }

    /// <summary>NLTK's <c>corpus_bleu(list_of_references, hypotheses, ...)</c>: hypothesis i against its own references.</summary>
    public static double Corpus(IReadOnlyList<IReadOnlyList<IReadOnlyList<int>>> referencesPerHypothesis,
        IReadOnlyList<IReadOnlyList<int>> hypotheses, int maxOrder)
    {
        ArgumentNullException.ThrowIfNull(referencesPerHypothesis);
        TokenSequences.CheckAll(hypotheses, nameof(hypotheses));
        TokenSequences.CheckMaxOrder(maxOrder);
        if (referencesPerHypothesis.Count != hypotheses.Count)
            throw new ArgumentException($"{hypotheses.Count} hypotheses but {referencesPerHypothesis.Count} reference lists", nameof(referencesPerHypothesis));
        for (var i = 0; i < referencesPerHypothesis.Count; i++)
        {
            // Checked here rather than when each set is built inside the parallel loop, where it would throw an AggregateException.
            TokenSequences.CheckAll(referencesPerHypothesis[i], nameof(referencesPerHypothesis));
            if (referencesPerHypothesis[i].Count == 0)
                throw new ArgumentException($"hypothesis {i} has no references", nameof(referencesPerHypothesis));
        }
        return CorpusScore(maxOrder, hypotheses, i => new BleuReferenceSet(referencesPerHypothesis[i], maxOrder), BleuSmoothing.Method1);
    }

    private static double CorpusScore(int maxOrder, IReadOnlyList<IReadOnlyList<int>> hypotheses, Func<int, BleuReferenceSet> referencesOf,
        BleuSmoothing smoothing)
    {
        var count = hypotheses.Count;
        var matches = new long[count * maxOrder];
        var totals = new long[count * maxOrder];
        var referenceLengths = new int[count];
        Parallel.For(0, count, i =>
        {
            referenceLengths[i] = referencesOf(i).CountMatches(TokenSequences.AsSpan(hypotheses[i]), excludedReference: -1,
                matches.AsSpan(i * maxOrder, maxOrder), totals.AsSpan(i * maxOrder, maxOrder));
        });

        // Integer sums: exact, so the parallel counting above cannot change the result.
        Span<long> corpusMatches = stackalloc long[maxOrder];
        Span<long> corpusTotals = stackalloc long[maxOrder];
        long hypothesisLength = 0, referenceLength = 0;
        for (var i = 0; i < count; i++)
        {
            for (var k = 0; k < maxOrder; k++)
            {
                corpusMatches[k] += matches[i * maxOrder + k];
                corpusTotals[k] += totals[i * maxOrder + k];
            }
            hypothesisLength += hypotheses[i].Count;
            referenceLength += referenceLengths[i];
        }
        return NltkBleuFormula.Score(corpusMatches, corpusTotals, hypothesisLength, referenceLength, smoothing);
    }
}
