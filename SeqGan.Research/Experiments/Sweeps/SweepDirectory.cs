using System.Text.Json;
using SeqGan.Research.Experiments.Parallel;
using SeqGan.Research.Storage;

namespace SeqGan.Research.Experiments.Sweeps;

/// <summary>What a sweep folder's sweep.json holds: the grid, the backend, and the Slurm job that runs it (if any).</summary>
public sealed record SweepManifest(SweepGrid Grid, string Backend, string? SlurmJobId);

/// <summary>Where a task stands, from its folder: finished (results.json), failed (failed.txt with the error), or
/// missing (neither: not yet run, still running, or killed before it could write either).</summary>
public enum SweepTaskState { Finished, Failed, Missing }

/// <summary>One task's folder and state.</summary>
public sealed record SweepTaskStatus(SweepTask Task, SweepTaskState State, string Folder, string LogFile, string? Failure)
{
    public string ResultsFile => Path.Combine(Folder, OracleResultsFile.FileName);
}

/// <summary>
/// A sweep folder: sweep.json (the manifest), and per task <c>tasks/INDEX/</c> with its checkpoints, log.txt and, when
/// it ends, results.json or failed.txt. Task folders are named by index because Slurm's output pattern knows only the
/// array index (<c>%a</c>); each folder's task.json says which task it is.
/// </summary>
public sealed class SweepDirectory(string path)
{
    public const string ManifestName = "sweep.json";
    public const string FailureName = "failed.txt";

    public string Path { get; } = System.IO.Path.GetFullPath(path);

    public string ManifestFile => System.IO.Path.Combine(Path, ManifestName);

    public string TaskFolder(int index) => System.IO.Path.Combine(Path, "tasks", index.ToString(System.Globalization.CultureInfo.InvariantCulture));

    public string LogFile(int index) => System.IO.Path.Combine(TaskFolder(index), "log.txt");

    public bool Exists => File.Exists(ManifestFile);

    public SweepManifest ReadManifest()
    {
        if (!Exists) throw new FileNotFoundException($"{Path}: not a sweep folder (no {ManifestName}; `seqgan sweep EXPERIMENT --out {Path}` makes one)", ManifestFile);
        try
        {
            return JsonSerializer.Deserialize<SweepManifest>(File.ReadAllText(ManifestFile)) ?? throw new InvalidDataException($"{ManifestFile}: empty");
        }
        catch (JsonException e)
        {
            throw new InvalidDataException($"{ManifestFile}: not a sweep manifest ({e.Message})", e);
        }
    }

    /// <summary>Writes the manifest and each task's folder with its task.json.</summary>
    public void Write(SweepManifest manifest, IReadOnlyList<SweepTask> tasks)
    {
        Directory.CreateDirectory(Path);
        foreach (var task in tasks)
        {
            Directory.CreateDirectory(TaskFolder(task.Index));
            AtomicFile.WriteAllText(System.IO.Path.Combine(TaskFolder(task.Index), "task.json"), JsonSerializer.Serialize(task));
        }
        AtomicFile.WriteAllText(ManifestFile, JsonSerializer.Serialize(manifest, new JsonSerializerOptions { WriteIndented = true }));
    }

    public SweepTaskStatus Status(SweepTask task)
    {
        var folder = TaskFolder(task.Index);
        var failure = System.IO.Path.Combine(folder, FailureName);
        var state = File.Exists(System.IO.Path.Combine(folder, OracleResultsFile.FileName)) ? SweepTaskState.Finished
            : File.Exists(failure) ? SweepTaskState.Failed : SweepTaskState.Missing;
        return new SweepTaskStatus(task, state, folder, LogFile(task.Index),
            state == SweepTaskState.Failed ? File.ReadAllText(failure).Trim() : null);
    }

    /// <summary>Marks a task failed (its error, one line); a later successful run of the task removes the mark.</summary>
    public void MarkFailed(SweepTask task, string error) =>
        AtomicFile.WriteAllText(System.IO.Path.Combine(TaskFolder(task.Index), FailureName), error + "\n");

    public void ClearFailure(SweepTask task) => File.Delete(System.IO.Path.Combine(TaskFolder(task.Index), FailureName));
}
