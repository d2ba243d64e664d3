using SeqGan.Research.Tensors;

namespace SeqGan.Research.Models;

/// <summary>
/// The CNN discriminator reading relaxed one-hots [B, T, V] instead of token ids: the embedding becomes a matrix
/// product (relaxed · E), equal to the lookup at one-hot inputs, so gradients flow from D's output back to the
/// relaxed sample and on to the generator (Gumbel-softmax GANs: Kusner &amp; Hernández-Lobato 2016; RelGAN, Nie et al. 2019).
/// </summary>
public static class DiscriminatorRelaxedInput
{
    /// <summary>Class logits [B, 2] of relaxed one-hots [B, T, V]; dropout follows the module's training mode.</summary>
    public static Tensor LogitsOfRelaxed(this Discriminator discriminator, Tensor relaxed)
    {
        var config = discriminator.Config;
        if (relaxed.Dimensions != 3 || relaxed.Size(2) != config.VocabularySize)
            throw new ArgumentException(
                $"relaxed inputs must be [batch, length, {config.VocabularySize}] (one weight per vocabulary entry), got [{string.Join(", ", relaxed.Shape)}]",
                nameof(relaxed));
        var features = discriminator.Features.Forward(relaxed.MatMul(discriminator.Embedding.Weight));
        return discriminator.Output.Forward(discriminator.Dropout.Forward(discriminator.Highway.Forward(features)));
    }

    /// <summary>P(real) [B] of relaxed one-hots in eval mode (no dropout), <b>with</b> the autograd graph back to the input.</summary>
    public static Tensor ProbabilityRealOfRelaxed(this Discriminator discriminator, Tensor relaxed)
    {
        var wasTraining = discriminator.IsTraining;
        discriminator.Eval();
        try
        {
            return discriminator.LogitsOfRelaxed(relaxed).Softmax(1).Select(1, 1);
        }
        finally
        {
            discriminator.Train(wasTraining);
        }
    }

    /// <summary>D's training loss on relaxed inputs: cross-entropy against labels [B] (1 = real) plus the same L2 penalty
    /// on the output layer as <see cref="Discriminator.Loss"/>.</summary>
    public static Tensor LossOfRelaxed(this Discriminator discriminator, Tensor relaxed, Tensor labels)
    {
        var crossEntropy = discriminator.LogitsOfRelaxed(relaxed).LogSoftmax(1).NllLoss(labels);
        var output = discriminator.Output;
        var l2 = (output.Weight.Square().Sum() + output.Bias!.Square().Sum()) * 0.5;
        return crossEntropy + l2 * discriminator.Config.L2Lambda;
    }
}
