using System.CommandLine;
using System.Text.Json;
using SeqGan.Research.Benchmarks;
using SeqGan.Research.Storage;
using Spectre.Console;

namespace SeqGan.Research.Cli;

/// <summary>`seqgan bench`: medians of repeated timings of the kit's hot paths.</summary>
internal static class BenchCommand
{
    public static Command Create()
    {
        var runs = new Option<int>("--runs") { Description = "timed repetitions per benchmark (the median is reported)", DefaultValueFactory = _ => 5 };
        var json = new Option<string?>("--json") { Description = "also write the results to this JSON file" };
        var suite = new Option<string>("--suite") { Description = "foundation (bridge, generator step, discriminator step) or seqgan (MLE epoch, sampling, adversarial step, D epoch)", DefaultValueFactory = _ => "foundation" };
        var command = new Command("bench", "Time the kit's hot paths (medians of --runs)") { runs, json, suite };
        command.SetAction(parse =>
        {
            var runCount = parse.GetValue(runs);
            if (runCount < 1) throw new ArgumentException("--runs must be at least 1");
            var results = new List<BenchmarkResult>();
            var report = new Progress<string>(s => Console.Error.WriteLine($"running: {s}"));
            var suiteResults = parse.GetValue(suite) switch
            {
                "foundation" => FoundationBenchmarks.RunAll(runCount, report),
                "seqgan" => SeqGanBenchmarks.RunAll(runCount, report),
                var other => throw new ArgumentException($"--suite: unknown suite '{other}' (expected foundation or seqgan)"),
            };
            results.AddRange(suiteResults);
            var table = BenchTable.Render(results);
            AnsiConsole.Write(table);
            if (parse.GetValue(json) is { } path)
                AtomicFile.WriteAllText(path, JsonSerializer.Serialize(results, new JsonSerializerOptions { WriteIndented = true }));
            return 0;
        });
        return command;
    }
}
