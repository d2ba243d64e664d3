using System.Diagnostics;
using System.Globalization;
using System.Text;
using SeqGan.Research.Experiments.Parallel;

namespace SeqGan.Research.Experiments.Sweeps;

/// <summary>What each array task asks Slurm for (null: the cluster's default); passed to sbatch as they are.</summary>
public sealed record SlurmResources(int? CpusPerTask = null, string? Gres = null, string? Time = null, string? Memory = null,
    string? Partition = null, string? Account = null);

/// <summary>
/// A sweep as one Slurm job array: one array index per task (the task's index), <c>--requeue</c> so that a preempted or
/// failed-node task starts again — and, since every task resumes from its checkpoints, continues where it was. Talks
/// to Slurm only through its commands (sbatch, squeue, sacct, scontrol), as a user would.
/// </summary>
public static class SlurmJobArray
{
    public const string ScriptName = "job.sh";

    /// <summary>The full path of a Slurm command on PATH; throws naming it when it is missing.</summary>
    public static string Command(string name)
    {
        foreach (var folder in (Environment.GetEnvironmentVariable("PATH") ?? "").Split(':', StringSplitOptions.RemoveEmptyEntries))
        {
            var candidate = Path.Combine(folder, name);
            if (File.Exists(candidate)) return candidate;
        }
        throw new FileNotFoundException($"--backend slurm: `{name}` is not on PATH (run on a Slurm login node, or install slurm-wlm); nothing was submitted", name);
    }

    /// <summary>The batch script for <paramref name="indices"/> of the sweep in <paramref name="sweep"/>.</summary>
    public static string Script(SweepDirectory sweep, IReadOnlyList<int> indices, WorkerCommand seqgan, SlurmResources resources, string jobName)
    {
        var text = new StringBuilder("#!/bin/bash\n");
        void Directive(string option, string? value)
        {
            if (value is not null) text.Append("#SBATCH ").Append(option).Append('=').Append(value).Append('\n');
        }
        Directive("--job-name", jobName);
        Directive("--array", ArraySpec(indices));
        text.Append("#SBATCH --requeue\n");
        // %a: the array index, which is the task's folder; appended, so a requeued task's log keeps the earlier attempt.
        Directive("--output", Path.Combine(sweep.Path, "tasks", "%a", "log.txt"));
        Directive("--open-mode", "append");
        Directive("--chdir", sweep.Path);
        Directive("--cpus-per-task", resources.CpusPerTask?.ToString(CultureInfo.InvariantCulture));
        Directive("--gres", resources.Gres);
        Directive("--time", resources.Time);
        Directive("--mem", resources.Memory);
        Directive("--partition", resources.Partition);
        Directive("--account", resources.Account);
        // libtorch uses as many threads as the task was given cores, not the node's count.
        text.Append("export SEQGAN_NUM_THREADS=\"${SLURM_CPUS_PER_TASK:-1}\"\n");
        text.Append("echo \"seqgan sweep: array task $SLURM_ARRAY_TASK_ID of job $SLURM_ARRAY_JOB_ID on $(hostname), attempt $(( ${SLURM_RESTART_COUNT:-0} + 1 ))\"\n");
        text.Append("exec ");
        foreach (var argument in seqgan.LeadingArguments.Prepend(seqgan.FileName).Concat(["sweep", "task", sweep.Path, "--index"]))
            text.Append(Quote(argument)).Append(' ');
        text.Append("\"$SLURM_ARRAY_TASK_ID\"\n");
        return text.ToString();
    }

    /// <summary>Runs <c>sbatch --parsable SCRIPT</c>; returns the job id.</summary>
    public static string Submit(string scriptFile)
    {
        var (exitCode, output, error) = Run(Command("sbatch"), ["--parsable", scriptFile]);
        if (exitCode != 0) throw new InvalidOperationException($"sbatch {scriptFile} failed (exit {exitCode}): {error.Trim()}{output.Trim()}");
        // --parsable prints "JOBID" or "JOBID;CLUSTER".
        var id = output.Trim().Split(';')[0];
        if (!long.TryParse(id, NumberStyles.None, CultureInfo.InvariantCulture, out _))
            throw new InvalidDataException($"sbatch {scriptFile}: expected a job id, got '{output.Trim()}'");
        return id;
    }

