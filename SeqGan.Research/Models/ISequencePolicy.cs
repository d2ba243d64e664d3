using SeqGan.Research.Metrics;
using SeqGan.Research.Nn;
using SeqGan.Research.Tensors;

namespace SeqGan.Research.Models;

/// <summary>
/// A generator G_θ(y_t | Y_1:t−1) over fixed-length token sequences, as training sees it: a start state, one step
/// from a recurrent state, next-token logits, teacher-forced logits of whole sequences, and sampling. MLE, scheduled
/// sampling, rollouts, the policy gradient, the rollout policy's copy and the metrics are written against this, never
/// against the LSTM; <see cref="SequencePolicy"/> implements the parts that follow from the first four.
/// </summary>
public interface ISequencePolicy : IModule, ISequenceSampler, ISequenceLikelihood
{
    SequenceShape Shape { get; }

    /// <summary>The state before any token, for <paramref name="batch"/> rows.</summary>
    RecurrentState StartState(long batch);

    /// <summary>The state after feeding tokens [B] (int64) to <paramref name="state"/>.</summary>
    RecurrentState Advance(RecurrentState state, Tensor tokens);

    /// <summary>Next-token logits [B, V] in <paramref name="state"/>.</summary>
    Tensor Logits(RecurrentState state);

    /// <summary>Next tokens [B] ~ softmax(α · <see cref="Logits"/>) by inverse CDF with <paramref name="uniforms"/> [B], α the
    /// <paramref name="inverseTemperature"/> (1: the model itself, exactly as without it; large: towards argmax). A policy may
    /// fuse this in the bridge, as the LSTM and GRU do: no [B, V] matrix.</summary>
    Tensor SampleNext(RecurrentState state, Tensor uniforms, double inverseTemperature = 1);

    /// <summary>Teacher forcing of tokens [B, T]: element t is the state after [start, y_0 … y_{t−1}], whose logits give
    /// y_t's distribution — what rollouts of prefix length t start from.</summary>
    IReadOnlyList<RecurrentState> PrefixStates(Tensor tokens);

    /// <summary>Logits [B, T, V] at every position under teacher forcing of tokens [B, T] (int64).</summary>
    Tensor TeacherForcedLogits(Tensor tokens);

    /// <summary>log p_α(y_t | y_&lt;t) of every token of tokens [B, T]: [B, T], p_α = softmax(α · logits) with α the
    /// <paramref name="inverseTemperature"/> (1: the model's own).</summary>
    Tensor TokenLogProbabilities(Tensor tokens, double inverseTemperature = 1);

    /// <summary><paramref name="count"/> sequences [count, T] (int64, on the model's device), without gradient.</summary>
    Tensor Sample(long count);

    /// <summary>Whether a parameter (by its dotted name) is the input embedding, which the delayed rollout policy copies
    /// outright instead of mixing (the original update_params: g_embeddings = tf.identity(lstm.g_embeddings)).</summary>
    bool IsInputEmbedding(string parameterName);
}
