using System.CommandLine;

namespace SeqGan.Research.Tests.Cli;

/// <summary>
/// Runs `seqgan` subcommands in process, as Program.cs does (no default exception handler, so an error reaches the
/// test as the exception it is), and captures what they print on stdout.
/// </summary>
internal static class CliInvocation
{
    public static (int ExitCode, string Output, Exception? Error) Run(Command[] commands, string[] args)
    {
        var root = new RootCommand();
        foreach (var command in commands) root.Subcommands.Add(command);
        var output = new StringWriter();
        var original = Console.Out;
        Console.SetOut(output);
        try
        {
            var code = root.Parse(args).Invoke(new InvocationConfiguration { EnableDefaultExceptionHandler = false });
            return (code, output.ToString(), null);
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
}
