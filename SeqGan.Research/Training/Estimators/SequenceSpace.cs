using SeqGan.Research.Tensors;

namespace SeqGan.Research.Training.Estimators;

/// <summary>
/// Every sequence of <see cref="Length"/> tokens over <see cref="VocabularySize"/> symbols — small enough (V^T ≤
/// <see cref="MaxSequences"/>) to enumerate, so expectations under a generator are sums, not estimates.
/// Vocabulary 4–8 and length 4–5 (256 to 32,768 sequences) is the range the estimator lab uses.
/// </summary>
public sealed record SequenceSpace
{
    public const long MaxSequences = 1 << 20;

    public int VocabularySize { get; }
    public int Length { get; }
    public long Count { get; }

    public SequenceSpace(int vocabularySize, int length)
    {
        if (vocabularySize < 2) throw new ArgumentOutOfRangeException(nameof(vocabularySize), vocabularySize, "need at least two symbols");
        if (length < 1) throw new ArgumentOutOfRangeException(nameof(length), length, "need at least one position");
        var count = Math.Pow(vocabularySize, length);
        if (count > MaxSequences)
            throw new ArgumentOutOfRangeException(nameof(length),
                $"{vocabularySize}^{length} = {count:G} sequences is too many to enumerate (at most {MaxSequences:N0}); use a smaller vocabulary or length");
        VocabularySize = vocabularySize;
        Length = length;
        Count = (long)count;
    }

    /// <summary>All sequences [Count, Length] (int64), in lexicographic order: row i is i written in base V, most significant digit first.</summary>
    public Tensor Enumerate(Device? device = null)
    {
        var ids = new long[Count * Length];
        for (long row = 0; row < Count; row++)
        {
            var rest = row;
            for (var position = Length - 1; position >= 0; position--)
            {
                ids[row * Length + position] = rest % VocabularySize;
                rest /= VocabularySize;
            }
        }
        return Tensor.From(ids, [Count, Length], device ?? Device.Cpu);
    }
}
