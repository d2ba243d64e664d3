namespace SeqGan.Research.Metrics;

/// <summary>
/// ORGAN's music metrics exactly as the paper's numbers were computed (the 2017 pipeline, METRICS.md §2.1):
/// on the <b>characters</b> of the decoded, space-joined ABC string. Every letter A–G / a–g is a note (also
/// inside chord residues such as "A7"); octave marks, accidentals and durations are separate characters and
/// dropped, so the effective alphabet is the 14 notes C…B, c…b. Consecutive notes form the pairs; a sequence
/// with fewer than two notes scores 0. A step is a move between adjacent letter names (diatonic: E–F and B–c
/// are semitones, the others whole tones); repeated notes are pairs that satisfy nothing.
/// </summary>
public static class AbcMusicMetrics
{
    /// <summary>The original's 28 natural-note names in ascending order, and their frequencies in Hz.</summary>
    public static IReadOnlyList<string> NoteNames { get; } =
    [
        "C,", "D,", "E,", "F,", "G,", "A,", "B,",
        "C", "D", "E", "F", "G", "A", "B",
        "c", "d", "e", "f", "g", "a", "b",
        "c'", "d'", "e'", "f'", "g'", "a'", "b'",
    ];

    private static readonly double[] Frequencies =
    [
        65.41, 73.42, 82.41, 87.31, 98, 110, 123.47,
        130.81, 146.83, 164.81, 174.61, 196, 220, 246.94,
        261.63, 293.66, 329.63, 349.23, 392, 440, 493.88,
        523.25, 587.33, 659.25, 698.46, 783.99, 880, 987.77,
    ];

    private static readonly Dictionary<string, int> NoteIndex =
        NoteNames.Select((name, i) => (name, i)).ToDictionary(p => p.name, p => p.i, StringComparer.Ordinal);

    /// <summary>Index of a single note letter (the character-level reading never sees octave marks).</summary>
    private static readonly int[] LetterIndex = Enumerable.Range(0, 128)
        .Select(c => NoteIndex.TryGetValue(((char)c).ToString(), out var i) ? i : -1).ToArray();

    private static readonly char[] CleanTrim = ['_', '^', '=', '\\', '0', '1', '2', '3', '4', '5', '6', '7', '8', '9'];

    /// <summary>The three scores of a decoded ABC string (its characters are the elements).</summary>
    public static MusicScores Score(string decoded)
    {
        var notes = new List<int>(decoded.Length);
        foreach (var c in decoded)
            if (c is >= 'A' and <= 'G' or >= 'a' and <= 'g') notes.Add(LetterIndex[c]);
        return ScoreNoteIndices(notes);
    }

    public static double Tonality(string decoded) => Score(decoded).Tonality;

    public static double Melodicity(string decoded) => Score(decoded).Melodicity;

    public static double RatioOfSteps(string decoded) => Score(decoded).RatioOfSteps;

    /// <summary>
    /// Cleaning at token level (used only by the training-data filter): strip _ ^ = \ and digits at both ends of
    /// each token and keep it if it is one of the 28 names. Returns the note indices.
    /// </summary>
    public static IReadOnlyList<int> CleanTokens(IEnumerable<string> tokens)
    {
        var notes = new List<int>();
        foreach (var token in tokens)
            if (NoteIndex.TryGetValue(token.Trim(CleanTrim), out var index)) notes.Add(index);
        return notes;
    }

    /// <summary>The scores of a list of indices into <see cref="NoteNames"/>.</summary>
    public static MusicScores ScoreNoteIndices(IReadOnlyList<int> notes)
    {
        if (notes.Count < 2) return MusicScores.Invalid;
        int fifths = 0, harmonic = 0, steps = 0;
        for (var i = 0; i + 1 < notes.Count; i++)
        {
            var ratio = Frequencies[notes[i + 1]] / Frequencies[notes[i]];
            if (MusicIntervals.IsPerfectFifth(ratio)) fifths++;
            if (MusicIntervals.IsHarmonic(ratio)) harmonic++;
            if (Math.Abs(notes[i + 1] - notes[i]) == 1) steps++;
        }
        double pairs = notes.Count - 1;
        return new MusicScores(fifths / pairs, harmonic / pairs, steps / pairs);
    }

    /// <summary>Arithmetic mean of each score over <paramref name="decoded"/> (invalid samples count 0): the paper's reporting.</summary>
    public static MusicScores Mean(IReadOnlyList<string> decoded)
    {
        if (decoded.Count == 0) throw new ArgumentException("no samples to average", nameof(decoded));
        double t = 0, m = 0, r = 0;
        foreach (var sample in decoded)
        {
            var s = Score(sample);
            t += s.Tonality;
            m += s.Melodicity;
            r += s.RatioOfSteps;
        }
        return new MusicScores(t / decoded.Count, m / decoded.Count, r / decoded.Count);
    }
}
