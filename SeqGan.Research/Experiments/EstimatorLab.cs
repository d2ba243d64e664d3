using System.Globalization;
using System.Text;
using System.Text.Json;
using SeqGan.Research.Display;
using SeqGan.Research.Models;
using SeqGan.Research.Nn;
using SeqGan.Research.Plotting;
using SeqGan.Research.Storage;
using SeqGan.Research.Training;
using SeqGan.Research.Tensors;
using SeqGan.Research.Training.Estimators;

namespace SeqGan.Research.Experiments;

/// <summary>What the lab measured: one point per (estimator, batch size), and the files it wrote.</summary>
public sealed record EstimatorLabResult(string Preset, int Seed, double ExpectedReward, long Sequences,
    IReadOnlyList<EstimatorDiagnostics> Points, IReadOnlyList<string> Files);

/// <summary>
/// The bias/variance sweep: every estimator at every batch size, K independent estimates each, compared with the
/// exact gradient of the lab's world. Reports relative error and cosine against the reward evaluations an estimate
/// costs, so estimators compare at equal compute.
/// </summary>
public static class EstimatorLab
{
    /// <summary>The estimators of the sweep, as factories (stateful ones start fresh at every batch size).</summary>
    public static IReadOnlyList<Func<IGradientEstimator>> Estimators(EstimatorLabPreset preset)
    {
        var critic = new PrefixValueCriticConfig
        {
            VocabularySize = preset.Model.VocabularySize, EmbeddingSize = preset.Model.EmbeddingSize, HiddenSize = preset.Model.HiddenSize,
            StartToken = preset.Model.StartToken, LearningRate = preset.CriticLearningRate,
        };
        var list = new List<Func<IGradientEstimator>>
        {
            () => new ReinforceEstimator(),
            () => new ReinforceEstimator(BaselineKind.MovingAverage, preset.MovingAverageDecay),
            () => new ReinforceEstimator(BaselineKind.SelfCritical),
        };
        list.AddRange(preset.Rollouts.Select(n => (Func<IGradientEstimator>)(() => new RolloutReinforceEstimator(n))));
        if (preset.Rollouts.Count > 0)
            list.Add(() => new RolloutReinforceEstimator(preset.Rollouts[0], BaselineKind.MovingAverage, preset.MovingAverageDecay));
        list.Add(() => new ActorCriticEstimator(critic));
        foreach (var temperature in preset.Temperatures)
        {
            list.Add(() => new GumbelSoftmaxEstimator(temperature, RelaxedSampleMode.StraightThrough));
            list.Add(() => new GumbelSoftmaxEstimator(temperature, RelaxedSampleMode.Soft));
        }
        list.Add(() => new ImportanceWeightedEstimator(ImportanceWeighting.BoundarySeeking));
        list.Add(() => new ImportanceWeightedEstimator(ImportanceWeighting.MaliGan));
        return list;
    }

    /// <summary>
    /// Every estimator at every batch size of the preset, each point seeded by (seed, estimator, batch), so that a point's
    /// numbers do not depend on which others ran. Points already in <paramref name="done"/> (same estimator and batch) are
    /// kept, not measured again; <paramref name="measured"/> sees every list of points as it grows (a checkpoint).
    /// </summary>
    public static IReadOnlyList<EstimatorDiagnostics> Measure(EstimatorLabWorld world, int seed, IReadOnlyList<Func<IGradientEstimator>>? estimators = null,
        IProgress<TrainingProgress>? progress = null, CancellationToken cancellation = default,
        IReadOnlyList<EstimatorDiagnostics>? done = null, Action<IReadOnlyList<EstimatorDiagnostics>>? measured = null)
    {
        var preset = world.Preset;
        estimators ??= Estimators(preset);
        var points = new List<EstimatorDiagnostics>();
        var total = estimators.Count * preset.Batches.Count;
        foreach (var factory in estimators)
            foreach (var batch in preset.Batches)
            {
                string name;
                using (Torch.NoGrad())
                {
                    var probe = factory();
                    name = probe.Name;
                    (probe as IDisposable)?.Dispose();
                }
                var previous = done?.FirstOrDefault(p => p.Estimator == name && p.Batch == batch && p.Estimates == preset.Estimates);
                if (previous is not null)
                {
                    points.Add(previous);
                    continue;
                }
                // Seeded before the estimator is built: a critic's initialisation draws from the generator too.
                Torch.ManualSeed(SessionSeeds.For(seed, $"{name}/{batch}"));
                var estimator = factory();
                try
                {
                    var samples = GradientDiagnostics.Draw(estimator, world.Generator, world.Reward, batch, preset.Estimates,
                        estimator.NeedsWarmup ? preset.Warmup : 0, cancellation);
                    var point = GradientDiagnostics.Summarise(samples, world.ExactGradientOf(estimator.Target));
                    points.Add(point);
                    measured?.Invoke(points);
                    progress?.Report(new TrainingProgress("estimators", estimator.Name, points.Count, total, "relative RMSE", point.RelativeRmse));
                }
                finally
                {
                    (estimator as IDisposable)?.Dispose();
                }
            }
        return points;
    }

