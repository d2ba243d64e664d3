namespace SeqGan.Research.Metrics;

/// <summary>
/// The diversity column of ORGAN's music table (METRICS.md §3): the mean token-level Levenshtein distance over
/// all ordered pairs of samples, self-pairs included, each divided by the constant maximum length (80), not by
/// the pair's lengths. Tokens are compared as whole strings.
/// </summary>
public static class MusicDiversity
{
    /// <summary>The paper's diversity sample: the first 2,000 of the 6,400 evaluation samples.</summary>
    public const int PaperSamples = 2000;

    /// <summary>Diversity of token lists (e.g. <see cref="Data.AbcVocabulary.DecodeTokens"/>).</summary>
    public static double Compute(IReadOnlyList<IReadOnlyList<string>> samples, int maxLength = 80)
    {
        if (samples.Count == 0) throw new ArgumentException("no samples", nameof(samples));
        if (maxLength < 1) throw new ArgumentOutOfRangeException(nameof(maxLength), maxLength, "must be positive");
        // Intern tokens as ints: the distance compares millions of pairs.
        var ids = new Dictionary<string, int>(StringComparer.Ordinal);
        var rows = samples.Select(s => s.Select(t => ids.TryGetValue(t, out var id) ? id : ids[t] = ids.Count).ToArray()).ToArray();
        var n = rows.Length;
        // Row sums of the upper triangle, each in its own slot: the total does not depend on scheduling.
        var rowSums = ParallelScores.Compute(n, i =>
        {
            var buffer = new int[2 * (rows.Max(r => r.Length) + 1)];
            double sum = 0;
            for (var j = i + 1; j < n; j++) sum += Levenshtein(rows[i], rows[j], buffer);
            return sum;
        });
        var total = 0.0;
        foreach (var s in rowSums) total += 2 * s;   // d(i, j) = d(j, i); d(i, i) = 0
        return total / maxLength / ((double)n * n);
    }

    /// <summary>Diversity of space-joined strings, split on single spaces with empty pieces dropped (as a.py does).</summary>
    public static double ComputeFromStrings(IReadOnlyList<string> samples, int maxLength = 80) =>
        Compute(samples.Select(s => (IReadOnlyList<string>)s.Split(' ', StringSplitOptions.RemoveEmptyEntries)).ToList(), maxLength);

    /// <summary>Unit-cost edit distance between two id sequences (two rolling rows in <paramref name="buffer"/>).</summary>
    public static int Levenshtein(ReadOnlySpan<int> a, ReadOnlySpan<int> b, int[]? buffer = null)
    {
        var width = b.Length + 1;
        buffer ??= new int[2 * width];
        var previous = buffer.AsSpan(0, width);
        var current = buffer.AsSpan(width, width);
        for (var j = 0; j < width; j++) previous[j] = j;
        for (var i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            for (var j = 1; j < width; j++)
            {
                var substitution = previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1);
                current[j] = Math.Min(substitution, Math.Min(previous[j], current[j - 1]) + 1);
            }
            var swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.Length];
    }
}
