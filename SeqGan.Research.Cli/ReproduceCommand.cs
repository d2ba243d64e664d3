using System.CommandLine;
using SeqGan.Research.Experiments;
using SeqGan.Research.Tensors;
using SeqGan.Research.Training;

namespace SeqGan.Research.Cli;

/// <summary>`seqgan reproduce table1|figure2|figure3|table2|table3|table4|organ`: runs the paper's experiments (synthetic and real data), or ORGAN's music table, with a preset.</summary>
internal static class ReproduceCommand
{
    public static Command Create()
    {
        var experiment = new Argument<string>("experiment") { Description = "table1, figure2 (same runs as table1), figure3 (synthetic); table2 (poems), table3 (Obama), table4 (music); or organ (ORGAN's music table and λ sweep)" };
        var preset = new Option<string>("--preset") { Description = "smoke (seconds), quick (minutes on a CPU) or paper (the original schedule; GPU)", DefaultValueFactory = _ => "quick" };
        var seeds = new Option<int>("--seeds") { Description = "number of seeds (1..N); Table 1 reports mean ± std and Welch p-values over them", DefaultValueFactory = _ => 1 };
        var device = new Option<string>("--device") { Description = "cpu, cuda, cuda:N or auto", DefaultValueFactory = _ => "cpu" };
        var output = new Option<string?>("--out", "--output") { Description = "output folder (default out/<experiment>-<preset>)" };
        var resume = new Option<bool>("--resume") { Description = "continue from the checkpoints in the output folder" };
        var methods = new Option<string?>("--methods") { Description = "table1 only: comma-separated subset, e.g. MLE,SeqGAN" };
        var command = new Command("reproduce", "Reproduce a table or figure of the SeqGAN paper")
            { experiment, preset, seeds, device, output, resume, methods };
        command.SetAction(parse =>
        {
            var name = parse.GetValue(experiment)!.ToLowerInvariant();
            var seedCount = parse.GetValue(seeds);
            if (seedCount < 1) throw new ArgumentException("--seeds must be at least 1");
            var seedList = Enumerable.Range(1, seedCount).ToList();
            var options = new RunOptions { Device = Device.Parse(parse.GetValue(device)!), Resume = parse.GetValue(resume) };
            var presetName = parse.GetValue(preset)!;
            var outputDirectory = parse.GetValue(output);
            Console.Error.WriteLine($"{name}: preset {presetName}, seeds {string.Join(",", seedList)}, device {options.Device}{(options.Resume ? ", resuming" : "")}");

            // Ctrl+C stops at the next step boundary; the last checkpoint stays valid for --resume.
            using var cancel = new CancellationTokenSource();
            Console.CancelKeyPress += (_, e) => { e.Cancel = true; cancel.Cancel(); };
            var (table, files, skipped) = name switch
            {
                "table2" or "table3" or "table4" => ProgressDisplay.Run(reporter =>
                {
                    var result = RealDataExperiments.Run(RealDataTask.ByName(name), RealDataPreset.ByName(presetName), seedList, options, outputDirectory,
                        progress: reporter, cancellation: cancel.Token);
                    return (result.Table.ToMarkdown(), result.Files.Where(f => !f.Contains($"{Path.DirectorySeparatorChar}split{Path.DirectorySeparatorChar}")).ToList(),
                        (IReadOnlyList<string>)[]);
                }),
                "organ" => ProgressDisplay.Run(reporter =>
                {
                    var chosen = OrganPreset.ByName(presetName);
                    var result = OrganExperiments.TableAndSweep(null, chosen, seedList, options, outputDirectory ?? OutputFolders.Default("organ", chosen.Name), reporter, cancel.Token);
                    return (result.Table.ToMarkdown(), result.Files, result.Skipped);
                }),
                "table1" or "figure2" or "figure3" => ProgressDisplay.Run(reporter =>
                {
                    var chosen = OraclePreset.ByName(presetName);
                    var result = name == "figure3"
                        ? OracleExperiments.Figure3(chosen, seedList, options, outputDirectory, reporter, cancel.Token)
                        : OracleExperiments.Table1AndFigure2(chosen, seedList, options, outputDirectory, reporter, cancel.Token,
                            parse.GetValue(methods)?.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).Select(chosen.Table1Method).ToList());
                    Console.Error.WriteLine($"oracle: {result.OracleSource}");
                    return (result.Table?.ToMarkdown() ?? string.Join('\n', result.Results.Select(r =>
                        $"{r.Method} seed {r.Seed}: NLL-oracle {r.NllOracle:F3}, NLL-test {r.NllTest:F3}, {r.WallSeconds:F0} s")), result.Files, result.Skipped);
                }),
                _ => throw new ArgumentException($"unknown experiment '{name}' (expected table1, figure2, figure3, table2, table3, table4 or organ)"),
            };
            foreach (var reason in skipped) Console.Error.WriteLine($"warning: {reason}");
            Console.WriteLine(table);
            foreach (var file in files) Console.WriteLine($"wrote {file}");
            return 0;
        });
        return command;
    }
}
