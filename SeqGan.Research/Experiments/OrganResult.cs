using SeqGan.Research.Metrics;

namespace SeqGan.Research.Experiments;

/// <summary>The rows of ORGAN's music table.</summary>
public enum OrganAlgorithm
{
    /// <summary>The generator after MLE pretraining only.</summary>
    Mle,
    /// <summary>λ = 0: the objective alone is the reward; no discriminator.</summary>
    NaiveRl,
    /// <summary>0 &lt; λ &lt; 1: λ·D + (1 − λ)·O.</summary>
    Organ,
    /// <summary>λ = 1: the discriminator alone (the objective only names the run).</summary>
    SeqGan,
}

public static class OrganAlgorithmNames
{
    public static string Label(this OrganAlgorithm algorithm) => algorithm switch
    {
        OrganAlgorithm.Mle => "MLE",
        OrganAlgorithm.NaiveRl => "Naive RL",
        OrganAlgorithm.Organ => "ORGAN",
        OrganAlgorithm.SeqGan => "SeqGAN",
        _ => throw new ArgumentOutOfRangeException(nameof(algorithm)),
    };

    public static OrganAlgorithm ForLambda(double lambda) => lambda switch
    {
        0 => OrganAlgorithm.NaiveRl,
        1 => OrganAlgorithm.SeqGan,
        _ => OrganAlgorithm.Organ,
    };
}

/// <summary>
/// One trained generator of one seed, evaluated on its samples: the three music metrics (means over
/// <c>EvaluationSamples</c>), diversity (over the first <c>DiversitySamples</c>), the mean of the objective it was
/// trained with (λ &lt; 1; for MLE and SeqGAN, NaN) and the share of distinct samples.
/// </summary>
public sealed record OrganResult(string Objective, double Lambda, int Seed, MusicScores Scores, double Diversity,
    double ObjectiveScore, double DistinctFraction, double WallSeconds)
{
    public OrganAlgorithm Algorithm => double.IsNaN(Lambda) ? OrganAlgorithm.Mle : OrganAlgorithmNames.ForLambda(Lambda);
}
