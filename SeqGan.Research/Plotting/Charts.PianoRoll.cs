using System.Globalization;

namespace SeqGan.Research.Plotting;

/// <summary>One melody for <see cref="Charts.PianoRoll"/>: a pitch (piano key 1..88) per time step.</summary>
public sealed record PianoRollTune(string Title, IReadOnlyList<int> Pitches);

public sealed record PianoRollOptions
{
    public string? Title { get; init; }
    /// <summary>Seconds per time step (the Nottingham sequences: 0.4 s).</summary>
    public double SecondsPerStep { get; init; } = 0.4;
    public int Columns { get; init; } = 4;
    public string ColorScale { get; init; } = "Blues";
    public int? Width { get; init; }
    public int? Height { get; init; }
}

public static partial class Charts
{
    /// <summary>
    /// Melodies as piano rolls, one subplot per tune on a grid: time along x, pitch along y (one row per key over the
    /// range every tune spans, so the panels compare), a filled cell where that key sounds.
    /// </summary>
    public static Figure PianoRoll(IReadOnlyList<PianoRollTune> tunes, PianoRollOptions? options = null)
    {
        options ??= new PianoRollOptions();
        if (tunes.Count == 0) throw new ArgumentException("a piano roll needs at least one tune", nameof(tunes));
        if (options.Columns < 1) throw new ArgumentOutOfRangeException(nameof(options), options.Columns, "Columns must be at least 1");
        foreach (var tune in tunes)
            if (tune.Pitches.Count == 0 || tune.Pitches.Any(p => p is < 1 or > 88))
                throw new ArgumentException($"tune '{tune.Title}' must have at least one pitch, each a piano key in 1..88", nameof(tunes));
        var low = tunes.Min(t => t.Pitches.Min());
        var high = tunes.Max(t => t.Pitches.Max());
        var keys = Enumerable.Range(low, high - low + 1).ToList();
        var columns = Math.Min(options.Columns, tunes.Count);
        var rows = (tunes.Count + columns - 1) / columns;
        var figure = new Figure().WithGrid(rows, columns).WithLegend(false);
        for (var index = 0; index < tunes.Count; index++)
        {
            var subplot = index + 1;
            var pitches = tunes[index].Pitches;
            var z = keys.Select(key => (IReadOnlyList<double>)pitches.Select(p => p == key ? 1.0 : 0.0).ToList()).ToList();
            var time = Enumerable.Range(0, pitches.Count).Select(t => (t * options.SecondsPerStep).ToString("0.0", CultureInfo.InvariantCulture)).ToList();
            figure = figure.Add(new HeatmapTrace(z)
            {
                X = time,
                YValues = keys.Select(k => (double)k).ToList(),
                ColorScale = options.ColorScale,
                ZMin = 0,
                ZMax = 1,
                Subplot = subplot,
                ShowLegend = false,
            });
            figure = figure.WithSubplotTitle(subplot, tunes[index].Title);
            if (index + columns >= tunes.Count) figure = figure.WithXAxis("time (s)", subplot);
            if (index % columns == 0) figure = figure.WithYAxis("piano key", subplot);
        }
        return Decorate(figure, options.Title, options.Width ?? 300 * columns, options.Height ?? Math.Max(320, 260 * rows));
    }
}
