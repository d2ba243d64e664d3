using SeqGan.Research.Nn;
using SeqGan.Research.Tensors;

namespace SeqGan.Research.Models;

/// <summary>Sizes of the step-wise discriminator.</summary>
public sealed record StepwiseDiscriminatorConfig
{
    public int VocabularySize { get; init; } = 5000;
    public int EmbeddingSize { get; init; } = 32;
    public int HiddenSize { get; init; } = 32;
    public double LearningRate { get; init; } = 1e-3;
}

/// <summary>
/// A discriminator that scores every prefix in one pass: an LSTM reads y_1..y_T and after each token t outputs the
/// logit of P(real | y_1..y_t). MaskGAN's discriminator is such a per-step scorer (Fedus et al. 2018: D(x̃_t | …) for
/// every t, reward log D); here it is unconditional (no masked context), since the oracle task generates from
/// nothing. Rewards for every token cost one forward pass instead of (T−1)·N rollouts.
/// </summary>
public sealed class StepwiseDiscriminator : Module
{
    public StepwiseDiscriminatorConfig Config { get; }
    public Embedding Embedding { get; }
    public LstmCell Lstm { get; }
    public Linear Output { get; }

    public StepwiseDiscriminator(StepwiseDiscriminatorConfig config)
    {
        Config = config;
        Embedding = RegisterModule("embedding", new Embedding(config.VocabularySize, config.EmbeddingSize, s => Init.Normal(s, 0.1)));
        Lstm = RegisterModule("lstm", new LstmCell(config.EmbeddingSize, config.HiddenSize));
        Output = RegisterModule("output", new Linear(config.HiddenSize, 1));
    }

    /// <summary>Logits [B, T]: column t scores the prefix y_1..y_{t+1} (0-based t), computed in one unrolled pass.</summary>
    public Tensor PrefixLogits(Tensor tokens)
    {
        var (hiddens, _) = Lstm.Unroll(Embedding.Forward(tokens));
        return Output.Forward(hiddens).Squeeze(2);
    }

    /// <summary>Mean binary cross-entropy over every prefix of every row; labels [B] (1 = real) apply to all prefixes of a row.</summary>
    public Tensor Loss(Tensor tokens, Tensor labels)
    {
        var logits = PrefixLogits(tokens);
        var targets = labels.To(logits.DType).Unsqueeze(1).Expand(-1, logits.Size(1));
        return LogSigmoid.BinaryCrossEntropy(logits, targets).Mean();
    }

    /// <summary>log D(y_1..y_t) for every prefix, [B, T], without gradient: MaskGAN's per-step reward r_t = log D_t.</summary>
    public Tensor PrefixLogProbabilityReal(Tensor tokens)
    {
        using var noGrad = Torch.NoGrad();
        return LogSigmoid.Of(PrefixLogits(tokens));
    }
}
