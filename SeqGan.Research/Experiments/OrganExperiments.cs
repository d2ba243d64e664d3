using System.Globalization;
using System.Text;
using SeqGan.Research.Data;
using SeqGan.Research.Metrics;
using SeqGan.Research.Storage;
using SeqGan.Research.Training;

namespace SeqGan.Research.Experiments;

/// <summary>What the ORGAN reproduction produced: the corpus it read, the table, the λ sweep (per seed), the files written
/// and the figures skipped for a missing tool.</summary>
public sealed record OrganReproduction(AbcCorpus Corpus, OrganTable Table, IReadOnlyList<OrganResult> Sweep, MusicObjectiveKind SweepObjective,
    IReadOnlyList<string> Files, IReadOnlyList<string> Skipped);

/// <summary>ORGAN's music table and the λ sweep as one library call: every seed, every row, checkpointed.</summary>
public static class OrganExperiments
{
    /// <summary>
    /// For each seed: the MLE row, then for each objective Naive RL (λ = 0), ORGAN (its λ) and SeqGAN (λ = 1), then the
    /// sweep objective at every λ of the preset (runs shared with the table are not repeated). Writes organ-table.md,
    /// organ-table.csv, organ-sweep.csv and the figure organ-sweep (HTML and PNG) into <paramref name="outputDirectory"/>
    /// (when not null; checkpoints then go to its <c>checkpoints</c> folder unless the options name one). The corpus is
    /// the verified music_large.txt the library finds (<see cref="OrganMusicFile.Require(string?)"/>) unless one is given.
    /// </summary>
    public static OrganReproduction TableAndSweep(AbcCorpus? corpus, OrganPreset preset, IReadOnlyList<int> seeds, RunOptions? options,
        string? outputDirectory, IProgress<TrainingProgress>? progress = null, CancellationToken cancellation = default)
    {
        if (seeds.Count == 0) throw new ArgumentException("at least one seed", nameof(seeds));
        corpus ??= AbcCorpus.Load(OrganMusicFile.Require(), preset.SequenceLength);
        options = outputDirectory is null ? options ?? new RunOptions() : OutputFolders.WithCheckpoints(options, outputDirectory);
        if (options.CheckpointDirectory is { } root)
            RunManifest.Claim(root, RunFingerprint.OfKit("organ").AddProperties("preset", preset)
                .AddDigest("corpus.tunes", corpus.Tunes.Select(t => string.Join(' ', t))).Add("corpus.sequenceLength", corpus.SequenceLength)
                .Add("corpus.vocabulary", corpus.Vocabulary.Size), options.Resume, options.Force);
        var runs = new Dictionary<(MusicObjectiveKind, OrganAlgorithm), List<OrganResult>>();
        var sweep = new List<OrganResult>();
        foreach (var seed in seeds)
        {
            using var run = new OrganRun(corpus, preset, options with { Seed = seed }, progress, cancellation);
            foreach (var objective in Enum.GetValues<MusicObjectiveKind>())
            {
                Add(runs, objective, OrganAlgorithm.Mle, run.Mle());
                foreach (var lambda in new[] { 0, OrganPreset.OrganLambda(objective), 1 })
                    Add(runs, objective, OrganAlgorithmNames.ForLambda(lambda), run.Run(objective, lambda));
            }
            foreach (var lambda in preset.SweepLambdas) sweep.Add(run.Run(preset.SweepObjective, lambda));
        }
        var table = OrganTable.FromResults(runs.ToDictionary(kv => kv.Key, kv => (IReadOnlyList<OrganResult>)kv.Value), preset);
        if (outputDirectory is null) return new OrganReproduction(corpus, table, sweep, preset.SweepObjective, [], []);
        var outputs = new ExperimentOutputs(outputDirectory);
        outputs.Write("organ-table.md", table.ToMarkdown());
        outputs.Write("organ-table.csv", table.ToCsv());
        outputs.Write("organ-sweep.csv", SweepCsv(sweep, preset.SweepObjective));
        outputs.Write(TimingsCsv.FileName, TimingsCsv.Write(runs.Values.SelectMany(list => list).Concat(sweep)
            .Select(r => (Method: TimingLabel(r), r.Seed, r.WallSeconds)).DistinctBy(t => (t.Method, t.Seed))));
        outputs.Figure("organ-sweep", OrganFigures.LambdaSweep(sweep, preset.SweepObjective,
            $"ORGAN λ sweep — {preset.SweepObjective.Label()} objective ({preset.Name} preset)"));
        return new OrganReproduction(corpus, table, sweep, preset.SweepObjective, outputs.Files, outputs.Skipped);
    }

    private static void Add(Dictionary<(MusicObjectiveKind, OrganAlgorithm), List<OrganResult>> runs, MusicObjectiveKind objective, OrganAlgorithm algorithm, OrganResult result)
    {
        if (!runs.TryGetValue((objective, algorithm), out var list)) runs[(objective, algorithm)] = list = [];
        list.Add(result);
    }

    /// <summary>One line per (seed, λ): the sweep objective's own score next to all metrics.</summary>
    public static string SweepCsv(IEnumerable<OrganResult> sweep, MusicObjectiveKind objective)
    {
        static string R(double v) => v.ToString("R", CultureInfo.InvariantCulture);
        var text = new StringBuilder("objective,lambda,seed,objective_score,tonality,melodicity,ratio_of_steps,diversity,distinct_fraction\n");
        foreach (var r in sweep)
            text.AppendLine(string.Join(',', objective.Label(), R(r.Lambda), r.Seed, R(r.Scores.Of(objective)), R(r.Scores.Tonality), R(r.Scores.Melodicity),
                R(r.Scores.RatioOfSteps), R(r.Diversity), R(r.DistinctFraction)));
        return text.ToString();
    }

    /// <summary>One run, named once: MLE and SeqGAN (λ = 1) are shared by every objective.</summary>
    private static string TimingLabel(OrganResult r) => r.Algorithm is OrganAlgorithm.Mle or OrganAlgorithm.SeqGan
        ? r.Algorithm.Label()
        : string.Create(CultureInfo.InvariantCulture, $"{r.Algorithm.Label()} {r.Objective} λ={r.Lambda:0.###}");
}
