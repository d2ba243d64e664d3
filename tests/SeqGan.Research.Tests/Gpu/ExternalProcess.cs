using System.Diagnostics;

namespace SeqGan.Research.Tests.Gpu;

/// <summary>Runs a program to completion (bounded), capturing stdout and stderr together.</summary>
internal static class ExternalProcess
{
    /// <summary>The `seqgan` apphost built beside the tests (a project reference copies it).</summary>
    public static string Seqgan => Path.Combine(AppContext.BaseDirectory, "seqgan");

    public static string RepositoryRoot
    {
        get
        {
            for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
                if (File.Exists(Path.Combine(dir.FullName, "SeqGan.Research.slnx"))) return dir.FullName;
            throw new DirectoryNotFoundException("the repository root (SeqGan.Research.slnx) is not above the test binaries");
        }
    }

    /// <param name="environment">variables set (or, with a null value, removed) in the child</param>
    public static (int ExitCode, string Output) Run(string fileName, IEnumerable<string> arguments, TimeSpan limit, string? workingDirectory = null,
        IReadOnlyDictionary<string, string?>? environment = null)
    {
        var start = new ProcessStartInfo(fileName)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = workingDirectory ?? Environment.CurrentDirectory,
        };
        foreach (var argument in arguments) start.ArgumentList.Add(argument);
        foreach (var (name, value) in environment ?? new Dictionary<string, string?>())
            if (value is null) start.Environment.Remove(name);
            else start.Environment[name] = value;
        using var process = Process.Start(start)!;
        var output = new System.Text.StringBuilder();
        process.OutputDataReceived += (_, e) => { if (e.Data is not null) lock (output) output.AppendLine(e.Data); };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) lock (output) output.AppendLine(e.Data); };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        if (!process.WaitForExit(limit))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{fileName} {string.Join(' ', arguments)} did not finish within {limit}:\n{output}");
        }
        process.WaitForExit();
        return (process.ExitCode, output.ToString());
    }
}
