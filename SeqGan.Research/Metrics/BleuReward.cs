using System.Runtime.InteropServices;

namespace SeqGan.Research.Metrics;

/// <summary>
/// Sentence BLEU as a reward for policy-gradient training (the paper's PG-BLEU baseline): a batch of
/// sampled sequences in, one score per sequence out, scored in parallel against references digested once.
/// </summary>
public sealed class BleuReward
{
    public BleuReward(BleuReferenceSet references, BleuSmoothing smoothing = BleuSmoothing.Method1)
    {
        ArgumentNullException.ThrowIfNull(references);
        References = references;
        Smoothing = smoothing;
    }

    public BleuReward(IReadOnlyList<IReadOnlyList<int>> references, int maxOrder, BleuSmoothing smoothing = BleuSmoothing.Method1)
        : this(new BleuReferenceSet(references, maxOrder), smoothing) { }

    public BleuReferenceSet References { get; }

    /// <summary>How a zero n-gram precision is treated (the original PG-BLEU ran NLTK 3.2.1's <see cref="BleuSmoothing.ZeroOrdersOmitted"/>).</summary>
    public BleuSmoothing Smoothing { get; }

    /// <summary>One score per row of <paramref name="hypotheses"/> [batch, length].</summary>
    public double[] Score(int[,] hypotheses)
    {
        ArgumentNullException.ThrowIfNull(hypotheses);
        var length = hypotheses.GetLength(1);
        return ParallelScores.Compute(hypotheses.GetLength(0), row => References.SentenceBleu(Row(hypotheses, row, length), smoothing: Smoothing));
    }

    /// <summary>One score per row of a row-major [batch, <paramref name="sequenceLength"/>] buffer of int64 ids —
    /// what <c>Tensor.ToArray&lt;long&gt;()</c> returns for a batch of samples.</summary>
    public double[] Score(long[] rows, int sequenceLength)
    {
        ArgumentNullException.ThrowIfNull(rows);
        if (sequenceLength < 1 || rows.Length % sequenceLength != 0)
            throw new ArgumentException($"{rows.Length} ids do not split into rows of {sequenceLength}", nameof(sequenceLength));
        // Checked up front: an exception inside the parallel loop would surface wrapped in an AggregateException.
        for (var i = 0; i < rows.Length; i++)
            if (rows[i] is < int.MinValue or > int.MaxValue)
                throw new ArgumentException($"token id {rows[i]} (row {i / sequenceLength}) does not fit in int32", nameof(rows));
        return ParallelScores.Compute(rows.Length / sequenceLength, row =>
        {
            Span<int> tokens = sequenceLength <= 1024 ? stackalloc int[sequenceLength] : new int[sequenceLength];
            var source = rows.AsSpan(row * sequenceLength, sequenceLength);
            for (var t = 0; t < sequenceLength; t++) tokens[t] = (int)source[t];
            return References.SentenceBleu(tokens, smoothing: Smoothing);
        });
    }

    /// <summary>One score per sequence; sequences may differ in length.</summary>
    public double[] Score(IReadOnlyList<IReadOnlyList<int>> hypotheses) => Bleu.Sentences(References, hypotheses, Smoothing);

    private static ReadOnlySpan<int> Row(int[,] matrix, int row, int length) =>
        length == 0 ? [] : MemoryMarshal.CreateReadOnlySpan(ref matrix[row, 0], length);
}
