using System.CommandLine;
using SeqGan.Research.Benchmarks;
using SeqGan.Research.Experiments;
using SeqGan.Research.Tensors;

namespace SeqGan.Research.Cli;

/// <summary>`seqgan profile --preset paper --device cuda`: per-step costs of Algorithm 1 on a device and the wall time
/// they add up to for one seed of Table 1 (the last line is the estimate in seconds, for scripts).</summary>
internal static class ProfileCommand
{
    public static Command Create()
    {
        var preset = new Option<string>("--preset") { Description = "smoke, quick or paper: the sizes measured and the schedule estimated", DefaultValueFactory = _ => "paper" };
        var device = new Option<string>("--device") { Description = "cpu, cuda, cuda:N or auto", DefaultValueFactory = _ => "auto" };
        var steps = new Option<int>("--steps") { Description = "discriminator steps timed", DefaultValueFactory = _ => 200 };
        var command = new Command("profile", "Measure step costs (time, ATen operators, host reads) on a device and estimate one Table 1 seed") { preset, device, steps };
        command.SetAction(parse =>
        {
            var chosen = OraclePreset.ByName(parse.GetValue(preset)!);
            var target = Device.Parse(parse.GetValue(device)!);
            if (parse.GetValue(steps) < 1) throw new ArgumentException("--steps must be at least 1");
            var profile = TrainingStepProfile.Measure(chosen, target, parse.GetValue(steps), new Progress<string>(s => Console.Error.WriteLine($"measuring: {s}")));
            foreach (var line in profile.Describe()) Console.WriteLine(line);
            Console.WriteLine($"seed-seconds {profile.SeedSeconds:F0}");
            return 0;
        });
        return command;
    }
}
