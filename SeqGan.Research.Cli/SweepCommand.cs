using System.CommandLine;
using System.Globalization;
using System.Runtime.InteropServices;
using SeqGan.Research.Experiments;
using SeqGan.Research.Experiments.Parallel;
using SeqGan.Research.Experiments.Sweeps;
using SeqGan.Research.Storage;

namespace SeqGan.Research.Cli;

/// <summary>
/// `seqgan sweep EXPERIMENT`: a grid of methods × seeds × preset overrides as independent checkpointed tasks in one
/// sweep folder, run by local worker processes or submitted as one Slurm job array; `sweep status DIR`, `sweep collect
/// DIR` (the merged table, curves and figures, and the tasks not finished), and `sweep task DIR --index I` (one task;
/// what the workers and the array tasks run). Parses the arguments and calls the library's <see cref="Sweep"/>.
/// </summary>
internal static class SweepCommand
{
    public static Command Create()
    {
        var experiment = new Argument<string>("experiment") { Description = "table1 (its runs also give Figure 2)" };
        var preset = new Option<string>("--preset") { Description = "smoke, quick or paper", DefaultValueFactory = _ => "quick" };
        var methods = new Option<string?>("--methods") { Description = "comma-separated methods (default: every row of the table)" };
        var seeds = new Option<int>("--seeds") { Description = "seeds 1..N", DefaultValueFactory = _ => 1 };
        var overrides = new Option<string[]>("--set") { Description = "a preset setting and the values to sweep, e.g. --set Rollouts=4,8,16 (repeatable; the grid is their product)", AllowMultipleArgumentsPerToken = false };
        var device = new Option<string>("--device") { Description = "device of every task: cpu, cuda, cuda:N or auto", DefaultValueFactory = _ => "cpu" };
        var output = new Option<string?>("--out", "--output") { Description = "the sweep folder (default out/sweep-EXPERIMENT-PRESET)" };
        var backend = new Option<string>("--backend") { Description = "local (worker processes on this machine) or slurm (one sbatch job array)", DefaultValueFactory = _ => Sweep.LocalBackend };
        var workers = new Option<int>("--workers") { Description = "local: concurrent task processes", DefaultValueFactory = _ => 1 };
        var threads = new Option<int?>("--threads") { Description = "local: libtorch threads per task (default: the cores divided by --workers)" };
        var cpus = new Option<int?>("--cpus-per-task") { Description = "slurm: cores per task (also libtorch's thread count)" };
        var gres = new Option<string?>("--gres") { Description = "slurm: generic resources per task, e.g. gpu:1" };
        var time = new Option<string?>("--time") { Description = "slurm: time limit per task, e.g. 12:00:00" };
        var memory = new Option<string?>("--mem") { Description = "slurm: memory per task, e.g. 8G" };
        var partition = new Option<string?>("--partition") { Description = "slurm: partition" };
        var account = new Option<string?>("--account") { Description = "slurm: account" };
        var command = new Command("sweep", "Run a grid of methods × seeds × preset overrides as independent checkpointed tasks, locally or as a Slurm job array")
            { experiment, preset, methods, seeds, overrides, device, output, backend, workers, threads, cpus, gres, time, memory, partition, account };
        command.SetAction(parse =>
        {
            var name = parse.GetValue(experiment)!.ToLowerInvariant();
            if (name == "figure2") name = Table1Sweep.Experiment;
            var chosen = parse.GetValue(backend)!.ToLowerInvariant();
            if (chosen is not (Sweep.LocalBackend or Sweep.SlurmBackend)) throw new ArgumentException($"--backend '{chosen}': expected local or slurm");
            // Checked before the folder is written: a sweep that cannot be submitted leaves nothing behind.
            if (chosen == Sweep.SlurmBackend) SlurmJobArray.Command("sbatch");
            if (parse.GetValue(seeds) < 0) throw new ArgumentException($"--seeds must not be negative, got {parse.GetValue(seeds)}");
            var presetName = OraclePreset.ByName(parse.GetValue(preset)!).Name;
            var grid = new SweepGrid(name, presetName,
                parse.GetValue(methods) is { } list ? list.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries) : OraclePreset.ByName(presetName).Table1Methods.Select(m => m.Label).ToList(),
                Enumerable.Range(1, Math.Max(0, parse.GetValue(seeds))).ToList(),
                (parse.GetValue(overrides) ?? []).Select(PresetOverrides.Parse<OraclePreset>).ToList(),
                parse.GetValue(device)!);
            Sweep.Check(grid);
            var directory = OutputLocation.PrepareFolder(parse.GetValue(output) ?? OutputFolders.Default("sweep-" + name, presetName), "--out");
            var sweep = new SweepDirectory(directory);
            var tasks = Sweep.Prepare(grid, sweep, chosen);
            Console.Error.WriteLine($"sweep {name}: {tasks.Count} tasks ({grid.Methods.Count} methods × {grid.Seeds.Count} seeds" +
                $"{string.Concat(grid.Overrides.Select(o => $" × {o.Values.Count} {o.Key}"))}) in {sweep.Path}");
            var seqgan = WorkerCommand.CurrentProcess();
            if (chosen == Sweep.SlurmBackend)
            {
                var resources = new SlurmResources(parse.GetValue(cpus), parse.GetValue(gres), parse.GetValue(time), parse.GetValue(memory),
                    parse.GetValue(partition), parse.GetValue(account));
                var jobId = Sweep.SubmitSlurm(sweep, tasks, seqgan, resources);
                Console.WriteLine(jobId is null ? "every task is finished; nothing submitted"
                    : $"submitted job array {jobId} ({Path.Combine(sweep.Path, "slurm", SlurmJobArray.ScriptName)}); `seqgan sweep status {sweep.Path}` follows it, `seqgan sweep collect {sweep.Path}` merges it");
                return 0;
            }
            using var cancel = new CancellationTokenSource();
            Console.CancelKeyPress += (_, e) => { e.Cancel = true; cancel.Cancel(); };
            Sweep.RunLocal(sweep, tasks, parse.GetValue(workers), seqgan, new Progress<string>(Console.Error.WriteLine), cancel.Token, parse.GetValue(threads));
            return Report(Sweep.Collect(sweep));
        });
        command.Subcommands.Add(StatusCommand());
        command.Subcommands.Add(CollectCommand());
        command.Subcommands.Add(TaskCommand());
        return command;
    }

    private static Command StatusCommand()
    {
        var folder = new Argument<string>("dir") { Description = "the sweep folder" };
        var command = new Command("status", "Each task's state: from its folder, and from Slurm (squeue/sacct) for a submitted sweep") { folder };
        command.SetAction(parse =>
        {
            var sweep = new SweepDirectory(parse.GetValue(folder)!);
            var manifest = sweep.ReadManifest();
            var slurm = manifest.SlurmJobId is { } id ? SlurmJobArray.States(id) : new Dictionary<int, string>();
            var statuses = Sweep.Statuses(sweep);
            foreach (var status in statuses)
                Console.WriteLine($"{status.Task}: {status.State.ToString().ToLowerInvariant()}" +
                    $"{(slurm.TryGetValue(status.Task.Index, out var state) ? $", slurm {state}" : "")}" +
                    $"{(status.Failure is { } failure ? $": {failure}" : "")} (log: {status.LogFile})");
            Console.WriteLine($"{statuses.Count(s => s.State == SweepTaskState.Finished)} of {statuses.Count} finished" +
                $"{(manifest.SlurmJobId is { } job ? $"; slurm job {job}" : "")}");
            return 0;
        });
        return command;
    }

    private static Command CollectCommand()
    {
        var folder = new Argument<string>("dir") { Description = "the sweep folder" };
        var command = new Command("collect", "Merge the finished tasks into the experiment's table, curves and figures; list the tasks not finished") { folder };
        command.SetAction(parse => Report(Sweep.Collect(new SweepDirectory(parse.GetValue(folder)!))));
        return command;
    }

    private static Command TaskCommand()
    {
        var folder = new Argument<string>("dir") { Description = "the sweep folder" };
        var index = new Option<int>("--index") { Description = "the task's index (a Slurm array index)", Required = true };
        var command = new Command("task", "Run one task of a sweep (resuming its checkpoints): what local workers and Slurm array tasks run") { folder, index };
        command.SetAction(parse =>
        {
            using var cancel = new CancellationTokenSource();
            Console.CancelKeyPress += (_, e) => { e.Cancel = true; cancel.Cancel(); };
            // Slurm ends a task (scancel, time limit, preemption) with SIGTERM first: stop at the next step, checkpoint kept.
            using var term = PosixSignalRegistration.Create(PosixSignal.SIGTERM, context => { context.Cancel = true; cancel.Cancel(); });
            var sweep = new SweepDirectory(parse.GetValue(folder)!);
            var status = ProgressDisplay.Run(reporter => Sweep.RunTask(sweep, parse.GetValue(index), reporter, cancel.Token));
            Console.WriteLine($"{status.Task}: {status.State.ToString().ToLowerInvariant()} ({status.ResultsFile})");
            return 0;
        });
        return command;
    }

    /// <summary>Prints each cell's table and files, then every unfinished task with its log; exit 1 when any is unfinished.</summary>
    private static int Report(SweepCollection collection)
    {
        foreach (var (cell, folder, result) in collection.Cells)
        {
            Console.WriteLine(cell.Length == 0 ? $"## {folder}" : $"## {cell} ({folder})");
            Console.WriteLine(result.Table?.ToMarkdown());
            foreach (var reason in result.Skipped) Console.Error.WriteLine($"warning: {reason}");
            foreach (var file in result.Files) Console.WriteLine($"wrote {file}");
        }
        foreach (var status in collection.Unfinished)
            Console.WriteLine($"{(status.State == SweepTaskState.Failed ? "failed" : "missing")}: {status.Task}" +
                $"{(status.Failure is { } failure ? $": {failure}" : "")} (log: {status.LogFile})");
        if (collection.Unfinished.Count > 0)
            Console.Error.WriteLine($"{collection.Unfinished.Count} task(s) not finished: the tables above leave them out");
        return collection.Unfinished.Count > 0 ? 1 : 0;
    }
}
