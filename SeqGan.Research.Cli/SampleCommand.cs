using System.CommandLine;
using SeqGan.Research.Experiments;
using SeqGan.Research.Tensors;

namespace SeqGan.Research.Cli;

/// <summary>`seqgan sample --checkpoint DIR --count N [--temperature T]`: decoded text from a generator written by `seqgan train`.</summary>
internal static class SampleCommand
{
    public static Command Create()
    {
        var checkpoint = new Option<string>("--checkpoint") { Description = "a model folder written by `seqgan train` (<output>/model)", Required = true };
        var count = new Option<int>("--count") { Description = "number of sequences", DefaultValueFactory = _ => 10 };
        var seed = new Option<ulong>("--seed") { Description = "sampling seed (same seed, same text on the CPU)", DefaultValueFactory = _ => 1UL };
        var device = new Option<string>("--device") { Description = "cpu, cuda, cuda:N or auto", DefaultValueFactory = _ => "cpu" };
        var temperature = new Option<double>("--temperature")
        {
            Description = "sampling temperature T > 0: logits × α with α = 1/T (1: the model itself, the same text as without it; below 1: sharper, towards argmax)",
            DefaultValueFactory = _ => 1.0,
        };
        var command = new Command("sample", "Generate text with a trained model, one sequence per line") { checkpoint, count, seed, device, temperature };
        command.SetAction(parse =>
        {
            var n = parse.GetValue(count);
            if (n < 1) throw new ArgumentException($"--count must be at least 1, got {n}");
            var t = parse.GetValue(temperature);
            if (!double.IsFinite(t) || t <= 0) throw new ArgumentException($"--temperature must be a finite number above 0, got {t}");
            using var model = TrainedTextModel.Load(parse.GetValue(checkpoint)!, Device.Parse(parse.GetValue(device)!));
            foreach (var line in model.Sample(n, parse.GetValue(seed), 1 / t)) Console.WriteLine(line);
            return 0;
        });
        return command;
    }
}
