using System.Buffers;
using System.Runtime.InteropServices;

namespace SeqGan.Research.Metrics;

/// <summary>
/// All references of a BLEU evaluation, digested once: for every n-gram of order 1..<see cref="MaxOrder"/>
/// that occurs in some reference, the largest count it has in any single reference (the clip of NLTK's
/// modified precision), plus the reference lengths (for the brevity penalty).
/// </summary>
/// <remarks>
/// NLTK re-counts every reference for every hypothesis — O(references × length) per sentence. Here a
/// hypothesis costs O(length × order) hash lookups whatever the number of references, which is what
/// makes Texygen's "every sample against the whole test set" and BLEU rewards inside training cheap.
///
/// N-grams are nodes of a trie: an n-gram is identified by (node id of its (n-1)-gram prefix, last token),
/// packed into one 64-bit key. That key is collision-free for any token ids and any order — unlike packing
/// all n ids into 64 bits, which overflows at vocab 5,000 and n = 5 — and a hypothesis walks it
/// incrementally: its k-gram at position i is looked up from its (k-1)-gram at i. An n-gram whose prefix
/// never occurs in a reference cannot occur either, so the walk stops there.
///
/// Each n-gram also keeps which reference holds its maximum count and the runner-up count from any
/// other reference, so "the clip over all references but reference j" — Self-BLEU — is O(1). (Removing
/// a reference's counts is not a subtraction: the maximum is not invertible.)
/// Instances are immutable after construction and safe to query from many threads.
/// </remarks>
public sealed class BleuReferenceSet
{
    /// <summary>Largest BLEU order accepted; per-hypothesis counts are kept on the stack.</summary>
    public const int MaxSupportedOrder = 32;

    private const int StackTokenLimit = 512;
    private const int PresizedNGramLimit = 1 << 22;

    private readonly Dictionary<long, int> _nodes;
    private readonly int[] _maxCount;     // per node: largest count in one reference
    private readonly int[] _maxOwner;     // per node: the (first) reference holding _maxCount
    private readonly int[] _otherCount;   // per node: largest count in any reference other than _maxOwner
    private readonly int[] _referenceLengths;
    private readonly ReferenceLengths _lengths;

    /// <param name="references">token-id sequences; lengths may differ, and may be shorter than <paramref name="maxOrder"/></param>
    /// <param name="maxOrder">n of BLEU-n: the highest n-gram order counted</param>
    public BleuReferenceSet(IReadOnlyList<IReadOnlyList<int>> references, int maxOrder)
    {
        TokenSequences.CheckAll(references, nameof(references));
        TokenSequences.CheckMaxOrder(maxOrder);
        if (references.Count == 0) throw new ArgumentException("BLEU needs at least one reference", nameof(references));
        MaxOrder = maxOrder;
        _referenceLengths = new int[references.Count];

        // Sized up front for the worst case, every n-gram occurrence distinct: growing the table by rehashing
        // cost as much as the rest of the build. Capped so a huge, repetitive corpus does not reserve gigabytes;
        // past the cap the table and the per-node arrays grow as usual (the arrays are trimmed at the end).
        long occurrences = 0;
        foreach (var reference in references)
            for (var order = 1; order <= maxOrder; order++) occurrences += Math.Max(0, reference.Count - order + 1);
        var capacity = (int)Math.Clamp(occurrences, 16, PresizedNGramLimit);
        _nodes = new Dictionary<long, int>(capacity);
        var maxCount = new int[capacity];
        var maxOwner = new int[capacity];
        var otherCount = new int[capacity];
        var nodeCount = 0;
        var longest = references.Max(reference => reference.Count);
        var prefixNodes = ArrayPool<int>.Shared.Rent(Math.Max(1, longest));
        var sorted = ArrayPool<int>.Shared.Rent(Math.Max(1, longest));
        try
        {
            for (var r = 0; r < references.Count; r++)
            {
                var tokens = TokenSequences.AsSpan(references[r]);
                _referenceLengths[r] = tokens.Length;
                for (var order = 1; order <= maxOrder && order <= tokens.Length; order++)
                {
                    var positions = tokens.Length - order + 1;
                    for (var i = 0; i < positions; i++)
                    {
                        var parent = order == 1 ? -1 : prefixNodes[i];
                        ref var node = ref CollectionsMarshal.GetValueRefOrAddDefault(_nodes, Key(parent, tokens[i + order - 1]), out var exists);
                        if (!exists)
                        {
                            if (nodeCount == maxCount.Length)
                            {
                                Array.Resize(ref maxCount, 2 * nodeCount);
                                Array.Resize(ref maxOwner, 2 * nodeCount);
                                Array.Resize(ref otherCount, 2 * nodeCount);
                            }
                            node = nodeCount++;
                            maxOwner[node] = -1;
                        }
                        prefixNodes[i] = node;
                        sorted[i] = node;
                    }
                    // Count each n-gram of this reference once, then fold the count into the top two.
                    var span = sorted.AsSpan(0, positions);
                    span.Sort();
                    for (var start = 0; start < positions;)
                    {
                        var end = start + 1;
                        while (end < positions && span[end] == span[start]) end++;
                        Record(span[start], end - start, r, maxCount, maxOwner, otherCount);
                        start = end;
                    }
                }
            }
        }
        finally
        {
            ArrayPool<int>.Shared.Return(prefixNodes);
            ArrayPool<int>.Shared.Return(sorted);
        }
        _maxCount = maxCount[..nodeCount];
        _maxOwner = maxOwner[..nodeCount];
        _otherCount = otherCount[..nodeCount];
        _lengths = new ReferenceLengths(_referenceLengths);
    }

