using SeqGan.Research.Tensors;

namespace SeqGan.Research.Metrics;

/// <summary>What a likelihood metric needs of a model: its mean per-token negative log-likelihood of given sequences
/// (the oracle's for NLL-oracle, the generator's for NLL-test).</summary>
public interface ISequenceLikelihood
{
    /// <summary>Mean over all tokens of −log p_α(y_t | y_&lt;t) for tokens [N, T], in batches, without gradient;
    /// p_α = softmax(α · logits), α the <paramref name="inverseTemperature"/> (1: the model's own likelihood).</summary>
    double MeanNegativeLogLikelihood(Tensor tokens, int batchSize = 256, double inverseTemperature = 1);
}
