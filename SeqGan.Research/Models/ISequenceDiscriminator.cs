using SeqGan.Research.Nn;
using SeqGan.Research.Tensors;

namespace SeqGan.Research.Models;

/// <summary>
/// D_φ(Y): a classifier of whole token sequences, real (class 1) against generated (class 0), as training sees it —
/// a loss to minimise on labelled batches and the probability that sequences are real, which SeqGAN's reward is.
/// <see cref="Discriminator"/> (the paper's CNN) implements it; so can any other scorer of sequences.
/// </summary>
public interface ISequenceDiscriminator : IModule
{
    /// <summary>The training loss of tokens [B, T] (int64) against labels [B] (int64, 1 = real), regularisers included;
    /// dropout and the like follow the module's training mode.</summary>
    Tensor Loss(Tensor tokens, Tensor labels);

    /// <summary>D(Y): probability that each sequence of tokens [B, T] is real, [B], in eval mode and without gradient.</summary>
    Tensor ProbabilityReal(Tensor tokens);

    /// <summary>
    /// D's P(real) of rollout completions [(T−1)·N·B, T] of <paramref name="sequences"/> [B, T] (rows ordered prefix
    /// length, rollout, sequence). A discriminator may exploit that structure to do less work; by default it scores
    /// every completion on its own.
    /// </summary>
    Tensor ProbabilityRealOfCompletions(Tensor sequences, Tensor completions, int rollouts) => ProbabilityReal(completions);
}
