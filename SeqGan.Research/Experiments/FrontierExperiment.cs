using System.Diagnostics;
using SeqGan.Research.Metrics;
using SeqGan.Research.Models;
using SeqGan.Research.Tensors;
using SeqGan.Research.Training;

namespace SeqGan.Research.Experiments;

/// <summary>What the frontier produced: the table, every curve point, the training runs it swept, the files written and
/// the figures it could not write.</summary>
public sealed record FrontierResult(FrontierTable Table, IReadOnlyList<FrontierPoint> Points, IReadOnlyList<MethodResult> Runs,
    IReadOnlyList<string> Files, IReadOnlyList<string> Skipped);

/// <summary>
/// The quality–diversity frontier of Caccia et al. ("Language GANs Falling Short", ICLR 2020) on the paper's oracle: every
/// Table 1 method of every seed, trained exactly as Table 1 trains it (the same trainer and sessions: point the checkpoints at
/// a Table 1 run's and resume to sweep its generators without training), then swept over the preset's inverse temperatures
/// with no parameter update: NLL-oracle of generated samples, NLL-test of the held-out oracle sample, entropy per token.
/// </summary>
public static class FrontierExperiment
{
    /// <summary>Runs and sweeps <paramref name="methods"/> (default <see cref="OraclePreset.FrontierMethods"/>: Table 1's and the early-stopped MLE) on every seed; writes
    /// frontier.md / .csv, frontier-points.csv and the figure frontier (HTML and PNG) into <paramref name="outputDirectory"/>
    /// (default <c>out/frontier-PRESET</c>; checkpoints in its <c>checkpoints</c> unless <paramref name="options"/> names a folder).</summary>
    public static FrontierResult Run(OraclePreset preset, IReadOnlyList<int> seeds, RunOptions? options = null, string? outputDirectory = null,
        IProgress<TrainingProgress>? progress = null, CancellationToken cancellation = default, IReadOnlyList<TrainingMethod>? methods = null)
    {
        if (seeds.Count == 0) throw new ArgumentException("at least one seed is needed", nameof(seeds));
        preset.Validate();
        var output = outputDirectory ?? OutputFolders.Default("frontier", preset.Name);
        options = OutputFolders.WithCheckpoints(options, output);
        methods ??= preset.FrontierMethods;
        // Claimed as a Table 1 run: the frontier trains Table 1's runs in Table 1's sessions, so a Table 1 run's checkpoint
        // folder resumes here (and this one in `reproduce table1 --resume`) without being refused as a changed run.
        OracleExperiments.ClaimCheckpoints("table1", preset, options);
        var points = new List<FrontierPoint>();
        var runs = new List<MethodResult>();
        var oracleEntropy = new Dictionary<int, double>();
        var source = "";
        var sweepTime = new Stopwatch();
        foreach (var seed in seeds)
        {
            using var run = new OracleRun(preset, options with { Seed = seed }, progress, cancellation);
            source = run.World.OracleSource;
            // The floor: the oracle's own entropy per token, estimated as its NLL of its own (held-out) sample.
            oracleEntropy[seed] = run.World.Oracle.MeanNegativeLogLikelihood(run.World.Test);
            foreach (var method in methods)
                runs.Add(run.Run(method, generator =>
                {
                    sweepTime.Start();
                    points.AddRange(Sweep(generator, run.World, method.Label, seed, preset.FrontierInverseTemperatures, preset.EvaluationSamples,
                        SessionSeeds.For(seed, $"frontier/{method.Session}", preset.SeedScope), progress, cancellation));
                    sweepTime.Stop();
                }));
        }
        var selection = methods.ToDictionary(m => m.Label, m => FrontierTable.SelectionOf(m, preset));
        var table = FrontierTable.FromPoints(points, oracleEntropy, selection, preset.Name, source, preset.FrontierInverseTemperatures, sweepTime.Elapsed.TotalSeconds);
        var outputs = new ExperimentOutputs(output);
        outputs.Write("frontier.md", table.ToMarkdown());
        outputs.Write("frontier.csv", table.ToCsv());
        outputs.Write("frontier-points.csv", FrontierTable.PointsCsv(points, table.OracleEntropy.Mean));
        outputs.Figure("frontier", FrontierFigures.Frontier(points, table.OracleEntropy.Mean,
            $"Frontier — NLL-test against NLL-oracle over the temperature ({preset.Name} preset, {seeds.Count} seed{(seeds.Count == 1 ? "" : "s")}; large marker: T = 1)"));
        return new FrontierResult(table, points, runs, outputs.Files, outputs.Skipped);
    }

    /// <summary>
    /// <paramref name="generator"/>'s measures at every α of <paramref name="grid"/>, no parameter update. Every α samples with
    /// the same seed (common random numbers: the curve's steps are the temperature's, not sampling noise), and the CPU random
    /// state is restored afterwards, so that sweeping a run changes nothing the trainer draws next (a frontier's training
    /// numbers equal Table 1's).
    /// </summary>
    public static IReadOnlyList<FrontierPoint> Sweep(ISequencePolicy generator, OracleWorld world, string method, int seed, IReadOnlyList<double> grid,
        int samples, ulong samplingSeed, IProgress<TrainingProgress>? progress = null, CancellationToken cancellation = default)
    {
        var saved = Torch.GetCpuRngState();
        try
        {
            var points = new List<FrontierPoint>(grid.Count);
            for (var i = 0; i < grid.Count; i++)
            {
                Interruption.ThrowIfRequested(cancellation);
                Torch.ManualSeed(samplingSeed);
                var measures = OracleMetrics.Frontier(generator, generator, world.Oracle, world.Test, grid[i], samples);
                points.Add(new FrontierPoint(method, seed, grid[i], measures.NllOracle, measures.NllTest, measures.Entropy));
                progress?.Report(new TrainingProgress(method, "frontier", i + 1, grid.Count, OracleMetrics.NllOracleName, measures.NllOracle, true));
            }
            return points;
        }
        finally
        {
            Torch.SetCpuRngState(saved);
        }
    }
}
