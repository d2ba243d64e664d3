using System.Diagnostics;
using System.Text.Json.Nodes;
using SeqGan.Research.Cli;
using SeqGan.Research.Notebooks.Jupyter;

namespace SeqGan.Research.Tests.Notebooks.Jupyter;

/// <summary>
/// A temporary Jupyter installation for one test: the kernelspec of the seqgan built beside the tests, installed
/// into a temporary data folder that JUPYTER_PATH / JUPYTER_DATA_DIR point at (never the user's or the system's),
/// and a runner for Debian's python3 and jupyter with that environment. <see cref="InstallDotnetInteractive"/> adds
/// the .NET Interactive kernel beside it.
/// </summary>
internal sealed class JupyterEnvironment : IDisposable
{
    public const string KernelName = "seqgan-csharp-test";

    /// <summary>Debian's, not a pyenv python3 that may be first on PATH without jupyter_client.</summary>
    public const string Python = "/usr/bin/python3";
    public const string Jupyter = "/usr/bin/jupyter";

    /// <summary>The kernelspec name `dotnet interactive jupyter install` gives its C# kernel.</summary>
    public const string DotnetInteractiveKernelName = ".net-csharp";

    public JupyterEnvironment()
    {
        Folder = Directory.CreateTempSubdirectory("seqgan-jupyter-").FullName;
        KernelSpecInstaller.Install(DataDirectory, KernelName, KernelCommand.CommandFor(Path.Combine(AppContext.BaseDirectory, "seqgan.dll")));
    }

    public string Folder { get; }

    public string DataDirectory => Path.Combine(Folder, "data");

    /// <summary>
    /// .NET Interactive's Jupyter kernels, from the tool pinned in .config/dotnet-tools.json (restored by
    /// scripts/bootstrap.sh), written by its own `jupyter install` into this data folder. Its kernelspec runs
    /// `dotnet interactive`, which finds the tool through the manifest: notebooks must run inside the repository.
    /// </summary>
    public void InstallDotnetInteractive()
    {
        var root = Path.GetDirectoryName(TeachingNotebookTests.NotebooksFolder)!;
        var (code, stdout, stderr) = Run("dotnet", ["interactive", "jupyter", "install", "--path", Path.Combine(DataDirectory, "kernels")],
            TimeSpan.FromMinutes(3), workingDirectory: root);
        if (code != 0 || !File.Exists(Path.Combine(DataDirectory, "kernels", DotnetInteractiveKernelName, "kernel.json")))
            throw new InvalidOperationException(
                $"`dotnet interactive jupyter install` failed (exit {code}): run scripts/bootstrap.sh, which restores the tool (dotnet tool restore)\n{stdout}\n{stderr}");
    }

    /// <summary>
    /// `jupyter nbconvert --execute` of <paramref name="notebookPath"/> on <paramref name="kernel"/>. The notebook goes in
    /// on stdin, so the kernel starts in <paramref name="workingDirectory"/> — as for a notebook saved there (relative
    /// <c>#r</c> paths resolve from it). Returns the executed notebook, written to <paramref name="outputPath"/>.
    /// </summary>
    public JsonNode Execute(string notebookPath, string kernel, string workingDirectory, string outputPath, TimeSpan timeout,
        bool allowErrors = false, IReadOnlyDictionary<string, string>? environment = null)
    {
        var (code, _, stderr) = Run(Jupyter,
        [
            "nbconvert", "--to", "notebook", "--execute", "--stdin", .. allowErrors ? new[] { "--allow-errors" } : [],
            $"--ExecutePreprocessor.kernel_name={kernel}", $"--ExecutePreprocessor.timeout={(int)timeout.TotalSeconds}",
            "--ExecutePreprocessor.startup_timeout=180",
            "--output-dir", Path.GetDirectoryName(outputPath)!, "--output", Path.GetFileNameWithoutExtension(outputPath),
        ], timeout + TimeSpan.FromMinutes(3), workingDirectory, File.ReadAllText(notebookPath), environment);
        Assert.True(code == 0, $"nbconvert --execute of {notebookPath} on {kernel} failed (exit {code}):\n{stderr}");
        return JsonNode.Parse(File.ReadAllText(outputPath))!;
    }

    public (int ExitCode, string Stdout, string Stderr) Run(string program, IEnumerable<string> arguments, TimeSpan timeout,
        string? workingDirectory = null, string? standardInput = null, IReadOnlyDictionary<string, string>? environment = null)
    {
        var start = new ProcessStartInfo(program)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = standardInput is not null,
            WorkingDirectory = workingDirectory ?? Folder,
        };
        foreach (var argument in arguments) start.ArgumentList.Add(argument);
        start.Environment["JUPYTER_PATH"] = DataDirectory;
        start.Environment["JUPYTER_DATA_DIR"] = DataDirectory;
        start.Environment["JUPYTER_RUNTIME_DIR"] = Path.Combine(Folder, "runtime");
        start.Environment["JUPYTER_CONFIG_DIR"] = Path.Combine(Folder, "config");
        // .NET Interactive and the dotnet CLI would otherwise send usage data to a host this machine cannot reach.
        start.Environment["DOTNET_INTERACTIVE_CLI_TELEMETRY_OPTOUT"] = "1";
        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        foreach (var (name, value) in environment ?? new Dictionary<string, string>()) start.Environment[name] = value;
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"cannot start {program}");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (standardInput is not null)
        {
            process.StandardInput.Write(standardInput);
            process.StandardInput.Close();
        }
        if (!process.WaitForExit(timeout))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{program} {string.Join(' ', start.ArgumentList)} ran over {timeout.TotalSeconds} s\n{stderr.Result}");
        }
        return (process.ExitCode, stdout.Result, stderr.Result);
    }

    public void Dispose() => Directory.Delete(Folder, recursive: true);
}
