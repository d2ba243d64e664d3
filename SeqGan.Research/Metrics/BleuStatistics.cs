namespace SeqGan.Research.Metrics;

/// <summary>
/// What sentence BLEU is computed from, for one hypothesis (or, summed, for a corpus): NLTK's
/// modified-precision numerators and denominators per order, the hypothesis length and the closest
/// reference length.
/// </summary>
/// <param name="Matches">clipped n-gram matches for orders 1..n</param>
/// <param name="Totals">hypothesis n-grams for orders 1..n; at least 1 per hypothesis, as NLTK's <c>max(1, ...)</c></param>
public sealed record BleuStatistics(IReadOnlyList<long> Matches, IReadOnlyList<long> Totals, long HypothesisLength, long ReferenceLength)
{
    /// <summary>n of BLEU-n.</summary>
    public int MaxOrder => Matches.Count;

    /// <summary>NLTK's brevity penalty: 1 when the hypothesis is longer than the reference length, 0 when it is empty.</summary>
    public double BrevityPenalty => NltkBleuFormula.BrevityPenalty(HypothesisLength, ReferenceLength);

    /// <summary>BLEU-n with uniform weights and NLTK's method1 smoothing.</summary>
    public double Score => NltkBleuFormula.Score(Matches.ToArray(), Totals.ToArray(), HypothesisLength, ReferenceLength);
}
