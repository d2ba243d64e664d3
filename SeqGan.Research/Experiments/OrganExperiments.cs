using System.Globalization;
using System.Text;
using SeqGan.Research.Data;
using SeqGan.Research.Metrics;
using SeqGan.Research.Storage;

namespace SeqGan.Research.Experiments;

/// <summary>What the ORGAN reproduction produced: the table, the λ sweep (per seed) and the files written.</summary>
public sealed record OrganReproduction(OrganTable Table, IReadOnlyList<OrganResult> Sweep, MusicObjectiveKind SweepObjective, IReadOnlyList<string> Files);

/// <summary>ORGAN's music table and the λ sweep as one library call: every seed, every row, checkpointed.</summary>
public static class OrganExperiments
{
    /// <summary>
    /// For each seed: the MLE row, then for each objective Naive RL (λ = 0), ORGAN (its λ) and SeqGAN (λ = 1), then the
    /// sweep objective at every λ of the preset (runs shared with the table are not repeated). Writes organ-table.md,
    /// organ-table.csv and organ-sweep.csv into <paramref name="outputDirectory"/> (when not null).
    /// </summary>
    public static OrganReproduction TableAndSweep(AbcCorpus corpus, OrganPreset preset, IReadOnlyList<int> seeds, OrganRunOptions options,
        string? outputDirectory, IProgress<TrainingProgress>? progress = null, CancellationToken cancellation = default)
    {
        if (seeds.Count == 0) throw new ArgumentException("at least one seed", nameof(seeds));
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
        var files = new List<string>();
        if (outputDirectory is not null)
        {
            Directory.CreateDirectory(outputDirectory);
            files.Add(Write(outputDirectory, "organ-table.md", table.ToMarkdown()));
            files.Add(Write(outputDirectory, "organ-table.csv", table.ToCsv()));
            files.Add(Write(outputDirectory, "organ-sweep.csv", SweepCsv(sweep, preset.SweepObjective)));
        }
        return new OrganReproduction(table, sweep, preset.SweepObjective, files);
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
        var text = new StringBuilder("objective,lambda,seed,objective_score,tonality,melodicity,ratio_of_steps,diversity,distinct_fraction,wall_seconds\n");
        foreach (var r in sweep)
            text.AppendLine(string.Join(',', objective.Label(), R(r.Lambda), r.Seed, R(r.Scores.Of(objective)), R(r.Scores.Tonality), R(r.Scores.Melodicity),
                R(r.Scores.RatioOfSteps), R(r.Diversity), R(r.DistinctFraction), r.WallSeconds.ToString("F1", CultureInfo.InvariantCulture)));
        return text.ToString();
    }

    private static string Write(string directory, string name, string content)
    {
        var path = Path.Combine(directory, name);
        AtomicFile.WriteAllText(path, content);
        return path;
    }
}