    /// <summary>n of BLEU-n.</summary>
    public int MaxOrder { get; }

    /// <summary>Number of reference sequences.</summary>
    public int Count => _referenceLengths.Length;

    /// <summary>Distinct n-grams of orders 1..<see cref="MaxOrder"/> over all references.</summary>
    public int DistinctNGramCount => _maxCount.Length;

    /// <summary>Length of reference <paramref name="index"/>.</summary>
    public int ReferenceLength(int index) => _referenceLengths[index];

    /// <summary>The counts BLEU is computed from for one hypothesis against every reference.</summary>
    public BleuStatistics Statistics(IReadOnlyList<int> hypothesis)
    {
        ArgumentNullException.ThrowIfNull(hypothesis);
        Span<long> matches = stackalloc long[MaxOrder];
        Span<long> totals = stackalloc long[MaxOrder];
        var tokens = TokenSequences.AsSpan(hypothesis);
        var referenceLength = CountMatches(tokens, excludedReference: -1, matches, totals);
        return new BleuStatistics(matches.ToArray(), totals.ToArray(), tokens.Length, referenceLength);
    }

    /// <summary>Sentence BLEU-<see cref="MaxOrder"/> of one hypothesis, as NLTK's <c>sentence_bleu</c> with method1 smoothing.</summary>
    internal double SentenceBleu(ReadOnlySpan<int> hypothesis, int excludedReference = -1, BleuSmoothing smoothing = BleuSmoothing.Method1)
    {
        Span<long> matches = stackalloc long[MaxOrder];
        Span<long> totals = stackalloc long[MaxOrder];
        var referenceLength = CountMatches(hypothesis, excludedReference, matches, totals);
        return NltkBleuFormula.Score(matches, totals, hypothesis.Length, referenceLength, smoothing);
    }

    /// <summary>
    /// Fills NLTK's modified-precision numerators (<paramref name="matches"/>) and denominators
    /// (<paramref name="totals"/>, at least 1 even for orders longer than the hypothesis, as NLTK's
    /// <c>max(1, ...)</c>) and returns the closest reference length.
    /// </summary>
    /// <param name="excludedReference">a reference to leave out (Self-BLEU), or -1</param>
    internal int CountMatches(ReadOnlySpan<int> hypothesis, int excludedReference, Span<long> matches, Span<long> totals)
    {
        var length = hypothesis.Length;
        int[]? rented = null;
        Span<int> scratch = length <= StackTokenLimit
            ? stackalloc int[2 * StackTokenLimit]
            : (rented = ArrayPool<int>.Shared.Rent(2 * length));
        try
        {
            var prefixNodes = scratch[..length];
            var found = scratch.Slice(length, length);
            for (var order = 1; order <= MaxOrder; order++)
            {
                var positions = length - order + 1;
                totals[order - 1] = Math.Max(1, positions);
                matches[order - 1] = 0;
                if (positions <= 0) continue;

                var foundCount = 0;
                for (var i = 0; i < positions; i++)
                {
                    var node = -1;
                    if (order == 1 || prefixNodes[i] >= 0)
                        node = _nodes.TryGetValue(Key(order == 1 ? -1 : prefixNodes[i], hypothesis[i + order - 1]), out var existing) ? existing : -1;
                    prefixNodes[i] = node;
                    if (node >= 0) found[foundCount++] = node;
                }
                // Clipped count = min(count in hypothesis, clip from the references), summed over distinct n-grams.
                var present = found[..foundCount];
                present.Sort();
                long clipped = 0;
                for (var start = 0; start < foundCount;)
                {
                    var end = start + 1;
                    while (end < foundCount && present[end] == present[start]) end++;
                    var node = present[start];
                    var clip = _maxOwner[node] == excludedReference ? _otherCount[node] : _maxCount[node];
                    clipped += Math.Min(end - start, clip);
                    start = end;
                }
                matches[order - 1] = clipped;
            }
        }
        finally
        {
            if (rented is not null) ArrayPool<int>.Shared.Return(rented);
        }
        var excludedLength = excludedReference >= 0 ? _referenceLengths[excludedReference] : -1;
        return _lengths.ClosestTo(length, excludedLength);
    }

    /// <summary>
    /// (prefix node, token) as one 64-bit key, scrambled by a bijection (an odd multiplier, then an xor-shift),
    /// so it stays collision-free. The scramble is what keeps the table fast: long.GetHashCode() is low ^ high
    /// half, and for small sequential node ids and small token ids those xors collide in huge clusters —
    /// building 80,000 references took 17 s instead of well under one.
    /// </summary>
    private static long Key(int parentNode, int token)
    {
        var packed = ((ulong)(uint)(parentNode + 1) << 32) | (uint)token;
        var mixed = packed * 0x9E3779B97F4A7C15UL;
        return (long)(mixed ^ (mixed >> 29));
    }

    private static void Record(int node, int count, int reference, int[] maxCount, int[] maxOwner, int[] otherCount)
    {
        // A reference reports each of its n-grams once, so the current owner is never `reference` here.
        if (count > maxCount[node])
        {
            otherCount[node] = maxCount[node];
            maxCount[node] = count;
            maxOwner[node] = reference;
        }
        else if (count > otherCount[node])
        {
            otherCount[node] = count;
        }
    }
}
