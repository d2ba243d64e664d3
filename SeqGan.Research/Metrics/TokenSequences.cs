using System.Runtime.InteropServices;

namespace SeqGan.Research.Metrics;

/// <summary>Argument checks and span access shared by the BLEU entry points, which accept any
/// <see cref="IReadOnlyList{T}"/> of ids but count n-grams over spans.</summary>
internal static class TokenSequences
{
    /// <summary>Arrays and lists are read in place; other list types are copied once.</summary>
    public static ReadOnlySpan<int> AsSpan(IReadOnlyList<int> sequence) => sequence switch
    {
        int[] array => array,
        List<int> list => CollectionsMarshal.AsSpan(list),
        _ => sequence.ToArray(),
    };

    public static void CheckAll(IReadOnlyList<IReadOnlyList<int>> sequences, string parameterName)
    {
        ArgumentNullException.ThrowIfNull(sequences, parameterName);
        for (var i = 0; i < sequences.Count; i++)
            if (sequences[i] is null) throw new ArgumentException($"sequence {i} is null", parameterName);
    }

    public static void CheckMaxOrder(int maxOrder)
    {
        // The per-hypothesis counts live on the stack; BLEU beyond a handful of orders is meaningless anyway.
        if (maxOrder < 1 || maxOrder > BleuReferenceSet.MaxSupportedOrder)
            throw new ArgumentOutOfRangeException(nameof(maxOrder), maxOrder, $"BLEU order must be in [1, {BleuReferenceSet.MaxSupportedOrder}]");
    }
}
