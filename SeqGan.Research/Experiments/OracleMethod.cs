namespace SeqGan.Research.Experiments;

/// <summary>The rows of the paper's Table 1.</summary>
public enum OracleMethod
{
    /// <summary>The untrained generator.</summary>
    Random,
    /// <summary>Maximum likelihood: pretraining continued for the baselines' budget.</summary>
    Mle,
    /// <summary>Scheduled sampling (Bengio et al. 2015) after MLE pretraining.</summary>
    ScheduledSampling,
    /// <summary>Policy gradient with BLEU of the rollouts against the training data as the reward.</summary>
    PgBleu,
    /// <summary>Algorithm 1: policy gradient with the discriminator's Monte-Carlo rewards.</summary>
    SeqGan,
}

public static class OracleMethodNames
{
    public static string Label(this OracleMethod method) => method switch
    {
        OracleMethod.Random => "Random",
        OracleMethod.Mle => "MLE",
        OracleMethod.ScheduledSampling => "SS",
        OracleMethod.PgBleu => "PG-BLEU",
        OracleMethod.SeqGan => "SeqGAN",
        _ => throw new ArgumentOutOfRangeException(nameof(method)),
    };

    /// <summary>Accepts the table label ("SS", "PG-BLEU") or the enum name, case-insensitively.</summary>
    public static OracleMethod Parse(string text)
    {
        foreach (var method in Enum.GetValues<OracleMethod>())
            if (string.Equals(method.Label(), text, StringComparison.OrdinalIgnoreCase) || string.Equals(method.ToString(), text, StringComparison.OrdinalIgnoreCase))
                return method;
        throw new ArgumentException($"unknown method '{text}' (expected one of {string.Join(", ", Enum.GetValues<OracleMethod>().Select(x => x.Label()))})");
    }
}

/// <summary>Outcome of one method on one seed.</summary>
public sealed record MethodResult(string Method, int Seed, double NllOracle, double NllTest, IReadOnlyList<CurvePoint> Curve, double WallSeconds);
