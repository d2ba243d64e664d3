using System.Globalization;
using System.Text.Json;
using SeqGan.Research.Experiments.Parallel;
using SeqGan.Research.Storage;
using SeqGan.Research.Tensors;
using SeqGan.Research.Training;

namespace SeqGan.Research.Experiments.Sweeps;

/// <summary>What collecting a sweep gave: the merged outputs of each cell (by its overrides, "" for none) and the tasks
/// that are not finished (failed or missing), each with its log.</summary>
public sealed record SweepCollection(IReadOnlyList<(string Cell, string Folder, ReproductionResult Result)> Cells, IReadOnlyList<SweepTaskStatus> Unfinished);

/// <summary>
/// A sweep's life: prepare its folder (the grid checked, every task written down), run its tasks — as local worker
/// processes or as one Slurm job array, each task a `seqgan sweep task DIR --index I` process — and collect the finished
/// tasks into the experiment's own table, curves and figures.
/// </summary>
public static class Sweep
{
    public const string LocalBackend = "local";
    public const string SlurmBackend = "slurm";

    /// <summary>The experiments a sweep can run (Table 1's runs also make Figure 2).</summary>
    public static IReadOnlyList<string> Experiments { get; } = [Table1Sweep.Experiment];

    /// <summary>Checks the grid and writes the sweep folder; a folder of the same grid is reused (its finished tasks stay
    /// finished), one of another grid is refused. Nothing is written when the grid is bad.</summary>
    public static IReadOnlyList<SweepTask> Prepare(SweepGrid grid, SweepDirectory sweep, string backend, string? slurmJobId = null)
    {
        var tasks = Check(grid);
        if (sweep.Exists)
        {
            var existing = sweep.ReadManifest();
            if (JsonSerializer.Serialize(existing.Grid) != JsonSerializer.Serialize(grid))
                throw new ArgumentException($"{sweep.ManifestFile}: this folder holds a sweep of another grid; choose another --out, or repeat that sweep's own arguments to resume it");
            slurmJobId ??= existing.SlurmJobId;   // kept until a new submission replaces it: status still finds the old job
        }
        sweep.Write(new SweepManifest(grid, backend, slurmJobId), tasks);
        return tasks;
    }

    /// <summary>The grid's tasks; throws naming what is wrong (an experiment without sweeps, a bad device, method or
    /// override, zero tasks).</summary>
    public static IReadOnlyList<SweepTask> Check(SweepGrid grid)
    {
        if (!Experiments.Contains(grid.Experiment))
            throw new ArgumentException($"sweep: experiment '{grid.Experiment}' is not supported (expected {string.Join(", ", Experiments)}; " +
                "table2-4 and organ have no per-task results file to merge yet: run them with `seqgan reproduce`)");
        Device.Parse(grid.Device);
        return Table1Sweep.Check(grid);
    }

    /// <summary>Runs the unfinished tasks as at most <paramref name="workers"/> concurrent processes on this machine,
    /// the cores divided between them. Throws after all have ended if any failed, naming each with its log.</summary>
    /// <param name="threadsPerTask">libtorch threads of each task; null: the cores divided by the workers. Numbers are
    /// the same at every thread count to float rounding, digit for digit at the same count.</param>
    public static void RunLocal(SweepDirectory sweep, IReadOnlyList<SweepTask> tasks, int workers, WorkerCommand seqgan,
        IProgress<string>? lines = null, CancellationToken cancellation = default, int? threadsPerTask = null)
    {
        if (threadsPerTask < 1) throw new ArgumentException($"--threads must be at least 1, got {threadsPerTask}");
        if (workers < 1) throw new ArgumentException($"--workers must be at least 1, got {workers}");
        var pending = tasks.Where(t => sweep.Status(t).State != SweepTaskState.Finished).ToList();
        if (pending.Count == 0) return;
        var jobs = pending.Select(t => new WorkerJob($"task {t.Index}",
            ["sweep", "task", sweep.Path, "--index", t.Index.ToString(CultureInfo.InvariantCulture)], sweep.LogFile(t.Index))).ToList();
        var threads = threadsPerTask ?? Math.Max(1, Environment.ProcessorCount / Math.Min(workers, pending.Count));
        lines?.Report($"running {pending.Count} of {tasks.Count} tasks as {Math.Min(workers, pending.Count)} concurrent processes, {threads} threads each; logs in {Path.Combine(sweep.Path, "tasks")}");
        WorkerProcesses.RunAll(seqgan, jobs, workers,
            new Dictionary<string, string> { ["SEQGAN_NUM_THREADS"] = threads.ToString(CultureInfo.InvariantCulture) }, lines, cancellation);
    }