    /// <summary>The checkpoint of a sweep: its points so far (JSON), rewritten atomically after every point.</summary>
    public const string CheckpointFile = "estimators-points.json";

    /// <summary>
    /// Builds the world, measures every estimator and writes estimators.csv and estimators.md. With
    /// <paramref name="resume"/>, points saved in <see cref="CheckpointFile"/> by an earlier run of the same preset and seed
    /// are kept and only the missing ones are measured (same numbers as an uninterrupted run: every point has its own seed).
    /// </summary>
    public static EstimatorLabResult Run(EstimatorLabPreset preset, int seed, string outputDirectory, IProgress<TrainingProgress>? progress = null,
        CancellationToken cancellation = default, bool resume = false)
    {
        Directory.CreateDirectory(outputDirectory);
        var checkpoint = Path.Combine(outputDirectory, CheckpointFile);
        var done = resume ? LoadCheckpoint(checkpoint, preset, seed) : [];
        using var world = EstimatorLabWorld.Create(preset, seed, cancellation);
        var points = Measure(world, seed, progress: progress, cancellation: cancellation, done: done,
            measured: sofar => AtomicFile.WriteAllText(checkpoint, JsonSerializer.Serialize(new SweepCheckpoint(preset.Name, seed, sofar))));
        var result = new EstimatorLabResult(preset.Name, seed, world.ExpectedReward, world.Space.Count, points, []);
        var files = new List<string>
        {
            Write(outputDirectory, "estimators.csv", ToCsv(points)),
            Write(outputDirectory, "estimators.md", ToMarkdown(result)),
        };
        return result with { Files = files };
    }

    private sealed record SweepCheckpoint(string Preset, int Seed, IReadOnlyList<EstimatorDiagnostics> Points);

    private static IReadOnlyList<EstimatorDiagnostics> LoadCheckpoint(string path, EstimatorLabPreset preset, int seed)
    {
        if (!File.Exists(path)) return [];
        SweepCheckpoint? saved;
        try
        {
            saved = JsonSerializer.Deserialize<SweepCheckpoint>(File.ReadAllText(path));
        }
        catch (JsonException e)
        {
            throw new InvalidDataException($"{path}: not a sweep checkpoint ({e.Message}); delete it to start afresh");
        }
        if (saved is null || saved.Preset != preset.Name || saved.Seed != seed)
            throw new InvalidDataException($"{path} holds preset '{saved?.Preset}', seed {saved?.Seed}; this run is preset '{preset.Name}', seed {seed} (use another --output)");
        return saved.Points;
    }

    public static string ToCsv(IEnumerable<EstimatorDiagnostics> points)
    {
        var text = new StringBuilder("estimator,target,unbiased,batch,estimates,reward_evaluations,mean_cosine,relative_rmse,relative_bias,relative_std,seconds_per_estimate\n");
        foreach (var p in points)
            text.AppendLine(string.Join(',', Quote(p.Estimator), p.Target, p.IsUnbiased ? "yes" : "no", p.Batch, p.Estimates, F(p.RewardEvaluations),
                F(p.MeanCosine), F(p.RelativeRmse), F(p.RelativeBias), F(p.RelativeStandardDeviation), F(p.SecondsPerEstimate)));
        return text.ToString();
    }

    /// <summary>
    /// The lowest-variance estimator at equal compute: for each estimator, its relative standard deviation interpolated
    /// (log-log) at <paramref name="rewardEvaluations"/> evaluations per estimate; estimators whose measured range does
    /// not reach that budget are left out.
    /// </summary>
    public static IReadOnlyList<(string Estimator, double RelativeStandardDeviation, double RelativeBias)> AtEqualCompute(
        IEnumerable<EstimatorDiagnostics> points, double rewardEvaluations)
    {
        var result = new List<(string, double, double)>();
        foreach (var group in points.GroupBy(p => p.Estimator))
        {
            var ordered = group.OrderBy(p => p.RewardEvaluations).ToList();
            for (var i = 0; i + 1 < ordered.Count; i++)
            {
                var (a, b) = (ordered[i], ordered[i + 1]);
                if (a.RewardEvaluations > rewardEvaluations || b.RewardEvaluations < rewardEvaluations) continue;
                var w = a.RewardEvaluations == b.RewardEvaluations ? 0
                    : (Math.Log(rewardEvaluations) - Math.Log(a.RewardEvaluations)) / (Math.Log(b.RewardEvaluations) - Math.Log(a.RewardEvaluations));
                double LogLerp(double x, double y) => x > 0 && y > 0 ? Math.Exp((1 - w) * Math.Log(x) + w * Math.Log(y)) : (1 - w) * x + w * y;
                result.Add((group.Key, LogLerp(a.RelativeStandardDeviation, b.RelativeStandardDeviation), (1 - w) * a.RelativeBias + w * b.RelativeBias));
                break;
            }
        }
        return result.OrderBy(r => r.Item2).ToList();
    }

