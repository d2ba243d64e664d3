using System.CommandLine;
using SeqGan.Research.Cli;
using SeqGan.Research.Tensors;

var root = new RootCommand("seqgan — SeqGAN and its family, reproduced in C# over libtorch");
root.Subcommands.Add(InfoCommand.Create());
root.Subcommands.Add(BenchCommand.Create());
root.Subcommands.Add(ReproduceCommand.Create());
root.Subcommands.Add(EvalCommand.Create());
root.Subcommands.Add(NotebookCommand.Create());
root.Subcommands.Add(DataCommand.Create());
root.Subcommands.Add(TrainCommand.Create());
root.Subcommands.Add(SampleCommand.Create());
root.Subcommands.Add(KernelCommand.Create());
root.Subcommands.Add(SelfTestCommand.Create());
root.Subcommands.Add(ProfileCommand.Create());

try
{
    return await root.Parse(args).InvokeAsync(new InvocationConfiguration { EnableDefaultExceptionHandler = false });
}
catch (OperationCanceledException)
{
    Console.Error.WriteLine("stopped; completed work is checkpointed — run the same command with --resume to continue");
    return 130;
}
catch (Exception e) when (e is ArgumentException or FormatException or IOException or InvalidDataException or TorchException or DllNotFoundException or InvalidOperationException or SeqGan.Research.Plotting.PlottingSetupException)
{
    // Bad input and environment problems: one clear line, no stack trace.
    Console.Error.WriteLine($"error: {e.Message}");
    return 2;
}
