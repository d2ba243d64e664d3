using System.Diagnostics;
using SeqGan.Research.Cli;
using SeqGan.Research.Notebooks.Jupyter;

namespace SeqGan.Research.Tests.Notebooks.Jupyter;

/// <summary>
/// A temporary Jupyter installation for one test: the kernelspec of the seqgan built beside the tests, installed
/// into a temporary data folder that JUPYTER_PATH / JUPYTER_DATA_DIR point at (never the user's or the system's),
/// and a runner for Debian's python3 and jupyter with that environment.
/// </summary>
internal sealed class JupyterEnvironment : IDisposable
{
    public const string KernelName = "seqgan-csharp-test";

    /// <summary>Debian's, not a pyenv python3 that may be first on PATH without jupyter_client.</summary>
    public const string Python = "/usr/bin/python3";
    public const string Jupyter = "/usr/bin/jupyter";

    public JupyterEnvironment()
    {
        Folder = Directory.CreateTempSubdirectory("seqgan-jupyter-").FullName;
        KernelSpecInstaller.Install(DataDirectory, KernelName, KernelCommand.CommandFor(Path.Combine(AppContext.BaseDirectory, "seqgan.dll")));
    }

    public string Folder { get; }

    public string DataDirectory => Path.Combine(Folder, "data");

    public (int ExitCode, string Stdout, string Stderr) Run(string program, IEnumerable<string> arguments, TimeSpan timeout)
    {
        var start = new ProcessStartInfo(program)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = Folder,
        };
        foreach (var argument in arguments) start.ArgumentList.Add(argument);
        start.Environment["JUPYTER_PATH"] = DataDirectory;
        start.Environment["JUPYTER_DATA_DIR"] = DataDirectory;
        start.Environment["JUPYTER_RUNTIME_DIR"] = Path.Combine(Folder, "runtime");
        start.Environment["JUPYTER_CONFIG_DIR"] = Path.Combine(Folder, "config");
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"cannot start {program}");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(timeout))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{program} {string.Join(' ', start.ArgumentList)} ran over {timeout.TotalSeconds} s\n{stderr.Result}");
        }
        return (process.ExitCode, stdout.Result, stderr.Result);
    }

    public void Dispose() => Directory.Delete(Folder, recursive: true);
}
