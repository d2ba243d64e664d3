using System.Globalization;
using SeqGan.Research.Data;
using SeqGan.Research.Plotting;
using SeqGan.Research.Storage;
using SeqGan.Research.Training;

namespace SeqGan.Research.Experiments;

/// <summary>What a reproduction produced: per-seed results, the pretraining curves, the files written and the figures
/// it could not write (a missing plotly.js or Chromium; the reason is given).</summary>
public sealed record ReproductionResult(IReadOnlyList<MethodResult> Results, IReadOnlyList<CurvePoint> PretrainingCurves,
    Table1? Table, IReadOnlyList<string> Files, string OracleSource, IReadOnlyList<string> Skipped);

/// <summary>The paper's synthetic-data table and figures as library calls: each runs every seed and writes its outputs
/// (tables, curves and figures) into the output folder.</summary>
public static class OracleExperiments
{
    /// <summary>
    /// Table 1 and Figure 2 share their runs: every method (default <see cref="OraclePreset.Table1Methods"/>) on every seed,
    /// from one pretraining per seed. Writes table1.md / .csv, figure2-curves.csv and the figures figure2 and table1
    /// (HTML and PNG) into <paramref name="outputDirectory"/> (default <c>out/table1-PRESET</c>).
    /// </summary>
    public static ReproductionResult Table1AndFigure2(OraclePreset preset, IReadOnlyList<int> seeds, RunOptions? options = null, string? outputDirectory = null,
        IProgress<TrainingProgress>? progress = null, CancellationToken cancellation = default, IReadOnlyList<TrainingMethod>? methods = null)
    {
        var output = outputDirectory ?? OutputFolders.Default("table1", preset.Name);
        var (results, pretraining, source) = Table1Runs(preset, seeds, OutputFolders.WithCheckpoints(options, output), progress, cancellation, methods);
        return WriteTable1AndFigure2(results, pretraining, preset, source, output);
    }

    /// <summary>Table 1's runs without its files: what one task of a sweep computes (its results.json then merges with
    /// the other tasks' through <see cref="WriteTable1AndFigure2"/>, as the seeds of one run do).</summary>
    public static (IReadOnlyList<MethodResult> Results, IReadOnlyList<CurvePoint> Pretraining, string OracleSource) Table1Runs(OraclePreset preset,
        IReadOnlyList<int> seeds, RunOptions options, IProgress<TrainingProgress>? progress = null, CancellationToken cancellation = default,
        IReadOnlyList<TrainingMethod>? methods = null) =>
        RunSeeds("table1", preset, seeds, options, progress, cancellation, run => (methods ?? preset.Table1Methods).Select(method => run.Run(method)));

    /// <summary>Table 1 (markdown, CSV), Figure 2's curves (CSV), the figures figure2 and table1, and results.json (what
    /// <see cref="Parallel.OracleResultsFile.Merge"/> reads back) of per-seed results, in the order given.</summary>
    public static ReproductionResult WriteTable1AndFigure2(IReadOnlyList<MethodResult> results, IReadOnlyList<CurvePoint> pretraining,
        OraclePreset preset, string source, string outputDirectory)
    {
        var table = Table1.FromResults(results, preset.Name, source) with { Notes = Table1Notes(preset, results) };
        var curves = pretraining.Concat(results.SelectMany(r => r.Curve)).ToList();
        var outputs = new ExperimentOutputs(outputDirectory);
        outputs.Write("table1.md", table.ToMarkdown());
        outputs.Write("table1.csv", table.ToCsv());
        outputs.Write("figure2-curves.csv", CurveCsv.Write(curves));
        outputs.Write(TimingsCsv.FileName, Timings(results));
        outputs.Figure("figure2", OracleFigures.Figure2(curves, preset.PretrainEpochs, $"Figure 2 — NLL by oracle during training ({preset.Name} preset)"));
        outputs.Figure("table1", OracleFigures.Table1Bars(table, $"Table 1 — NLL-oracle ({preset.Name} preset)"));
        var result = new ReproductionResult(results, pretraining, table, outputs.Files, source, outputs.Skipped);
        outputs.Add([Parallel.OracleResultsFile.Write(outputDirectory, result)]);
        return result with { Files = outputs.Files };
    }

    /// <summary>How the SS and PG-BLEU rows of <paramref name="results"/> were run, beside what the original scripts did.</summary>
    private static List<string> Table1Notes(OraclePreset preset, IReadOnlyList<MethodResult> results)
    {
        var notes = new List<string>();
        var methods = results.Select(r => r.Method).ToHashSet();
        if (methods.Contains("SS"))
            notes.Add($"SS: per-token scheduled sampling, teacher forcing {preset.ScheduledSampling} over the preset's {preset.BaselineEpochs} " +
                "epochs. The original schedule_sampling.py (LantaoYu/SeqGAN 4152436) flipped one coin for the whole run (model.py:90), " +
                "so its SS row was teacher-forced MLE.");
        if (methods.Contains("PG-BLEU"))
            notes.Add(string.Create(CultureInfo.InvariantCulture,
                $"PG-BLEU: reward {preset.PgBleuReward.Name}, {preset.PgBleuRollouts} rollout(s) per step, generator Adam {preset.PgBleuLearningRate:G3}") +
                (ReferenceEquals(preset.PgBleuReward, Rewards.OriginalPgBleu) && preset.PgBleuRollouts == 1 && preset.PgBleuLearningRate == 1e-3
                    ? " — the original pg_bleu configuration (4152436 pg_bleu.py:36-37,101,165); its 200 MLE epochs and 800 iterations are not, the preset's schedule is."
                    : " — not the original pg_bleu configuration (BLEU-3 unsmoothed, 40% of references, 1 rollout, Adam 1e-3)."));
        return notes;
    }

