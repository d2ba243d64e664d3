using SeqGan.Research.Nn;
using SeqGan.Research.Tensors;

namespace SeqGan.Research.Models;

/// <summary>Sizes of the value critic.</summary>
public sealed record PrefixValueCriticConfig
{
    public int VocabularySize { get; init; } = 5000;
    public int EmbeddingSize { get; init; } = 32;
    public int HiddenSize { get; init; } = 32;
    public int StartToken { get; init; }
    public double LearningRate { get; init; } = 1e-3;
}

/// <summary>
/// The learned baseline b_t = V(y_1..y_{t−1}) of an actor-critic update (MaskGAN's critic). Column t reads only the
/// tokens before y_t — [start, y_1, …, y_{t−1}] — so the baseline never depends on the action it is subtracted
/// from, and the policy gradient stays unbiased whatever the critic has learned. MaskGAN puts its critic on a head of
/// the discriminator; the kit keeps it a separate network so that training D does not move the baseline.
/// </summary>
public sealed class PrefixValueCritic : Module
{
    public PrefixValueCriticConfig Config { get; }
    public Embedding Embedding { get; }
    public LstmCell Lstm { get; }
    public Linear Output { get; }

    public PrefixValueCritic(PrefixValueCriticConfig config)
    {
        Config = config;
        Embedding = RegisterModule("embedding", new Embedding(config.VocabularySize, config.EmbeddingSize, s => Init.Normal(s, 0.1)));
        Lstm = RegisterModule("lstm", new LstmCell(config.EmbeddingSize, config.HiddenSize));
        Output = RegisterModule("output", new Linear(config.HiddenSize, 1));
    }

    /// <summary>V(y_&lt;t) for every position of tokens [B, T]: [B, T], with gradient (for the critic's own loss).</summary>
    public Tensor Values(Tensor tokens)
    {
        var start = Tensor.Full([tokens.Size(0), 1], Config.StartToken, DType.Int64, tokens.Device);
        var inputs = Tensor.Cat([start, tokens.Narrow(1, 0, tokens.Size(1) - 1)], 1);
        var (hiddens, _) = Lstm.Unroll(Embedding.Forward(inputs));
        return Output.Forward(hiddens).Squeeze(2);
    }

    /// <summary>Mean squared error to the observed returns [B, T]: the critic's regression target.</summary>
    public Tensor Loss(Tensor tokens, Tensor returns) => (Values(tokens) - returns.Detach()).Square().Mean();
}
