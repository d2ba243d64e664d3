using System.Globalization;

namespace SeqGan.Research.Data.Corpora;

/// <summary>
/// Nottingham melodies as the paper describes them: "88 numbers", one pitch (piano key 1..88) every 0.4 s,
/// sequences of 32. Read from nottingham/melody_pitch_0.4s.csv (columns tune,length,sequence; value 0 = rest).
/// </summary>
/// <remarks>
/// Rests: the paper's alphabet has 88 pitches and no rest symbol, so leading rests (pickup bars) are dropped
/// and every later rest repeats the pitch before it (the last note rings on). Windows: each tune is cut into
/// consecutive non-overlapping windows of <see cref="WindowLength"/>; a shorter tail is dropped. Token id =
/// pitch − 1, so id differences are pitch differences (what MSE measures). Sequences keep their tune as their
/// group, so a train/test split never puts windows of one tune on both sides.
/// </remarks>
public static class MelodyCorpus
{
    public const int WindowLength = 32;
    public const int Pitches = 88;

    public const string Preparation =
        "pitch (piano key 1..88) every 0.4 s; leading rests dropped, later rests repeat the previous pitch; each tune cut into non-overlapping windows of 32 (shorter tail dropped); split by tune";

    public static Vocabulary PitchVocabulary() =>
        new(Enumerable.Range(1, Pitches).Select(p => p.ToString(CultureInfo.InvariantCulture)).ToList());

    public static TokenCorpus Load(string path, int windowLength = WindowLength)
    {
        var sequences = new List<int[]>();
        var groups = new List<int>();
        var tunes = 0;
        var first = true;
        foreach (var (number, text) in StrictTextFile.ReadLines(path))
        {
            if (first)
            {
                first = false;
                if (!text.StartsWith("tune,length,", StringComparison.Ordinal))
                    throw new InvalidDataException($"{path}:{number}: expected the header 'tune,length,sequence…', found '{Shorten(text)}'");
                continue;
            }
            if (string.IsNullOrWhiteSpace(text)) continue;
            var pitches = ParseTune(path, number, text);
            var melody = HoldThroughRests(pitches);
            var tune = tunes++;
            for (var start = 0; start + windowLength <= melody.Count; start += windowLength)
            {
                sequences.Add(melody.Skip(start).Take(windowLength).Select(p => p - 1).ToArray());
                groups.Add(tune);
            }
        }
        if (sequences.Count == 0) throw new InvalidDataException($"{path}: the corpus is empty (no tune has {windowLength} samples)");
        return new TokenCorpus
        {
            Name = "nottingham",
            SourceFile = path,
            Vocabulary = PitchVocabulary(),
            SequenceLength = windowLength,
            Sequences = sequences,
            Groups = groups,
            Preparation = Preparation + $" ({tunes} tunes, {sequences.Count} windows)",
        }.Validated();
    }

    private static int[] ParseTune(string path, int number, string text)
    {
        var fields = text.Split(',');
        if (fields.Length != 3) throw new InvalidDataException($"{path}:{number}: expected 3 comma-separated fields (tune,length,sequence), found {fields.Length}");
        if (!int.TryParse(fields[1], NumberStyles.None, CultureInfo.InvariantCulture, out var length))
            throw new InvalidDataException($"{path}:{number}: length '{Shorten(fields[1])}' is not a whole number");
        var values = fields[2].Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (values.Length != length)
            throw new InvalidDataException($"{path}:{number}: tune {fields[0]} says {length} samples but has {values.Length}");
        var pitches = new int[values.Length];
        for (var i = 0; i < values.Length; i++)
            if (!int.TryParse(values[i], NumberStyles.None, CultureInfo.InvariantCulture, out pitches[i]) || pitches[i] > Pitches)
                throw new InvalidDataException($"{path}:{number}: sample {i + 1} of tune {fields[0]} is '{Shorten(values[i])}', expected 0 (rest) or a pitch 1..{Pitches}");
        return pitches;
    }

    /// <summary>Drops leading rests and replaces each later rest by the pitch before it.</summary>
    public static List<int> HoldThroughRests(IEnumerable<int> pitches)
    {
        var melody = new List<int>();
        var last = 0;
        foreach (var p in pitches)
        {
            if (p != 0) last = p;
            if (last != 0) melody.Add(last);
        }
        return melody;
    }

    private static string Shorten(string text) => text.Length <= 40 ? text : text[..40] + "…";
}
