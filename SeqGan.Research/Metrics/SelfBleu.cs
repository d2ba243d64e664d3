namespace SeqGan.Research.Metrics;

/// <summary>
/// Self-BLEU (Zhu et al., Texygen 2018), the diversity metric: each generated sequence's sentence BLEU
/// against all the <em>other</em> generated sequences, averaged. Higher means less diverse.
/// </summary>
/// <remarks>
/// Leaving sequence i out matters: against a set that still contains it, every sequence matches itself and
/// scores 1. One <see cref="BleuReferenceSet"/> over all sequences serves every i, because it keeps each
/// n-gram's top count, its owner and the best count elsewhere.
/// Texygen's default "fast" mode scores only the first 500 generated sequences (each against the other
/// 499); pass that prefix to reproduce its published numbers.
/// </remarks>
public static class SelfBleu
{
    /// <summary>Mean Self-BLEU-<paramref name="maxOrder"/>, summed in input order.</summary>
    public static double Score(IReadOnlyList<IReadOnlyList<int>> generated, int maxOrder, BleuSmoothing smoothing = BleuSmoothing.Method1) =>
        ParallelScores.MeanInOrder(SentenceScores(generated, maxOrder, smoothing));

    /// <summary>Sentence BLEU of each generated sequence against all the others.</summary>
    public static double[] SentenceScores(IReadOnlyList<IReadOnlyList<int>> generated, int maxOrder, BleuSmoothing smoothing = BleuSmoothing.Method1)
    {
        TokenSequences.CheckAll(generated, nameof(generated));
        if (generated.Count < 2) throw new ArgumentException("Self-BLEU needs at least two sequences", nameof(generated));
        var all = new BleuReferenceSet(generated, maxOrder);
        return ParallelScores.Compute(generated.Count, i => all.SentenceBleu(TokenSequences.AsSpan(generated[i]), excludedReference: i, smoothing));
    }
}
