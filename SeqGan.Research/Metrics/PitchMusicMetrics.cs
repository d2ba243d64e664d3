namespace SeqGan.Research.Metrics;

/// <summary>What a step is on a pitch sequence.</summary>
public enum PitchStep
{
    /// <summary>|Δ| = 1 semitone: the released ORGAN code's definition on integer pitches.</summary>
    Semitone,
    /// <summary>|Δ| of 1 or 2 semitones: a move to a neighbouring scale degree, the paper's (diatonic) sense, key-independent.</summary>
    ScaleStep,
}

/// <summary>
/// How a pitch sequence is read. <see cref="HoldToken"/>: a value meaning "the previous note continues" (ORGAN's
/// integer data use 1); a sequence that starts with it is invalid. <see cref="CollapseRepeats"/>: merge held and
/// repeated notes into one, so that long notes do not dilute the scores with (p, p) pairs.
/// </summary>
public sealed record PitchMetricOptions(int? HoldToken = null, bool CollapseRepeats = false, PitchStep Step = PitchStep.Semitone)
{
    /// <summary>The released ORGAN code's reading of its integer files: 1 is a hold, semitone steps, repeats kept.</summary>
    public static PitchMetricOptions OrganIntegerData { get; } = new(HoldToken: 1);
}

/// <summary>
/// ORGAN's tonality, melodicity and ratio of steps on plain pitch sequences (MIDI numbers or any integers one
/// semitone apart) with semitone arithmetic: a fifth rises 7, a fourth 5, a major sixth 9. Melodicity is the
/// intended definition (fifth, fourth or sixth) — the released code's version always returned 0.
/// </summary>
public static class PitchMusicMetrics
{
    public static MusicScores Score(IReadOnlyList<int> sequence, PitchMetricOptions? options = null)
    {
        options ??= new PitchMetricOptions();
        var notes = Expand(sequence, options);
        if (notes is null || notes.Count < 2) return MusicScores.Invalid;
        int fifths = 0, harmonic = 0, steps = 0;
        for (var i = 0; i + 1 < notes.Count; i++)
        {
            var interval = notes[i + 1] - notes[i];
            var ratio = MusicIntervals.SemitoneRatio(interval);
            if (MusicIntervals.IsPerfectFifth(ratio)) fifths++;
            if (MusicIntervals.IsHarmonic(ratio)) harmonic++;
            var size = Math.Abs(interval);
            if (size == 1 || (options.Step == PitchStep.ScaleStep && size == 2)) steps++;
        }
        double pairs = notes.Count - 1;
        return new MusicScores(fifths / pairs, harmonic / pairs, steps / pairs);
    }

    public static double Tonality(IReadOnlyList<int> sequence, PitchMetricOptions? options = null) => Score(sequence, options).Tonality;

    public static double Melodicity(IReadOnlyList<int> sequence, PitchMetricOptions? options = null) => Score(sequence, options).Melodicity;

    public static double RatioOfSteps(IReadOnlyList<int> sequence, PitchMetricOptions? options = null) => Score(sequence, options).RatioOfSteps;

    /// <summary>Mean of each score over the sequences (invalid ones count 0).</summary>
    public static MusicScores Mean(IReadOnlyList<IReadOnlyList<int>> sequences, PitchMetricOptions? options = null)
    {
        if (sequences.Count == 0) throw new ArgumentException("no sequences to average", nameof(sequences));
        var all = sequences.Select(s => Score(s, options)).ToList();
        return new MusicScores(all.Average(s => s.Tonality), all.Average(s => s.Melodicity), all.Average(s => s.RatioOfSteps));
    }

    /// <summary>The note list the pairs are read from; null when the sequence starts with a hold (invalid).</summary>
    private static List<int>? Expand(IReadOnlyList<int> sequence, PitchMetricOptions options)
    {
        var notes = new List<int>(sequence.Count);
        foreach (var value in sequence)
        {
            var pitch = value;
            if (options.HoldToken == value)
            {
                if (notes.Count == 0) return null;
                pitch = notes[^1];
            }
            if (options.CollapseRepeats && notes.Count > 0 && notes[^1] == pitch) continue;
            notes.Add(pitch);
        }
        return notes;
    }
}