    public static string ToMarkdown(EstimatorLabResult result)
    {
        var text = new StringBuilder();
        text.AppendLine($"Estimator lab — preset `{result.Preset}`, seed {result.Seed}: {result.Sequences:N0} sequences enumerated, J = E[D(Y)] = {F(result.ExpectedReward, "F4")}.");
        text.AppendLine();
        text.AppendLine("Errors are relative to the exact gradient's norm (BGAN and MaliGAN: to the gradient of their own target). Reward evaluations count every sequence scored (rollout completions, relaxed samples and greedy sequences included).");
        text.AppendLine();
        text.AppendLine("| estimator | unbiased | batch | reward evaluations | mean cosine | relative RMSE | relative bias | relative std | ms per estimate |");
        text.AppendLine("|---|---|---|---|---|---|---|---|---|");
        foreach (var p in result.Points)
            text.AppendLine($"| {p.Estimator} | {(p.IsUnbiased ? "yes" : "no")} | {p.Batch} | {F(p.RewardEvaluations, "F0")} | {F(p.MeanCosine, "F3")} | {F(p.RelativeRmse, "F3")} | {F(p.RelativeBias, "F3")} | {F(p.RelativeStandardDeviation, "F3")} | {F(p.SecondsPerEstimate * 1000, "F2")} |");
        return text.ToString();
    }

    /// <summary>The points as a notebook table (one row per estimator and batch size).</summary>
    public static DisplayTable Table(IEnumerable<EstimatorDiagnostics> points) => new(
        ["estimator", "unbiased", "batch", "reward evaluations", "mean cosine", "relative RMSE", "relative bias", "relative std"],
        points.Select(p => (IReadOnlyList<string>)[p.Estimator, p.IsUnbiased ? "yes" : "no", p.Batch.ToString(CultureInfo.InvariantCulture),
            F(p.RewardEvaluations, "F0"), F(p.MeanCosine, "F3"), F(p.RelativeRmse, "F3"), F(p.RelativeBias, "F3"), F(p.RelativeStandardDeviation, "F3")]).ToList())
    {
        NumericColumns = new HashSet<int> { 2, 3, 4, 5, 6, 7 },
    };

    /// <summary>Two panels against reward evaluations per estimate (log scale): relative RMSE (log) and mean cosine to the exact gradient.</summary>
    public static Figure Figure(IEnumerable<EstimatorDiagnostics> points, string? title = null)
    {
        var list = points.ToList();
        Series SeriesOf(IGrouping<string, EstimatorDiagnostics> g, Func<EstimatorDiagnostics, double> y) =>
            Series.FromPoints(g.Key, g.Select(p => (p.RewardEvaluations, y(p))));
        var groups = list.GroupBy(p => p.Estimator).ToList();
        var figure = Charts.CurvePanel(
        [
            new PanelCurves("relative RMSE |ĝ − g| / |g|", groups.Select(g => SeriesOf(g, p => p.RelativeRmse)).ToList()),
            new PanelCurves("mean cosine(ĝ, g)", groups.Select(g => SeriesOf(g, p => p.MeanCosine)).ToList()),
        ], new CurvePanelOptions
        {
            Columns = 2,
            SharedYRange = false,
            Curves = new CurveChartOptions
            {
                Title = title ?? "Gradient estimators against the exact gradient (tiny enumerable oracle)",
                XTitle = "reward evaluations per estimate",
                ShowBands = false,
                Width = 1200,
                Height = 560,
            },
        });
        for (var subplot = 1; subplot <= 2; subplot++)
            figure = figure.WithXAxis(figure.XAxisOf(subplot) with { Scale = AxisScale.Log }, subplot);
        return figure.WithYAxis(figure.YAxisOf(1) with { Scale = AxisScale.Log }, 1);
    }

    private static string Quote(string text) => text.Contains(',') || text.Contains('"') ? $"\"{text.Replace("\"", "\"\"")}\"" : text;

    private static string F(double value, string format = "R") => value.ToString(format, CultureInfo.InvariantCulture);

    private static string Write(string directory, string name, string content)
    {
        var path = Path.Combine(directory, name);
        AtomicFile.WriteAllText(path, content);
        return path;
    }
}
