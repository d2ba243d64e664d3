namespace SeqGan.Research.Training;

/// <summary>
/// ORGAN's penalty on repeated samples: in a batch of B sequences with U distinct ones, a sequence with c copies
/// gets w = (U / B) / c. A batch of distinct sequences keeps its scores; duplicates share theirs and a batch that
/// has collapsed onto few sequences earns less overall.
/// </summary>
public static class UniquenessWeights
{
    public static double[] Compute(IReadOnlyList<string> keys)
    {
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var key in keys) counts[key] = counts.GetValueOrDefault(key) + 1;
        var distinctShare = (double)counts.Count / keys.Count;
        return keys.Select(key => distinctShare / counts[key]).ToArray();
    }
}
