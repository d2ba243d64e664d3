using SeqGan.Research.Models;
using SeqGan.Research.Nn;
using SeqGan.Research.Tensors;

namespace SeqGan.Research.Training.Estimators;

/// <summary>The critic's half of an actor-critic update.</summary>
public static class ActorCritic
{
    /// <summary>One Adam step of the critic towards returns [B, T] of samples [B, T] (mean squared error); returns the loss before the step.</summary>
    public static double CriticStep(PrefixValueCritic critic, Adam optimizer, Tensor samples, Tensor returns)
    {
        critic.Train();
        using var scope = Torch.NewDisposeScope();
        optimizer.ZeroGrad();
        var loss = critic.Loss(samples, returns);
        loss.Backward();
        optimizer.Step();
        return loss.Item();
    }
}
