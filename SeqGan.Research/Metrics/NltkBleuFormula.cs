namespace SeqGan.Research.Metrics;

/// <summary>
/// The last step of NLTK 3.8's <c>corpus_bleu</c> (and so of <c>sentence_bleu</c>) with uniform weights
/// and <c>SmoothingFunction().method1</c>, the configuration Texygen and the SeqGAN follow-ups report
/// (or method0, or NLTK 3.2.1's unsmoothed formula: <see cref="BleuSmoothing"/>).
/// It is replicated operation for operation — same divisions, same <c>math.fsum</c> — so scores agree
/// with NLTK to the last bit or two, not merely to a tolerance.
/// </summary>
internal static class NltkBleuFormula
{
    /// <summary>method1's epsilon: added to the numerator of a precision whose match count is zero.</summary>
    public const double Epsilon = 0.1;

    /// <summary>Python's <c>sys.float_info.min</c>, method0's stand-in for a zero precision.</summary>
    public const double SmallestNormal = 2.2250738585072014E-308;

    /// <param name="matches">clipped n-gram matches per order (NLTK's precision numerators)</param>
    /// <param name="totals">n-gram counts per order, each at least 1 per hypothesis (NLTK's <c>max(1, ...)</c> denominators)</param>
    public static double Score(ReadOnlySpan<long> matches, ReadOnlySpan<long> totals, long hypothesisLength, long referenceLength,
        BleuSmoothing smoothing = BleuSmoothing.Method1)
    {
        // NLTK returns 0 outright when no unigram matches, before any smoothing: an empty hypothesis,
        // or one sharing no token with the references, scores exactly 0 rather than a smoothed epsilon.
        if (matches[0] == 0) return 0;
        var weight = 1.0 / matches.Length; // Texygen's weights: tuple(1. / ngram for _ in range(ngram))
        Span<double> terms = stackalloc double[matches.Length];
        var count = 0;
        for (var k = 0; k < matches.Length; k++)
        {
            // NLTK 3.2.1 (bleu_score.py:177-178) sums only the orders with a match: a zero precision drops out.
            if (matches[k] == 0 && smoothing == BleuSmoothing.ZeroOrdersOmitted) continue;
            // method0 (no smoothing) puts sys.float_info.min in place of a zero precision, so the score is tiny, not 0.
            var precision = matches[k] != 0 ? (double)matches[k] / totals[k]
                : smoothing == BleuSmoothing.Method1 ? (0 + Epsilon) / totals[k] : SmallestNormal;
            terms[count++] = weight * Math.Log(precision);
        }
        return BrevityPenalty(hypothesisLength, referenceLength) * Math.Exp(ExactSum(terms[..count]));
    }

    /// <summary>NLTK's <c>brevity_penalty(closest_ref_len, hyp_len)</c>.</summary>
    public static double BrevityPenalty(long hypothesisLength, long referenceLength)
    {
        if (hypothesisLength > referenceLength) return 1;
        if (hypothesisLength == 0) return 0;
        return Math.Exp(1 - (double)referenceLength / hypothesisLength);
    }

    /// <summary>
    /// Python's <c>math.fsum</c> (Shewchuk's exact partials, then the round-half-even correction):
    /// the correctly rounded sum, which a plain loop can miss by an ulp.
    /// </summary>
    public static double ExactSum(ReadOnlySpan<double> values)
    {
        Span<double> partials = stackalloc double[values.Length + 1];
        var count = 0;
        foreach (var value in values)
        {
            var x = value;
            var kept = 0;
            for (var j = 0; j < count; j++)
            {
                var y = partials[j];
                if (Math.Abs(x) < Math.Abs(y)) (x, y) = (y, x);
                var high = x + y;
                var low = y - (high - x);
                if (low != 0) partials[kept++] = low;
                x = high;
            }
            if (x != 0) partials[kept++] = x;
            count = kept;
        }
        if (count == 0) return 0;

        var n = count;
        var sum = partials[--n];
        double remainder = 0;
        while (n > 0)
        {
            var previous = sum;
            var y = partials[--n];
            sum = previous + y;
            remainder = y - (sum - previous);
            if (remainder != 0) break;
        }
        // Round half to even would have been wrong when the rest of the partials push the same way.
        if (n > 0 && ((remainder < 0 && partials[n - 1] < 0) || (remainder > 0 && partials[n - 1] > 0)))
        {
            var doubled = remainder * 2;
            var candidate = sum + doubled;
            if (doubled == candidate - sum) sum = candidate;
        }
        return sum;
    }
}

/// <summary>NLTK's <c>SmoothingFunction</c> choices the kit implements.</summary>
public enum BleuSmoothing
{
    /// <summary><c>method0</c>: no smoothing (a zero n-gram precision makes the score vanish).</summary>
    None,
    /// <summary><c>method1</c>: epsilon 0.1 added to a zero numerator — Texygen's and the SeqGAN family's setting.</summary>
    Method1,
    /// <summary>
    /// NLTK 3.2 / 3.2.1 with no smoothing function (the releases of 2016-03 to 2017-01, when the original
    /// <c>pg_bleu/rollout.py:89</c> called <c>sentence_bleu(references, hypothesis, (1/3, 1/3, 1/3))</c>): an order
    /// with no match is left out of the weighted sum of logs (3.2.1 <c>bleu_score.py:177-178</c>) and its weight is not
    /// given to the others, so a hypothesis without any matching trigram scores <em>higher</em> than one with a few.
    /// No unigram match still scores 0. Where 3.2.1 raises ZeroDivisionError (a hypothesis shorter than n, or empty),
    /// the unmatched orders are simply left out.
    /// </summary>
    ZeroOrdersOmitted,
}
