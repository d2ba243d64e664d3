using System.CommandLine;
using SeqGan.Research.Notebooks.Jupyter;

namespace SeqGan.Research.Cli;

/// <summary>`seqgan kernel --connection-file F` runs the Jupyter kernel for the kit's C# notebooks (Jupyter starts
/// it so); `seqgan kernel install` / `uninstall` register it with Jupyter and VS Code.</summary>
internal static class KernelCommand
{
    public static Command Create()
    {
        var connectionFile = new Option<string?>("--connection-file", "-f") { Description = "the connection file Jupyter wrote (ports and signing key)" };
        var maxMessageSize = new Option<string>("--max-message-size")
        {
            Description = "the largest message accepted on any socket, in bytes or with K, M or G (a peer sending more is disconnected)",
            DefaultValueFactory = _ => $"{JupyterKernel.DefaultMaxMessageBytes >> 20}M",
        };
        var kernel = new Command("kernel", "A Jupyter kernel for C# notebooks (Roslyn scripting with the kit loaded); started by Jupyter through its kernelspec")
        {
            connectionFile, maxMessageSize, Install(), Uninstall(),
        };
        kernel.SetAction(parse => Run(parse.GetValue(connectionFile), ParseByteSize(parse.GetValue(maxMessageSize)!, "--max-message-size")));
        return kernel;
    }

    private static int Run(string? connectionFile, long maxMessageBytes)
    {
        if (connectionFile is null)
            throw new ArgumentException("seqgan kernel needs --connection-file FILE (Jupyter passes it); to register the kernel: seqgan kernel install --user");
        var log = Console.Error;
        using var jupyterKernel = new JupyterKernel(connectionFile, log, maxMessageBytes: maxMessageBytes);
        log.WriteLine($"seqgan kernel: serving {Path.GetFullPath(connectionFile)}; messages over {maxMessageBytes:N0} bytes are refused");
        jupyterKernel.Run();
        return 0;
    }

    private static Command Install()
    {
        var user = new Option<bool>("--user") { Description = "install for this user (Jupyter's user data folder, $JUPYTER_DATA_DIR if set)" };
        var name = NameOption();
        var prefix = new Option<string?>("--prefix") { Description = "install into PREFIX/share/jupyter/kernels (e.g. a virtual environment's folder)" };
        var install = new Command("install", $"Register this seqgan as the Jupyter kernel \"{KernelSpecInstaller.DisplayName}\"") { user, name, prefix };
        install.SetAction(parse =>
        {
            var data = KernelSpecInstaller.DataDirectory(parse.GetValue(user), parse.GetValue(prefix));
            var folder = KernelSpecInstaller.Install(data, parse.GetValue(name)!, CommandOfThisProgram());
            Console.WriteLine($"installed kernelspec {parse.GetValue(name)} in {folder}");
            return 0;
        });
        return install;
    }

    private static Command Uninstall()
    {
        var name = NameOption();
        var prefix = new Option<string?>("--prefix") { Description = "also look in PREFIX/share/jupyter/kernels" };
        var uninstall = new Command("uninstall", "Remove the kernelspec from the user's and the system's Jupyter folders") { name, prefix };
        uninstall.SetAction(parse =>
        {
            var kernelName = parse.GetValue(name)!;
            var folders = new List<string> { KernelSpecInstaller.UserDataDirectory(), KernelSpecInstaller.SystemDataDirectory };
            if (parse.GetValue(prefix) is { } p) folders.Insert(0, KernelSpecInstaller.DataDirectory(false, p));
            var removed = KernelSpecInstaller.Uninstall(folders, kernelName);
            if (removed.Count == 0) throw new IOException($"no kernelspec '{kernelName}' in {string.Join(", ", folders.Select(f => Path.Combine(f, "kernels")))}");
            foreach (var folder in removed) Console.WriteLine($"removed {folder}");
            return 0;
        });
        return uninstall;
    }

    /// <summary>"65536", "64K", "256M", "1G" (powers of 1024) as bytes, within 1 KiB .. 2 GiB - 1.</summary>
    internal static long ParseByteSize(string text, string option)
    {
        var trimmed = text.Trim();
        var shift = trimmed.Length == 0 ? 0 : char.ToUpperInvariant(trimmed[^1]) switch { 'K' => 10, 'M' => 20, 'G' => 30, _ => 0 };
        var digits = shift == 0 ? trimmed : trimmed[..^1];
        if (!long.TryParse(digits, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var number)
            || number > (long.MaxValue >> shift)
            || (number << shift) is < 1024 or > int.MaxValue)
            throw new ArgumentException($"{option} must be a size from 1K to 2047M (bytes, or a number with K, M or G), got '{text}'");
        return number << shift;
    }

    private static Option<string> NameOption() => new("--name")
    {
        Description = "the kernelspec's name, which notebooks record in their metadata",
        DefaultValueFactory = _ => KernelSpecInstaller.DefaultName,
    };

    /// <summary>The absolute command that runs this seqgan: its native launcher when there is one beside seqgan.dll,
    /// else the dotnet host with the dll (as under `dotnet run`).</summary>
    internal static IReadOnlyList<string> CommandOfThisProgram() => CommandFor(typeof(KernelCommand).Assembly.Location);

    internal static IReadOnlyList<string> CommandFor(string assemblyPath)
    {
        var launcher = Path.ChangeExtension(assemblyPath, null);
        if (File.Exists(launcher)) return [launcher];
        var host = Environment.ProcessPath is { } process && Path.GetFileNameWithoutExtension(process) == "dotnet"
            ? process
            : Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet";
        return [host, assemblyPath];
    }
}
