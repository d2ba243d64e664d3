namespace SeqGan.Research.Metrics;

/// <summary>
/// The interval tests of ORGAN's music objectives, on the frequency ratio r = f(next) / f(current) with the
/// original's windows. Only ascending intervals qualify; each window contains exactly one equal-tempered
/// interval (a fifth is +7 semitones, a fourth +5, a major sixth +9).
/// </summary>
public static class MusicIntervals
{
    public static bool IsPerfectFifth(double ratio) => ratio > 1.45 && ratio < 1.55;

    public static bool IsPerfectFourth(double ratio) => ratio > 1.28 && ratio < 1.38;

    public static bool IsMajorSixth(double ratio) => ratio > 1.62 && ratio < 1.72;

    /// <summary>Melodicity's "harmonic" pair: a fifth, a fourth or a major sixth.</summary>
    public static bool IsHarmonic(double ratio) => IsPerfectFifth(ratio) || IsPerfectFourth(ratio) || IsMajorSixth(ratio);

    /// <summary>Equal-tempered frequency ratio of an interval of <paramref name="semitones"/>.</summary>
    public static double SemitoneRatio(int semitones) => Math.Pow(2, semitones / 12.0);
}

/// <summary>The three objectives of ORGAN's music experiment.</summary>
public enum MusicObjectiveKind
{
    /// <summary>Fraction of consecutive note pairs that rise a perfect fifth.</summary>
    Tonality,
    /// <summary>Fraction of consecutive note pairs that rise a fifth, a fourth or a major sixth.</summary>
    Melodicity,
    /// <summary>Fraction of consecutive note pairs that are a step (see each metric type for its definition of a step).</summary>
    RatioOfSteps,
}

/// <summary>The three per-sequence scores of one sequence; all 0 when it has fewer than two notes.</summary>
public readonly record struct MusicScores(double Tonality, double Melodicity, double RatioOfSteps)
{
    public double Of(MusicObjectiveKind kind) => kind switch
    {
        MusicObjectiveKind.Tonality => Tonality,
        MusicObjectiveKind.Melodicity => Melodicity,
        MusicObjectiveKind.RatioOfSteps => RatioOfSteps,
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };

    public static MusicScores Invalid => new(0, 0, 0);
}

public static class MusicObjectiveNames
{
    /// <summary>"tonality", "melodicity", "ratio of steps" — the paper's column names.</summary>
    public static string Label(this MusicObjectiveKind kind) => kind switch
    {
        MusicObjectiveKind.Tonality => "tonality",
        MusicObjectiveKind.Melodicity => "melodicity",
        MusicObjectiveKind.RatioOfSteps => "ratio of steps",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };

    /// <summary>Accepts the label, the enum name or the original's run-folder names (ratio-of-steps, steps).</summary>
    public static MusicObjectiveKind Parse(string text)
    {
        var key = text.Trim().ToLowerInvariant().Replace("-", " ").Replace("_", " ");
        return key switch
        {
            "tonality" => MusicObjectiveKind.Tonality,
            "melodicity" => MusicObjectiveKind.Melodicity,
            "ratio of steps" or "ratioofsteps" or "steps" => MusicObjectiveKind.RatioOfSteps,
            _ => throw new ArgumentException($"unknown music objective '{text}' (expected tonality, melodicity or ratio-of-steps)", nameof(text)),
        };
    }
}
