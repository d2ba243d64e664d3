using System.CommandLine;
using SeqGan.Research.Cli;

var root = new RootCommand("seqgan — SeqGAN and its family, reproduced in C# over libtorch");
root.Subcommands.Add(InfoCommand.Create());
root.Subcommands.Add(BenchCommand.Create());
return await root.Parse(args).InvokeAsync();
