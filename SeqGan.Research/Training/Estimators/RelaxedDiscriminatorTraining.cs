using SeqGan.Research.Models;
using SeqGan.Research.Nn;
using SeqGan.Research.Tensors;

namespace SeqGan.Research.Training.Estimators;

/// <summary>
/// Training the CNN discriminator against relaxed samples: real sequences enter as one-hots, generated ones as the
/// relaxed vectors the generator would be trained through. With soft samples D need not learn anything about
/// language — a real input has entries exactly 0 and 1, a soft one never does — and it separates them even when the
/// generator <i>is</i> the data distribution ("the discriminator can immediately find the difference"). Straight-through
/// samples are exact one-hots forward, so D sees only tokens; a low τ narrows the gap without closing it.
/// </summary>
public static class RelaxedDiscriminatorTraining
{
    /// <summary>One Adam step on real tokens [B, T] (label 1) against relaxed fakes [B, T, V] (label 0, detached); returns the loss.</summary>
    public static double Step(Discriminator discriminator, Adam optimizer, Tensor realTokens, Tensor fakeRelaxed)
    {
        discriminator.Train();
        using var scope = Torch.NewDisposeScope();
        var (inputs, labels) = Batch(discriminator, realTokens, fakeRelaxed);
        optimizer.ZeroGrad();
        var loss = discriminator.LossOfRelaxed(inputs, labels);
        loss.Backward();
        optimizer.Step();
        return loss.Item();
    }

    /// <summary>Fraction of real and relaxed inputs D classifies correctly (P(real) &gt; 1/2 for real), in eval mode.</summary>
    public static double Accuracy(Discriminator discriminator, Tensor realTokens, Tensor fakeRelaxed)
    {
        using var scope = Torch.NewDisposeScope();
        using var noGrad = Torch.NoGrad();
        var (inputs, labels) = Batch(discriminator, realTokens, fakeRelaxed);
        var judgedReal = discriminator.ProbabilityRealOfRelaxed(inputs).Gt(0.5).To(DType.Int64);
        return judgedReal.Eq(labels).To(DType.Float32).Mean().Item();
    }

    private static (Tensor Inputs, Tensor Labels) Batch(Discriminator discriminator, Tensor realTokens, Tensor fakeRelaxed)
    {
        var real = OneHot.Encode(realTokens, discriminator.Config.VocabularySize);
        var inputs = Tensor.Cat([real, fakeRelaxed.Detach()], 0);
        var labels = Tensor.Cat([
            Tensor.Ones([realTokens.Size(0)], DType.Int64, realTokens.Device),
            Tensor.Zeros([fakeRelaxed.Size(0)], DType.Int64, realTokens.Device)], 0);
        return (inputs, labels);
    }
}
