using System.CommandLine;
using SeqGan.Research.Experiments;
using SeqGan.Research.Tensors;

namespace SeqGan.Research.Cli;

/// <summary>`seqgan sample --checkpoint DIR --count N`: decoded text from a generator written by `seqgan train`.</summary>
internal static class SampleCommand
{
    public static Command Create()
    {
        var checkpoint = new Option<string>("--checkpoint") { Description = "a model folder written by `seqgan train` (<output>/model)", Required = true };
        var count = new Option<int>("--count") { Description = "number of sequences", DefaultValueFactory = _ => 10 };
        var seed = new Option<ulong>("--seed") { Description = "sampling seed (same seed, same text on the CPU)", DefaultValueFactory = _ => 1UL };
        var device = new Option<string>("--device") { Description = "cpu, cuda, cuda:N or auto", DefaultValueFactory = _ => "cpu" };
        var command = new Command("sample", "Generate text with a trained model, one sequence per line") { checkpoint, count, seed, device };
        command.SetAction(parse =>
        {
            var n = parse.GetValue(count);
            if (n < 1) throw new ArgumentException($"--count must be at least 1, got {n}");
            using var model = TrainedTextModel.Load(parse.GetValue(checkpoint)!, Device.Parse(parse.GetValue(device)!));
            foreach (var line in model.Sample(n, parse.GetValue(seed))) Console.WriteLine(line);
            return 0;
        });
        return command;
    }
}
