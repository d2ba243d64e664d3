using SeqGan.Research.Models;
using SeqGan.Research.Nn;
using SeqGan.Research.Tensors;

namespace SeqGan.Research.Training.Estimators;

/// <summary>What the generator reads back at step t + 1 when it samples with the Gumbel-softmax relaxation.</summary>
public enum RelaxedFeedback
{
    /// <summary>The embedding of the sampled token argmax(logits + g), as RelGAN does (Nie et al. 2019): gradients reach
    /// G through each step's logits only, not through the choice of earlier tokens.</summary>
    HardToken,

    /// <summary>The relaxed vector times the embedding matrix, as GSGAN does (Kusner &amp; Hernández-Lobato 2016): gradients
    /// also flow through every earlier step's sample. In straight-through mode its forward value is the token's embedding.</summary>
    RelaxedVector,
}

/// <summary>A batch of relaxed samples: the tokens (argmax of each step) and the relaxed one-hots [B, T, V] with their graph to θ.</summary>
public sealed record RelaxedSequences(Tensor Tokens, Tensor Relaxed);

/// <summary>Samples sequences through the Gumbel-softmax relaxation, keeping the autograd graph to the generator's parameters.</summary>
public static class RelaxedSampler
{
    /// <summary>
    /// <paramref name="count"/> sequences at temperature <paramref name="temperature"/>. The tokens are exact samples of
    /// the generator (Gumbel-max) whatever τ is; τ and <paramref name="mode"/> only change what the relaxed vectors
    /// look like and which gradient they carry.
    /// </summary>
    public static RelaxedSequences Sample(LstmLanguageModel generator, long count, double temperature, RelaxedSampleMode mode,
        RelaxedFeedback feedback = RelaxedFeedback.HardToken)
    {
        using var scope = Torch.NewDisposeScope();
        var vocabulary = generator.Size.VocabularySize;
        var state = generator.Lstm.ZeroState(count);
        var input = generator.Embedding.Forward(Tensor.Full([count], generator.Size.StartToken, DType.Int64, generator.Device));
        var tokens = new List<Tensor>(generator.Size.SequenceLength);
        var relaxed = new List<Tensor>(generator.Size.SequenceLength);
        for (var t = 0; t < generator.Size.SequenceLength; t++)
        {
            state = generator.Lstm.Step(input, state);
            var logits = generator.Output.Forward(state.Hidden);
            var sample = GumbelSoftmax.Sample(logits, GumbelSoftmax.Noise([count, vocabulary], generator.Device), temperature, mode);
            var token = sample.Detach().ArgMax(1);
            tokens.Add(token);
            relaxed.Add(sample);
            input = feedback == RelaxedFeedback.HardToken
                ? generator.Embedding.Forward(token)
                : sample.MatMul(generator.Embedding.Weight);
        }
        return new RelaxedSequences(scope.MoveToOuter(Tensor.Stack(tokens, 1)), scope.MoveToOuter(Tensor.Stack(relaxed, 1)));
    }
}
