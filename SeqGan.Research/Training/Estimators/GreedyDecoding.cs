using SeqGan.Research.Models;
using SeqGan.Research.Tensors;

namespace SeqGan.Research.Training.Estimators;

/// <summary>The most likely token at every step (argmax decoding), no gradient: the self-critical baseline's sequence.</summary>
public static class GreedyDecoding
{
    /// <summary>One greedy sequence [1, T]. The generator has no input, so every row of a batch would be this same sequence.</summary>
    public static Tensor Decode(ISequencePolicy generator)
    {
        using var noGrad = Torch.NoGrad();
        using var scope = Torch.NewDisposeScope();
        var state = generator.StartState(1);
        var token = Tensor.Full([1], generator.Shape.StartToken, DType.Int64, generator.Device);
        var tokens = new List<Tensor>(generator.Shape.SequenceLength);
        for (var t = 0; t < generator.Shape.SequenceLength; t++)
        {
            state = generator.Advance(state, token);
            token = generator.Logits(state).ArgMax(1);
            tokens.Add(token);
        }
        return scope.MoveToOuter(Tensor.Stack(tokens, 1));
    }
}

/// <summary>
/// The self-critical baseline (Rennie et al. 2017): b = R(greedy sequence), the reward of the generator's own
/// argmax decoding. It depends on θ but not on the samples, so subtracting it keeps the estimate unbiased; samples
/// better than the generator's own best guess get positive credit. Costs one extra reward evaluation per batch.
/// </summary>
public static class SelfCriticalBaseline
{
    public static double Of(LstmLanguageModel generator, ISequenceScorer reward)
    {
        using var scope = Torch.NewDisposeScope();
        return reward.Score(GreedyDecoding.Decode(generator)).Item();
    }
}