    /// <summary>Writes the job array of the unfinished tasks (slurm/job.sh), submits it and records its id in sweep.json.
    /// Returns the id, or null when every task is already finished (nothing submitted).</summary>
    public static string? SubmitSlurm(SweepDirectory sweep, IReadOnlyList<SweepTask> tasks, WorkerCommand seqgan, SlurmResources resources)
    {
        SlurmJobArray.Command("sbatch");
        var pending = tasks.Where(t => sweep.Status(t).State != SweepTaskState.Finished).Select(t => t.Index).ToList();
        if (pending.Count == 0) return null;
        var script = Path.Combine(sweep.Path, "slurm", SlurmJobArray.ScriptName);
        Directory.CreateDirectory(Path.GetDirectoryName(script)!);
        var manifest = sweep.ReadManifest();
        AtomicFile.WriteAllText(script, SlurmJobArray.Script(sweep, pending, seqgan, resources, $"seqgan-{manifest.Grid.Experiment}"));
        var jobId = SlurmJobArray.Submit(script);
        sweep.Write(manifest with { SlurmJobId = jobId }, tasks);
        return jobId;
    }

    /// <summary>Runs task <paramref name="index"/> of the sweep (resuming its checkpoints); a finished task is not rerun.
    /// A failure is written to the task's failed.txt (then rethrown), so that collect can name it.</summary>
    public static SweepTaskStatus RunTask(SweepDirectory sweep, int index, IProgress<TrainingProgress>? progress = null, CancellationToken cancellation = default)
    {
        var grid = sweep.ReadManifest().Grid;
        var tasks = grid.Expand();
        if (index < 0 || index >= tasks.Count) throw new ArgumentException($"--index {index}: the sweep in {sweep.Path} has tasks 0..{tasks.Count - 1}");
        var task = tasks[index];
        if (sweep.Status(task).State == SweepTaskState.Finished) return sweep.Status(task);
        sweep.ClearFailure(task);
        try
        {
            Table1Sweep.RunTask(grid, task, sweep.TaskFolder(index), new RunOptions { Device = Device.Parse(grid.Device) }, progress, cancellation);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            sweep.MarkFailed(task, $"{e.GetType().Name}: {e.Message.Replace('\n', ' ')}");
            throw;
        }
        return sweep.Status(task);
    }

    public static IReadOnlyList<SweepTaskStatus> Statuses(SweepDirectory sweep) => sweep.ReadManifest().Grid.Expand().Select(sweep.Status).ToList();

    /// <summary>Merges each cell's finished tasks into the experiment's files, in <c>DIR/table1</c> (no overrides) or
    /// <c>DIR/table1-KEY=VALUE,...</c>; a cell with no finished task writes nothing.</summary>
    public static SweepCollection Collect(SweepDirectory sweep)
    {
        var grid = sweep.ReadManifest().Grid;
        var statuses = grid.Expand().Select(sweep.Status).ToList();
        var cells = new List<(string, string, ReproductionResult)>();
        foreach (var cell in statuses.GroupBy(s => s.Task.Cell))
        {
            var finished = cell.Where(s => s.State == SweepTaskState.Finished).Select(s => (s.Task, s.ResultsFile)).ToList();
            if (finished.Count == 0) continue;
            var folder = Path.Combine(sweep.Path, cell.Key.Length == 0 ? grid.Experiment : $"{grid.Experiment}-{cell.Key}");
            cells.Add((cell.Key, folder, Table1Sweep.Collect(grid, finished, folder)));
        }
        return new SweepCollection(cells, statuses.Where(s => s.State != SweepTaskState.Finished).ToList());
    }
}
