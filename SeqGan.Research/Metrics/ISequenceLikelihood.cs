using SeqGan.Research.Tensors;

namespace SeqGan.Research.Metrics;

/// <summary>What a likelihood metric needs of a model: its mean per-token negative log-likelihood of given sequences
/// (the oracle's for NLL-oracle, the generator's for NLL-test).</summary>
public interface ISequenceLikelihood
{
    /// <summary>Mean over all tokens of −log p(y_t | y_&lt;t) for tokens [N, T], in batches, without gradient.</summary>
    double MeanNegativeLogLikelihood(Tensor tokens, int batchSize = 256);
}
