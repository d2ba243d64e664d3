using System.Globalization;
using System.Text;
using SeqGan.Research.Metrics;
using SeqGan.Research.Training;

namespace SeqGan.Research.Experiments;

/// <summary>One logged epoch of master's pretraining beside the kit's NLL-oracle after as many epochs, per seed.</summary>
public sealed record PretrainingCheckRow(int EpochsTrained, double Logged, IReadOnlyList<double> Ours)
{
    public double LargestDifference => Ours.Max(value => Math.Abs(value - Logged));
}

/// <summary>
/// Does the kit's MLE pretraining follow the original's? The kit's NLL-oracle curve under a preset (master's settings:
/// <see cref="OraclePreset.Paper"/>) against master's logged curve (<see cref="MasterLog"/>), point by logged point.
/// </summary>
/// <remarks>
/// The run evaluates when master does (after 1, 6, 11, … epochs: <see cref="SeqGanSettings.EvaluateFromFirstEpoch"/>, every
/// 5) so that every logged epoch has a point. When it evaluates changes nothing else: MLE pretraining draws no random
/// numbers (batches in file order, no dropout in the generator), so the weights after epoch e are the same whatever is
/// evaluated in between. Master's oracle samples (and so its training set and its
/// generator's initial weights) came from TensorFlow's RNG, so the curves can agree only to within run-to-run noise.
/// </remarks>
public sealed record PretrainingCheck(IReadOnlyList<PretrainingCheckRow> Rows, IReadOnlyList<int> Seeds, string Preset, string OracleSource, double Tolerance)
{
    public const double DefaultTolerance = 0.1;

    public double LargestDifference => Rows.Max(row => row.LargestDifference);

    public int PointsOutsideTolerance => Rows.Sum(row => row.Ours.Count(value => Math.Abs(value - row.Logged) > Tolerance));

    /// <summary>Pairs each logged point with the kit's point after the same number of epochs, for every seed's curve.</summary>
    public static PretrainingCheck Compare(IReadOnlyList<LoggedPoint> logged, IReadOnlyList<CurvePoint> ours, string preset, string oracleSource,
        double tolerance = DefaultTolerance)
    {
        var seeds = ours.Select(p => p.Seed).Distinct().Order().ToList();
        if (seeds.Count == 0) throw new ArgumentException("no curve points of ours to compare", nameof(ours));
        var bySeed = seeds.ToDictionary(seed => seed, seed => ours.Where(p => p.Seed == seed && p.Metric == OracleMetrics.NllOracleName).ToDictionary(p => p.Epoch, p => p.Value));
        var last = bySeed.Values.Min(curve => curve.Keys.Max());
        var rows = new List<PretrainingCheckRow>();
        foreach (var point in logged.Where(p => p.EpochsTrained <= last))
        {
            var values = seeds.Select(seed => bySeed[seed].TryGetValue(point.EpochsTrained, out var v)
                ? v
                : throw new ArgumentException($"seed {seed} has no evaluation after {point.EpochsTrained} epochs", nameof(ours))).ToList();
            rows.Add(new PretrainingCheckRow(point.EpochsTrained, point.NllOracle, values));
        }
        if (rows.Count == 0) throw new ArgumentException($"no logged point lies within the {last} epochs run", nameof(logged));
        return new PretrainingCheck(rows, seeds, preset, oracleSource, tolerance);
    }

    /// <summary>Runs MLE pretraining under <paramref name="preset"/> on each seed (evaluating when master's log does) and compares it with <paramref name="log"/>.</summary>
    public static PretrainingCheck Run(OraclePreset preset, IReadOnlyList<int> seeds, RunOptions options, MasterLog log,
        IProgress<TrainingProgress>? progress = null, CancellationToken cancellation = default)
    {
        var asLogged = preset with { EvaluateEveryEpochs = 5, EvaluateFromFirstEpoch = true };
        var curves = new List<CurvePoint>();
        var source = "";
        foreach (var seed in seeds)
        {
            using var run = new OracleRun(asLogged, options with { Seed = seed }, progress, cancellation);
            source = run.World.OracleSource;
            curves.AddRange(run.PretrainingCurve);
        }
        return Compare(log.Pretraining, curves, preset.Name, source);
    }

    private static string F(double value) => value.ToString("F3", CultureInfo.InvariantCulture);

    public string ToMarkdown()
    {
        var text = new StringBuilder();
        text.AppendLine($"MLE pretraining: NLL-oracle of the kit (preset `{Preset}`, oracle {OracleSource}) against master's log (e2b52fb save/experiment-log.txt), after the same number of epochs.");
        text.AppendLine();
        text.AppendLine($"| epochs trained | master's log | {string.Join(" | ", Seeds.Select(s => $"ours, seed {s}"))} | largest difference |");
        text.AppendLine($"|---|---|{string.Concat(Seeds.Select(_ => "---|"))}---|");
        foreach (var row in Rows)
            text.AppendLine($"| {row.EpochsTrained} | {F(row.Logged)} | {string.Join(" | ", row.Ours.Select(F))} | {F(row.LargestDifference)} |");
        text.AppendLine();
        text.AppendLine($"Largest difference {F(LargestDifference)}; {PointsOutsideTolerance} of {Rows.Count * Seeds.Count} points differ by more than {Tolerance.ToString(CultureInfo.InvariantCulture)}.");
        return text.ToString();
    }

    public string ToCsv()
    {
        var text = new StringBuilder("epochs_trained,master_log,seed,ours,difference\n");
        foreach (var row in Rows)
            for (var i = 0; i < Seeds.Count; i++)
                text.AppendLine(string.Join(',', row.EpochsTrained, row.Logged.ToString("R", CultureInfo.InvariantCulture), Seeds[i],
                    row.Ours[i].ToString("R", CultureInfo.InvariantCulture), (row.Ours[i] - row.Logged).ToString("R", CultureInfo.InvariantCulture)));
        return text.ToString();
    }
}