    /// <summary>Slurm's state of each array index of <paramref name="jobId"/> (PENDING, RUNNING, COMPLETED, FAILED, …):
    /// from sacct when the cluster keeps accounting, else from the controller (squeue, scontrol), which forgets finished
    /// jobs after MinJobAge.</summary>
    public static IReadOnlyDictionary<int, string> States(string jobId)
    {
        var states = new Dictionary<int, string>();
        var sacct = TryRun("sacct", ["-j", jobId, "-n", "-P", "-X", "-o", "JobID,State"]);
        if (sacct is { ExitCode: 0 })
        {
            foreach (var line in Lines(sacct.Value.Output))
            {
                var parts = line.Split('|');
                if (parts.Length >= 2 && ArrayIndex(parts[0]) is { } index) states[index] = parts[1].Split(' ')[0];
            }
            return states;
        }
        var scontrol = TryRun("scontrol", ["show", "job", jobId, "-o"]);
        if (scontrol is { ExitCode: 0 })
            foreach (var line in Lines(scontrol.Value.Output))
            {
                var fields = line.Split(' ').Select(f => f.Split('=', 2)).Where(f => f.Length == 2).GroupBy(f => f[0]).ToDictionary(g => g.Key, g => g.First()[1]);
                if (fields.TryGetValue("ArrayTaskId", out var task) && fields.TryGetValue("JobState", out var state))
                    foreach (var index in ExpandArraySpec(task)) states[index] = state;
            }
        return states;
    }

    /// <summary>"0-3,5,7-8" for 0,1,2,3,5,7,8.</summary>
    public static string ArraySpec(IReadOnlyList<int> indices)
    {
        var sorted = indices.Distinct().Order().ToList();
        var parts = new List<string>();
        for (var i = 0; i < sorted.Count;)
        {
            var j = i;
            while (j + 1 < sorted.Count && sorted[j + 1] == sorted[j] + 1) j++;
            parts.Add(i == j ? $"{sorted[i]}" : $"{sorted[i]}-{sorted[j]}");
            i = j + 1;
        }
        return string.Join(",", parts);
    }

    /// <summary>Reads scontrol's ArrayTaskId ("3", "0-4", "1,3-5%2" for pending elements).</summary>
    private static IEnumerable<int> ExpandArraySpec(string spec)
    {
        foreach (var part in spec.Split('%')[0].Split(',', StringSplitOptions.RemoveEmptyEntries))
        {
            var range = part.Split('-');
            if (!int.TryParse(range[0], CultureInfo.InvariantCulture, out var first)) continue;
            var last = range.Length > 1 && int.TryParse(range[1], CultureInfo.InvariantCulture, out var end) ? end : first;
            for (var i = first; i <= last; i++) yield return i;
        }
    }

    private static int? ArrayIndex(string jobId)
    {
        var underscore = jobId.LastIndexOf('_');
        return underscore >= 0 && int.TryParse(jobId[(underscore + 1)..], CultureInfo.InvariantCulture, out var index) ? index : null;
    }

    private static IEnumerable<string> Lines(string text) => text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    private static (int ExitCode, string Output)? TryRun(string name, IReadOnlyList<string> arguments)
    {
        try
        {
            var (exitCode, output, _) = Run(Command(name), arguments);
            return (exitCode, output);
        }
        catch (FileNotFoundException)
        {
            return null;
        }
    }

    private static (int ExitCode, string Output, string Error) Run(string fileName, IReadOnlyList<string> arguments)
    {
        var start = new ProcessStartInfo(fileName) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in arguments) start.ArgumentList.Add(argument);
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"could not start {fileName}");
        var error = process.StandardError.ReadToEndAsync();
        var output = process.StandardOutput.ReadToEnd();
        if (!process.WaitForExit(TimeSpan.FromMinutes(2)))
        {
            process.Kill();
            throw new TimeoutException($"{fileName} {string.Join(' ', arguments)} did not answer within 2 minutes");
        }
        return (process.ExitCode, output, error.Result);
    }

    private static string Quote(string argument) => "'" + argument.Replace("'", "'\\''", StringComparison.Ordinal) + "'";
}
