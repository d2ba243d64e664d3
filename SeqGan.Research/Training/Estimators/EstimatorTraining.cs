using SeqGan.Research.Models;
using SeqGan.Research.Nn;
using SeqGan.Research.Tensors;

namespace SeqGan.Research.Training.Estimators;

/// <summary>An estimator as a training rule: the generator update of Algorithm 1 (lines 7–13) with any estimator in
/// place of SeqGAN's rollouts, so that the rows trained and the estimators measured are the same objects.</summary>
public static class EstimatorTraining
{
    /// <summary>One update: minimise −scale·surrogate (<see cref="IGradientEstimator.TrainingScale"/>), clip the gradient's
    /// global norm at <paramref name="gradientClip"/>, one Adam step. Returns the surrogate's value.</summary>
    public static double Step(IGradientEstimator estimator, LstmLanguageModel generator, Adam optimizer, ISequenceScorer reward, int batch,
        double gradientClip)
    {
        generator.Train();
        using var scope = Torch.NewDisposeScope();
        optimizer.ZeroGrad();
        var surrogate = estimator.Surrogate(generator, reward, batch);
        (-surrogate * estimator.TrainingScale(batch)).Backward();
        GradientClipping.ClipByGlobalNorm(generator.Parameters(), gradientClip);
        optimizer.Step();
        return surrogate.Item();
    }
}
