namespace SeqGan.Research.Metrics;

/// <summary>
/// The music MSE of the paper's Table 4. The paper says only that it compares generated pitch sequences with
/// human-composed ones by mean squared error; it names no pairing. Generated and real tunes are not paired,
/// so we pair each generated sequence with its closest real one, exactly as its BLEU compares it with all
/// real sequences and keeps the best n-gram matches:
/// <code>MSE = mean over generated y of  min over references r of  (1/T) Σ_t (y_t − r_t)²</code>
/// with pitches as piano-key numbers (semitones), so √MSE is a typical distance in semitones. Lower is better.
/// </summary>
public static class MelodyMse
{
    /// <summary>Mean over <paramref name="generated"/> of the squared pitch distance to its nearest reference.</summary>
    public static double NearestReference(IReadOnlyList<IReadOnlyList<int>> references, IReadOnlyList<IReadOnlyList<int>> generated) =>
        ParallelScores.MeanInOrder(PerSequence(references, generated));

    /// <summary>Each generated sequence's squared pitch distance (per position) to its nearest reference.</summary>
    public static double[] PerSequence(IReadOnlyList<IReadOnlyList<int>> references, IReadOnlyList<IReadOnlyList<int>> generated)
    {
        ArgumentNullException.ThrowIfNull(references);
        ArgumentNullException.ThrowIfNull(generated);
        if (references.Count == 0) throw new ArgumentException("MSE needs at least one reference sequence", nameof(references));
        if (generated.Count == 0) throw new ArgumentException("MSE needs at least one generated sequence", nameof(generated));
        var length = references[0].Count;
        if (length == 0) throw new ArgumentException("sequences must not be empty", nameof(references));
        for (var i = 0; i < references.Count; i++)
            if (references[i].Count != length) throw new ArgumentException($"reference {i} has {references[i].Count} pitches, reference 0 has {length}", nameof(references));
        for (var i = 0; i < generated.Count; i++)
            if (generated[i].Count != length) throw new ArgumentException($"generated sequence {i} has {generated[i].Count} pitches, the references have {length}", nameof(generated));
        var flat = new int[references.Count * length];
        for (var r = 0; r < references.Count; r++)
            for (var t = 0; t < length; t++) flat[r * length + t] = references[r][t];
        return ParallelScores.Compute(generated.Count, i =>
        {
            var y = generated[i];
            long best = long.MaxValue;
            for (var r = 0; r < references.Count && best > 0; r++)
            {
                long sum = 0;
                var offset = r * length;
                for (var t = 0; t < length && sum < best; t++)
                {
                    long d = y[t] - flat[offset + t];
                    sum += d * d;
                }
                if (sum < best) best = sum;
            }
            return (double)best / length;
        });
    }
}
