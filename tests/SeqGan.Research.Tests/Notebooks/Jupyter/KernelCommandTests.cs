using System.CommandLine;
using System.Text.Json.Nodes;
using SeqGan.Research.Cli;
using SeqGan.Research.Notebooks.Jupyter;

namespace SeqGan.Research.Tests.Notebooks.Jupyter;

/// <summary>`seqgan kernel` in process: bad connection files are errors naming the file; install and
/// uninstall write and remove kernel.json where Jupyter looks (here a temporary prefix).</summary>
public sealed class KernelCommandTests : IDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("seqgan-kernel-command-").FullName;

    private static (int ExitCode, string Output, Exception? Error) Run(params string[] args)
    {
        var root = new RootCommand { KernelCommand.Create() };
        var output = new StringWriter();
        var original = Console.Out;
        Console.SetOut(output);
        try
        {
            return (root.Parse(args).Invoke(new InvocationConfiguration { EnableDefaultExceptionHandler = false }), output.ToString(), null);
        }
        catch (Exception e)
        {
            return (-1, output.ToString(), e);
        }
        finally
        {
            Console.SetOut(original);
        }
    }

    [Fact]
    public void A_missing_connection_file_is_an_error_naming_it()
    {
        var path = Path.Combine(folder, "kernel-missing.json");
        var (_, _, error) = Run("kernel", "--connection-file", path);
        Assert.IsType<FileNotFoundException>(error);
        Assert.Contains(path, error!.Message);
    }

    [Theory]
    [InlineData("{ not json", "is not valid JSON")]
    [InlineData("""{"ip": "127.0.0.1", "key": "k"}""", "has no 'shell_port'")]
    [InlineData("""{"ip": "127.0.0.1", "shell_port": "x", "control_port": 1, "iopub_port": 2, "stdin_port": 3, "hb_port": 4}""", "'shell_port' is not a port number")]
    [InlineData("""{"ip": "127.0.0.1", "shell_port": 1, "control_port": 2, "iopub_port": 3, "stdin_port": 4, "hb_port": 5, "key": "k", "signature_scheme": "hmac-md5"}""", "signature_scheme 'hmac-md5' is not supported")]
    public void An_invalid_connection_file_is_an_error_naming_it(string content, string expected)
    {
        var path = Path.Combine(folder, "kernel-bad.json");
        File.WriteAllText(path, content);
        var (_, _, error) = Run("kernel", "--connection-file", path);
        Assert.IsType<InvalidDataException>(error);
        Assert.Contains(path, error!.Message);
        Assert.Contains(expected, error.Message);
    }

    [Fact]
    public void Install_writes_the_kernelspec_and_uninstall_removes_it()
    {
        var (code, output, error) = Run("kernel", "install", "--prefix", folder, "--name", "seqgan-test");
        Assert.Null(error);
        Assert.Equal(0, code);
        var specFile = Path.Combine(folder, "share", "jupyter", "kernels", "seqgan-test", "kernel.json");
        Assert.Contains(Path.GetDirectoryName(specFile)!, output);
        var spec = JsonNode.Parse(File.ReadAllText(specFile))!;
        Assert.Equal("C# (SeqGan.Research)", spec["display_name"]!.GetValue<string>());
        Assert.Equal("csharp", spec["language"]!.GetValue<string>());
        Assert.Equal("message", spec["interrupt_mode"]!.GetValue<string>());
        var argv = spec["argv"]!.AsArray().Select(a => a!.GetValue<string>()).ToList();
        Assert.True(Path.IsPathRooted(argv[0]), $"argv[0] is not absolute: {argv[0]}");
        Assert.Equal(["kernel", "--connection-file", "{connection_file}"], argv[^3..]);

        (code, output, error) = Run("kernel", "uninstall", "--prefix", folder, "--name", "seqgan-test");
        Assert.Null(error);
        Assert.Equal(0, code);
        Assert.False(File.Exists(specFile));
        (_, _, error) = Run("kernel", "uninstall", "--prefix", folder, "--name", "seqgan-test");
        Assert.IsType<IOException>(error);
    }

    [Fact]
    public void User_install_goes_to_JUPYTER_DATA_DIR()
    {
        var previous = Environment.GetEnvironmentVariable("JUPYTER_DATA_DIR");
        Environment.SetEnvironmentVariable("JUPYTER_DATA_DIR", Path.Combine(folder, "user-data"));
        try
        {
            Assert.Equal(Path.Combine(folder, "user-data"), KernelSpecInstaller.DataDirectory(user: true, prefix: null));
        }
        finally
        {
            Environment.SetEnvironmentVariable("JUPYTER_DATA_DIR", previous);
        }
    }

    public void Dispose() => Directory.Delete(folder, recursive: true);
}
