namespace SeqGan.Research.Metrics;

/// <summary>
/// The multiset of reference lengths, answering NLTK's <c>closest_ref_length</c> — the reference length
/// nearest the hypothesis length, ties going to the shorter — in O(log distinct lengths), optionally with
/// one reference left out (Self-BLEU scores each sequence against all the others).
/// </summary>
internal sealed class ReferenceLengths
{
    private readonly int[] _lengths; // distinct, ascending
    private readonly int[] _counts;  // how many references have _lengths[i]

    public ReferenceLengths(IEnumerable<int> lengths)
    {
        var histogram = lengths.GroupBy(length => length).OrderBy(group => group.Key).ToArray();
        if (histogram.Length == 0) throw new ArgumentException("BLEU needs at least one reference");
        _lengths = histogram.Select(group => group.Key).ToArray();
        _counts = histogram.Select(group => group.Count()).ToArray();
    }

    /// <param name="excludedLength">the length of the one reference to leave out, or -1 to keep them all</param>
    public int ClosestTo(int hypothesisLength, int excludedLength = -1)
    {
        // Largest length <= hypothesis and smallest length > hypothesis, skipping a length whose only
        // reference is the excluded one. At most one distinct length can be emptied, so each walk is one step at most.
        var index = Array.BinarySearch(_lengths, hypothesisLength);
        var above = index >= 0 ? index + 1 : ~index;
        var below = above - 1;
        while (below >= 0 && !IsAvailable(below, excludedLength)) below--;
        while (above < _lengths.Length && !IsAvailable(above, excludedLength)) above++;
        if (below < 0 && above >= _lengths.Length)
            throw new InvalidOperationException("no reference is left to compare against");
        if (below < 0) return _lengths[above];
        if (above >= _lengths.Length) return _lengths[below];
        return hypothesisLength - _lengths[below] <= _lengths[above] - hypothesisLength ? _lengths[below] : _lengths[above];
    }

    private bool IsAvailable(int index, int excludedLength) =>
        _counts[index] - (_lengths[index] == excludedLength ? 1 : 0) > 0;
}
