using System.CommandLine;
using SeqGan.Research.Cli;

var root = new RootCommand("seqgan — SeqGAN and its family, reproduced in C# over libtorch");
root.Subcommands.Add(InfoCommand.Create());
root.Subcommands.Add(BenchCommand.Create());
root.Subcommands.Add(ReproduceCommand.Create());
root.Subcommands.Add(SweepCommand.Create());
root.Subcommands.Add(EvalCommand.Create());
root.Subcommands.Add(NotebookCommand.Create());
root.Subcommands.Add(DataCommand.Create());
root.Subcommands.Add(TrainCommand.Create());
root.Subcommands.Add(SampleCommand.Create());
root.Subcommands.Add(KernelCommand.Create());
root.Subcommands.Add(SelfTestCommand.Create());
root.Subcommands.Add(ProfileCommand.Create());

// Taken now: while a notebook cell runs, Console.Error is that cell's stderr.
var errors = Console.Error;
AppDomain.CurrentDomain.UnhandledException += (_, e) => CliErrors.ReportUnhandled(e.ExceptionObject, errors);
try
{
    // Commands that can be stopped handle SIGINT/SIGTERM themselves (System.CommandLine's own handler throws on a
    // second Ctrl+C and cannot stop a command whose work blocks the thread).
    return await root.Parse(args).InvokeAsync(new InvocationConfiguration { EnableDefaultExceptionHandler = false, ProcessTerminationTimeout = null });
}
catch (Exception e)
{
    return CliErrors.Report(e, errors);
}
