using System.Diagnostics;

namespace SeqGan.Research.Experiments.Parallel;

/// <summary>How to start another copy of this program: the executable and the arguments that come before a command's.</summary>
public sealed record WorkerCommand(string FileName, IReadOnlyList<string> LeadingArguments)
{
    /// <summary>The running program: its apphost (the bundle's `seqgan`), or `dotnet seqgan.dll` when started through dotnet.</summary>
    public static WorkerCommand CurrentProcess()
    {
        var path = Environment.ProcessPath ?? throw new InvalidOperationException("the path of the running program is unknown");
        var entry = System.Reflection.Assembly.GetEntryAssembly()?.Location;
        return Path.GetFileNameWithoutExtension(path) == "dotnet" && !string.IsNullOrEmpty(entry)
            ? new WorkerCommand(path, [entry])
            : new WorkerCommand(path, []);
    }
}

/// <summary>One unit of work for a worker process: its name (prefix of its output lines), arguments and log file.</summary>
public sealed record WorkerJob(string Name, IReadOnlyList<string> Arguments, string LogFile);

/// <summary>
/// Runs jobs as concurrent child processes, at most <c>parallel</c> at a time, each with its output kept in its own log
/// file and forwarded line by line (prefixed with the job's name). The children share the parent's process group, so a
/// Ctrl+C (or `timeout --signal=INT`) reaches them too and each stops at its next checkpoint. Used to run the seeds of
/// a table side by side; any command of the kit that writes its results to files can be run this way.
/// </summary>
public static class WorkerProcesses
{
    /// <summary>Runs every job; throws after all have ended if any failed, naming each failed job, its exit code and log.</summary>
    /// <param name="environment">variables set in every child (e.g. SEQGAN_NUM_THREADS, so that children share the cores)</param>
    public static void RunAll(WorkerCommand command, IReadOnlyList<WorkerJob> jobs, int parallel,
        IReadOnlyDictionary<string, string>? environment = null, IProgress<string>? lines = null, CancellationToken cancellation = default)
    {
        if (parallel < 1) throw new ArgumentOutOfRangeException(nameof(parallel), parallel, "must be at least 1");
        var failures = new List<string>();
        var stopped = false;
        using var slots = new SemaphoreSlim(parallel);
        var running = jobs.Select(async job =>
        {
            await slots.WaitAsync(CancellationToken.None);
            try
            {
                if (cancellation.IsCancellationRequested) { stopped = true; return; }
                var exitCode = await RunOne(command, job, environment, lines);
                lock (failures)
                {
                    if (exitCode == 130) stopped = true;
                    else if (exitCode != 0) failures.Add($"{job.Name} exited with {exitCode} (log: {job.LogFile})");
                }
            }
            finally
            {
                slots.Release();
            }
        }).ToArray();
        Task.WaitAll(running);
        if (failures.Count > 0) throw new InvalidOperationException($"{failures.Count} of {jobs.Count} worker processes failed: {string.Join("; ", failures)}");
        if (stopped || cancellation.IsCancellationRequested) throw new OperationCanceledException("worker processes were stopped");
    }

    private static async Task<int> RunOne(WorkerCommand command, WorkerJob job, IReadOnlyDictionary<string, string>? environment, IProgress<string>? lines)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(job.LogFile))!);
        var start = new ProcessStartInfo(command.FileName)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in command.LeadingArguments.Concat(job.Arguments)) start.ArgumentList.Add(argument);
        foreach (var (name, value) in environment ?? new Dictionary<string, string>()) start.Environment[name] = value;
        await using var log = new StreamWriter(job.LogFile, append: false) { AutoFlush = true };
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"could not start {command.FileName} for {job.Name}");
        async Task Pump(StreamReader reader)
        {
            while (await reader.ReadLineAsync() is { } line)
            {
                lock (log) log.WriteLine(line);
                lines?.Report($"[{job.Name}] {line}");
            }
        }
        await Task.WhenAll(Pump(process.StandardOutput), Pump(process.StandardError), process.WaitForExitAsync());
        return process.ExitCode;
    }
}
