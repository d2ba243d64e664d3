using SeqGan.Research.Tensors;

namespace SeqGan.Research.Metrics;

/// <summary>What a sample-based metric needs of a generator: sequences drawn from it. Metrics know nothing of how a
/// model is built; every sequence policy of <c>SeqGan.Research.Models</c> is one.</summary>
public interface ISequenceSampler
{
    /// <summary><paramref name="count"/> sequences [count, T] (int64, on the model's device), drawn in batches of
    /// <paramref name="batchSize"/>, without gradient.</summary>
    Tensor Sample(long count, int batchSize);
}
