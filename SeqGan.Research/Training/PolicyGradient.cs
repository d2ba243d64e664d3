using SeqGan.Research.Models;
using SeqGan.Research.Nn;
using SeqGan.Research.Tensors;

namespace SeqGan.Research.Training;

/// <summary>REINFORCE with per-token rewards (the paper's Eq. 8 as its code computes it).</summary>
public static class PolicyGradient
{
    /// <summary>−Σ_{b,t} log G(y_t | Y_{1:t−1}) · Q[b, t]: a sum, no baseline, no discount, as in the original code.</summary>
    public static Tensor Loss(ISequencePolicy generator, Tensor sequences, Tensor rewards) =>
        -(generator.TokenLogProbabilities(sequences) * rewards).Sum();

    /// <summary>One generator update on <paramref name="sequences"/> [B, T] with rewards [B, T]; returns the loss.</summary>
    public static double Step(ISequencePolicy generator, Adam optimizer, Tensor sequences, Tensor rewards, double gradientClip)
    {
        generator.Train();
        using var scope = Torch.NewDisposeScope();
        optimizer.ZeroGrad();
        var loss = Loss(generator, sequences, rewards.Detach());
        loss.Backward();
        GradientClipping.ClipByGlobalNorm(generator.Parameters(), gradientClip);
        optimizer.Step();
        return loss.Item();
    }
}
