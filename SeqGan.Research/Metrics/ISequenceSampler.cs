using SeqGan.Research.Tensors;

namespace SeqGan.Research.Metrics;

/// <summary>What a sample-based metric needs of a generator: sequences drawn from it. Metrics know nothing of how a
/// model is built; every sequence policy of <c>SeqGan.Research.Models</c> is one.</summary>
public interface ISequenceSampler
{
    /// <summary><paramref name="count"/> sequences [count, T] (int64, on the model's device), drawn in batches of
    /// <paramref name="batchSize"/>, without gradient, from softmax(α · logits) with α the <paramref name="inverseTemperature"/>
    /// (1: the model's own distribution, the same tokens as before temperature existed).</summary>
    Tensor Sample(long count, int batchSize, double inverseTemperature = 1);
}
