using SeqGan.Research.Storage;

namespace SeqGan.Research.Experiments;

/// <summary>What a reproduction produced: per-seed results, the pretraining curves, and the files written.</summary>
public sealed record ReproductionResult(IReadOnlyList<MethodResult> Results, IReadOnlyList<CurvePoint> PretrainingCurves,
    Table1? Table, IReadOnlyList<string> Files, string OracleSource);

/// <summary>The paper's synthetic-data table and figures as library calls: each runs every seed and writes its outputs.</summary>
public static class OracleExperiments
{
    public static readonly OracleMethod[] Table1Methods =
        [OracleMethod.Random, OracleMethod.Mle, OracleMethod.ScheduledSampling, OracleMethod.PgBleu, OracleMethod.SeqGan];

    /// <summary>Table 1 and Figure 2 share their runs: every method on every seed, from one pretraining per seed.</summary>
    public static ReproductionResult Table1AndFigure2(OraclePreset preset, IReadOnlyList<int> seeds, OracleRunOptions options, string outputDirectory,
        IProgress<TrainingProgress>? progress = null, CancellationToken cancellation = default, IReadOnlyList<OracleMethod>? methods = null)
    {
        var (results, pretraining, source) = RunSeeds(preset, seeds, options, progress, cancellation,
            run => (methods ?? Table1Methods).Select(method => run.Run(method)));
        return WriteTable1AndFigure2(results, pretraining, preset, source, outputDirectory);
    }

    /// <summary>Table 1 (markdown, CSV) and Figure 2's curves (CSV) of per-seed results, in the order given.</summary>
    public static ReproductionResult WriteTable1AndFigure2(IReadOnlyList<MethodResult> results, IReadOnlyList<CurvePoint> pretraining,
        OraclePreset preset, string source, string outputDirectory)
    {
        var table = Table1.FromResults(results, preset.Name, source);
        Directory.CreateDirectory(outputDirectory);
        var files = new List<string>
        {
            Write(outputDirectory, "table1.md", table.ToMarkdown()),
            Write(outputDirectory, "table1.csv", table.ToCsv()),
            Write(outputDirectory, "figure2-curves.csv", CurveCsv.Write(pretraining.Concat(results.SelectMany(r => r.Curve)))),
        };
        return new ReproductionResult(results, pretraining, table, files, source);
    }

    /// <summary>Figure 3: SeqGAN under the four (g-steps, d-steps, k) strategies, from the same pretrained generator.</summary>
    public static ReproductionResult Figure3(OraclePreset preset, IReadOnlyList<int> seeds, OracleRunOptions options, string outputDirectory,
        IProgress<TrainingProgress>? progress = null, CancellationToken cancellation = default, IReadOnlyList<AdversarialStrategy>? strategies = null)
    {
        var (results, pretraining, source) = RunSeeds(preset, seeds, options, progress, cancellation,
            run => (strategies ?? OraclePreset.Figure3Strategies).Select(strategy => run.Run(OracleMethod.SeqGan, strategy, $"SeqGAN ({strategy})")));
        Directory.CreateDirectory(outputDirectory);
        var files = new List<string> { Write(outputDirectory, "figure3-curves.csv", CurveCsv.Write(pretraining.Concat(results.SelectMany(r => r.Curve)))) };
        return new ReproductionResult(results, pretraining, null, files, source);
    }

    /// <summary>MLE pretraining under <paramref name="preset"/> against master's logged curve (<paramref name="masterLog"/>):
    /// writes <c>pretraining-check.md</c> and <c>.csv</c>.</summary>
    public static (PretrainingCheck Check, IReadOnlyList<string> Files) PretrainingAgainstMasterLog(OraclePreset preset, IReadOnlyList<int> seeds,
        OracleRunOptions options, string masterLog, string outputDirectory, IProgress<TrainingProgress>? progress = null, CancellationToken cancellation = default)
    {
        var check = PretrainingCheck.Run(preset, seeds, options, MasterLog.Read(masterLog), progress, cancellation);
        Directory.CreateDirectory(outputDirectory);
        return (check, [Write(outputDirectory, "pretraining-check.md", check.ToMarkdown()), Write(outputDirectory, "pretraining-check.csv", check.ToCsv())]);
    }

    /// <summary>Runs <paramref name="methods"/> on every seed (one world and one pretraining per seed).</summary>
    private static (List<MethodResult> Results, List<CurvePoint> Pretraining, string OracleSource) RunSeeds(OraclePreset preset,
        IReadOnlyList<int> seeds, OracleRunOptions options, IProgress<TrainingProgress>? progress, CancellationToken cancellation,
        Func<OracleRun, IEnumerable<MethodResult>> methods)
    {
        var results = new List<MethodResult>();
        var pretraining = new List<CurvePoint>();
        var source = "";
        foreach (var seed in seeds)
        {
            using var run = new OracleRun(preset, options with { Seed = seed }, progress, cancellation);
            source = run.World.OracleSource;
            results.AddRange(methods(run).ToList());
            pretraining.AddRange(run.PretrainingCurve);
        }
        return (results, pretraining, source);
    }

    private static string Write(string directory, string name, string content)
    {
        var path = Path.Combine(directory, name);
        AtomicFile.WriteAllText(path, content);
        return path;
    }
}
