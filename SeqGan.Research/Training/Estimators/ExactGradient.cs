using SeqGan.Research.Models;
using SeqGan.Research.Nn;
using SeqGan.Research.Tensors;

namespace SeqGan.Research.Training.Estimators;

/// <summary>
/// Exact expectations and gradients under a generator by summing over every sequence of a <see cref="SequenceSpace"/>:
/// the ground truth the estimators are measured against. Gradients are flattened over the generator's
/// <see cref="Module.Parameters"/> in order (see <see cref="ParameterGradients.Flatten"/>).
/// </summary>
public static class ExactGradient
{
    /// <summary>log p_θ(Y) of each row of <paramref name="sequences"/> [S, T]: [S], with gradient.</summary>
    public static Tensor SequenceLogProbabilities(LstmLanguageModel generator, Tensor sequences) =>
        generator.TokenLogProbabilities(sequences).Sum(1);

    /// <summary>p_θ(Y) of every sequence [S] (no gradient); they sum to 1 over a whole space.</summary>
    public static Tensor Probabilities(LstmLanguageModel generator, Tensor sequences)
    {
        using var noGrad = Torch.NoGrad();
        return SequenceLogProbabilities(generator, sequences).Exp();
    }

    /// <summary>
    /// J(θ) = Σ_Y p_θ(Y)·R(Y) and ∇_θ J for rewards [S] of every sequence [S, T] of the space. The reward is held fixed
    /// (D is not differentiated), as every estimator here assumes.
    /// </summary>
    public static (double Value, double[] Gradient) ExpectedReward(LstmLanguageModel generator, Tensor sequences, Tensor rewards)
    {
        using var scope = Torch.NewDisposeScope();
        var probabilities = Probabilities(generator, sequences);
        var value = (probabilities * rewards).Sum().Item();
        // ∇ Σ p R = Σ p R ∇log p: weights p·R held fixed give the same gradient.
        return (value, WeightedLogLikelihood(generator, sequences, probabilities * rewards));
    }

    /// <summary>∇_θ Σ_Y c(Y)·log p_θ(Y) with fixed weights c [S] (e.g. an importance-weighted target distribution).</summary>
    public static double[] WeightedLogLikelihood(LstmLanguageModel generator, Tensor sequences, Tensor weights)
    {
        if (weights.Dimensions != 1 || weights.Size(0) != sequences.Size(0))
            throw new ArgumentException($"need one weight per sequence ({sequences.Size(0)}), got [{string.Join(", ", weights.Shape)}]", nameof(weights));
        using var scope = Torch.NewDisposeScope();
        generator.ZeroGrad();
        (SequenceLogProbabilities(generator, sequences) * weights.Detach()).Sum().Backward();
        var gradient = ParameterGradients.Flatten(generator.Parameters());
        generator.ZeroGrad();
        return gradient;
    }

    /// <summary>
    /// The distribution BGAN and MaliGAN move the generator towards, p*(Y) ∝ p_θ(Y)·D(Y)/(1 − D(Y)) (with the optimal D,
    /// D/(1−D) = p_data/p_θ and p* = p_data), and the gradient their normalised weights estimate: ∇_θ Σ_Y p*(Y) log p_θ(Y)
    /// with p* held fixed.
    /// </summary>
    public static (Tensor Target, double[] Gradient) ImportanceWeightedTarget(LstmLanguageModel generator, Tensor sequences, Tensor probabilityReal)
    {
        using var scope = Torch.NewDisposeScope();
        var logits = SequenceLogProbabilities(generator, sequences).Detach() + ImportanceWeights.LogOdds(probabilityReal);
        var target = logits.Softmax(0);
        return (scope.MoveToOuter(target), WeightedLogLikelihood(generator, sequences, target));
    }
}