    /// <summary>MLE pretraining under <paramref name="preset"/> against master's logged curve (<paramref name="masterLog"/>):
    /// writes <c>pretraining-check.md</c> and <c>.csv</c>.</summary>
    public static (PretrainingCheck Check, IReadOnlyList<string> Files) PretrainingAgainstMasterLog(OraclePreset preset, IReadOnlyList<int> seeds,
        RunOptions options, string masterLog, string outputDirectory, IProgress<TrainingProgress>? progress = null, CancellationToken cancellation = default)
    {
        var log = MasterLog.Read(masterLog);
        var runOptions = OutputFolders.WithCheckpoints(options, outputDirectory);
        ClaimCheckpoints("pretraining-check", preset, runOptions);
        var check = PretrainingCheck.Run(preset, seeds, runOptions, log, progress, cancellation);
        var outputs = new ExperimentOutputs(outputDirectory);
        outputs.Write("pretraining-check.md", check.ToMarkdown());
        outputs.Write("pretraining-check.csv", check.ToCsv());
        return (check, outputs.Files);
    }

    /// <summary>Figure 3: SeqGAN under the four (g-steps, d-steps, k) strategies, from the same pretrained generator.
    /// Writes figure3-curves.csv and the figure figure3 into <paramref name="outputDirectory"/> (default <c>out/figure3-PRESET</c>).</summary>
    public static ReproductionResult Figure3(OraclePreset preset, IReadOnlyList<int> seeds, RunOptions? options = null, string? outputDirectory = null,
        IProgress<TrainingProgress>? progress = null, CancellationToken cancellation = default, IReadOnlyList<AdversarialStrategy>? strategies = null)
    {
        var output = outputDirectory ?? OutputFolders.Default("figure3", preset.Name);
        var (results, pretraining, source) = RunSeeds("figure3", preset, seeds, OutputFolders.WithCheckpoints(options, output), progress, cancellation,
            run => (strategies ?? OraclePreset.Figure3Strategies).Select(strategy => run.Run(preset.SeqGanWith(strategy))));
        var curves = pretraining.Concat(results.SelectMany(r => r.Curve)).ToList();
        var outputs = new ExperimentOutputs(output);
        outputs.Write("figure3-curves.csv", CurveCsv.Write(curves));
        outputs.Write(TimingsCsv.FileName, Timings(results));
        outputs.Figure("figure3", OracleFigures.Figure3(curves, preset.PretrainEpochs, $"Figure 3 — SeqGAN training strategies ({preset.Name} preset)"));
        return new ReproductionResult(results, pretraining, null, outputs.Files, source, outputs.Skipped);
    }

    /// <summary>Runs <paramref name="methods"/> on every seed (one world and one pretraining per seed), after claiming
    /// the checkpoint folder for this run (<see cref="RunManifest"/>).</summary>
    private static (List<MethodResult> Results, List<CurvePoint> Pretraining, string OracleSource) RunSeeds(string experiment, OraclePreset preset,
        IReadOnlyList<int> seeds, RunOptions options, IProgress<TrainingProgress>? progress, CancellationToken cancellation,
        Func<OracleRun, IEnumerable<MethodResult>> methods)
    {
        if (seeds.Count == 0) throw new ArgumentException("at least one seed is needed", nameof(seeds));
        ClaimCheckpoints(experiment, preset, options);
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

    /// <summary>Claims the checkpoint folder (<see cref="RunManifest"/>) for a run of <paramref name="experiment"/> under
    /// <paramref name="preset"/> and the oracle it will use, before anything of the run is written.</summary>
    internal static void ClaimCheckpoints(string experiment, OraclePreset preset, RunOptions options)
    {
        if (options.CheckpointDirectory is not { } root) return;
        var fingerprint = RunFingerprint.OfKit(experiment).AddProperties("preset", preset);
        if (preset.UsePaperOracle && PaperOracleFile.Find() is { } oracle && File.Exists(oracle)) fingerprint.AddFile("oracle", oracle);
        else fingerprint.Add("oracle", $"random({preset.RandomOracleSeed})");
        RunManifest.Claim(root, fingerprint, options.Resume, options.Force);
    }

    private static string Timings(IEnumerable<MethodResult> results) => TimingsCsv.Write(results.Select(r => (r.Method, r.Seed, r.WallSeconds)));
}
