using SeqGan.Research.Experiments.Parallel;
using SeqGan.Research.Training;

namespace SeqGan.Research.Experiments.Sweeps;

/// <summary>
/// Table 1 (and Figure 2, the same runs) as a sweep: a task is <see cref="OracleExperiments.Table1Runs"/> for one method
/// on one seed — the runs `seqgan reproduce table1 --seed S --methods M` makes — and its results.json; collecting merges
/// a cell's tasks in the sequential run's order (seed, then method) through <see cref="OracleExperiments.WriteTable1AndFigure2"/>,
/// the one code that writes Table 1, so the files equal a sequential run's (but the wall-time column).
/// </summary>
/// <remarks>Each task pretrains its own generator (a sequential run pretrains once per seed and reuses it for every
/// method): the same numbers, since pretraining depends only on the seed, at the cost of one pretraining per task.</remarks>
public static class Table1Sweep
{
    public const string Experiment = "table1";

    /// <summary>The grid's tasks, each checked (known method, overrides that give a valid preset) before anything runs.</summary>
    public static IReadOnlyList<SweepTask> Check(SweepGrid grid)
    {
        var tasks = grid.ExpandNonEmpty();
        foreach (var cell in tasks.GroupBy(t => t.Cell))
        {
            var preset = PresetFor(grid, cell.First());
            foreach (var task in cell) preset.Table1Method(task.Method);
        }
        return tasks;
    }

    /// <summary>The preset of <paramref name="task"/>: the grid's preset with the task's overrides.</summary>
    public static OraclePreset PresetFor(SweepGrid grid, SweepTask task) => PresetOverrides.Apply(OraclePreset.ByName(grid.Preset), task.Settings);

    /// <summary>Runs one task into <paramref name="folder"/> (checkpoints under it, resumed when there), then writes its results.json.</summary>
    public static string RunTask(SweepGrid grid, SweepTask task, string folder, RunOptions options, IProgress<TrainingProgress>? progress,
        CancellationToken cancellation)
    {
        var preset = PresetFor(grid, task);
        var (results, pretraining, source) = OracleExperiments.Table1Runs(preset, [task.Seed],
            OutputFolders.WithCheckpoints(options with { Resume = true }, folder), progress, cancellation, [preset.Table1Method(task.Method)]);
        return OracleResultsFile.Write(folder, results, pretraining, source);
    }

    /// <summary>Merges one cell's finished tasks (results files by task) into Table 1's files in <paramref name="outputDirectory"/>.</summary>
    public static ReproductionResult Collect(SweepGrid grid, IReadOnlyList<(SweepTask Task, string ResultsFile)> cell, string outputDirectory)
    {
        var results = new List<MethodResult>();
        var pretraining = new List<CurvePoint>();
        var sources = new HashSet<string>();
        // The grid orders a cell's tasks by seed, then method: the order a sequential run appends them in.
        foreach (var seed in cell.GroupBy(c => c.Task.Seed))
        {
            IReadOnlyList<CurvePoint>? seedPretraining = null;
            foreach (var (task, file) in seed.OrderBy(c => c.Task.Index))
            {
                var read = OracleResultsFile.Read(file);
                results.AddRange(read.Results);
                sources.Add(read.OracleSource);
                // Every task of a seed pretrained the same generator; a difference means the tasks did not run the same preset.
                if (seedPretraining is null) seedPretraining = read.PretrainingCurves;
                else if (!seedPretraining.SequenceEqual(read.PretrainingCurves))
                    throw new InvalidDataException($"{file}: {task}'s pretraining curve differs from the other tasks of seed {task.Seed}");
            }
            pretraining.AddRange(seedPretraining!);
        }
        if (sources.Count != 1) throw new InvalidDataException($"the tasks to merge used different oracles: {string.Join(", ", sources)}");
        return OracleExperiments.WriteTable1AndFigure2(results, pretraining, PresetFor(grid, cell[0].Task), sources.First(), outputDirectory);
    }
}
