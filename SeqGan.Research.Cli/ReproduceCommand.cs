using System.CommandLine;
using SeqGan.Research.Data;
using SeqGan.Research.Experiments;
using SeqGan.Research.Experiments.Parallel;
using SeqGan.Research.Experiments.Sweeps;
using SeqGan.Research.Storage;
using SeqGan.Research.Tensors;
using SeqGan.Research.Training;

namespace SeqGan.Research.Cli;

/// <summary>`seqgan reproduce table1|figure2|figure3|frontier|pretraining|table2|table3|table4|organ|estimators`: the paper's experiments
/// (synthetic and real data), ORGAN's music table or the estimator lab, with a preset. Parses the arguments and calls the
/// library, which runs, writes the tables, curves and figures, and decides where they go.</summary>
internal static class ReproduceCommand
{
    public static Command Create()
    {
        var experiment = new Argument<string>("experiment") { Description = "table1, figure2 (same runs as table1), figure3 (synthetic); pretraining (MLE pretraining against master's logged curve); table2 (poems), table3 (Obama), table4 (music); frontier (every Table 1 method over the sampling temperature: NLL-test against NLL-oracle, Caccia et al. 2020); organ (ORGAN's music table and λ sweep); or estimators (gradient estimators against the exact gradient on a tiny oracle)" };
        var preset = new Option<string>("--preset") { Description = "smoke (seconds), quick (minutes on a CPU) or paper (master's 2017 schedule; GPU)", DefaultValueFactory = _ => "quick" };
        var seeds = new Option<int>("--seeds") { Description = "number of seeds (1..N); Table 1 reports mean ± std and Welch p-values over them", DefaultValueFactory = _ => 1 };
        var device = new Option<string>("--device") { Description = "cpu, cuda, cuda:N or auto", DefaultValueFactory = _ => "cpu" };
        var output = new Option<string?>("--out", "--output") { Description = "output folder (default out/<experiment>-<preset>)" };
        var resume = new Option<bool>("--resume") { Description = "continue from the checkpoints in the output folder" };
        var force = new Option<bool>("--force") { Description = "start over, deleting the checkpoints of an earlier run in the output folder" };
        var methods = new Option<string?>("--methods") { Description = "table1 and frontier: comma-separated subset, e.g. MLE,SeqGAN" };
        var checkpoints = new Option<string?>("--checkpoints") { Description = "frontier only: the checkpoint folder to train into or, with --resume, to sweep without training (e.g. out/table1-quick/checkpoints; default <output>/checkpoints)" };
        var onlySeed = new Option<int?>("--seed") { Description = "table1 only: run this one seed (instead of 1..--seeds)" };
        var parallel = new Option<int>("--parallel") { Description = "table1 only: run the seeds as this many concurrent processes, merged into one table", DefaultValueFactory = _ => 1 };
        var fromResults = new Option<string?>("--from-results") { Description = "table1 only: no training; the table and figures of these results.json files (comma-separated), e.g. those a GPU run brought back" };
        var overrides = new Option<string[]>("--set") { Description = "table1/figure3 only: a preset setting, e.g. --set Rollouts=8 (repeatable; what one cell of `seqgan sweep --set` runs)" };
        var command = new Command("reproduce", "Reproduce a table or figure of the SeqGAN paper")
            { experiment, preset, seeds, device, output, resume, force, methods, onlySeed, parallel, fromResults, overrides, checkpoints };
        command.SetAction(parse =>
        {
            var name = parse.GetValue(experiment)!.ToLowerInvariant();
            var presetName = parse.GetValue(preset)!;
            if (name == "estimators") return EstimatorsReproduce.Run(presetName, parse.GetValue(seeds), parse.GetValue(output), parse.GetValue(resume));
            var seedCount = parse.GetValue(seeds);
            if (seedCount < 1) throw new ArgumentException("--seeds must be at least 1");
            var seedList = parse.GetValue(onlySeed) is { } single ? [single] : Enumerable.Range(1, seedCount).ToList();
            if (seedList[0] < 1) throw new ArgumentException($"--seed must be at least 1, got {seedList[0]}");
            if (parse.GetValue(parallel) < 1) throw new ArgumentException("--parallel must be at least 1");
            var options = new RunOptions { Device = Device.Parse(parse.GetValue(device)!), Resume = parse.GetValue(resume), Force = parse.GetValue(force) };
            if (options.Resume && options.Force) throw new ArgumentException("--resume and --force contradict each other: choose one");
            // Refused before anything is written: an empty path, the filesystem root, a file, a folder that cannot be written.
            string Output(string folderExperiment, string folderPreset) =>
                OutputLocation.PrepareFolder(parse.GetValue(output) ?? OutputFolders.Default(folderExperiment, folderPreset), "--output");
            Console.Error.WriteLine($"{name}: preset {presetName}, seeds {string.Join(",", seedList)}, device {options.Device}{(options.Resume ? ", resuming" : "")}");

            // Ctrl+C stops at the next step boundary; the last checkpoint stays valid for --resume.
            using var cancel = new CancellationTokenSource();
            Console.CancelKeyPress += (_, e) => { e.Cancel = true; cancel.Cancel(); };
            var (text, files, skipped) = name switch
            {
                "table2" or "table3" or "table4" => ProgressDisplay.Run(reporter =>
                {
                    var (task, chosen) = (RealDataTask.ByName(name), RealDataPreset.ByName(presetName));
                    var result = RealDataExperiments.Run(task, chosen, seedList, options, Output(task.Name, chosen.Name), progress: reporter, cancellation: cancel.Token);
                    return (result.Table.ToMarkdown(), result.Files.Where(f => !f.Contains($"{Path.DirectorySeparatorChar}split{Path.DirectorySeparatorChar}")).ToList(),
                        (IReadOnlyList<string>)[]);
                }),
                "organ" => ProgressDisplay.Run(reporter =>
                {
                    var chosen = OrganPreset.ByName(presetName);
                    var result = OrganExperiments.TableAndSweep(null, chosen, seedList, options, Output("organ", chosen.Name), reporter, cancel.Token);
                    return (result.Table.ToMarkdown(), result.Files, result.Skipped);
                }),
                "pretraining" => ProgressDisplay.Run(reporter =>
                {
                    var chosen = OraclePreset.ByName(presetName);
                    var log = PaperOracleFile.FindMasterLog()
                        ?? throw new FileNotFoundException($"master's log {PaperOracleFile.MasterLogRelativePath} not found: run `seqgan data fetch seqgan_oracle` or set {DataCache.MirrorVariable}");
                    var (check, written) = OracleExperiments.PretrainingAgainstMasterLog(chosen, seedList, options, log, Output("pretraining", chosen.Name), reporter, cancel.Token);
                    return (check.ToMarkdown(), written, (IReadOnlyList<string>)[]);
                }),
                "frontier" => ProgressDisplay.Run(reporter =>
                {
                    var chosen = OraclePreset.ByName(presetName);
                    var frontierOptions = parse.GetValue(checkpoints) is { } folder ? options with { CheckpointDirectory = folder } : options;
                    var result = FrontierExperiment.Run(chosen, seedList, frontierOptions, Output("frontier", chosen.Name), reporter, cancel.Token,
                        parse.GetValue(methods)?.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).Select(chosen.Table1Method).ToList());
                    return (result.Table.ToMarkdown(), result.Files, result.Skipped);
                }),
                "table1" or "figure2" or "figure3" => Oracle(name, OracleWithOverrides(OraclePreset.ByName(presetName))),
                _ => throw new ArgumentException($"unknown experiment '{name}' (expected table1, figure2, figure3, frontier, pretraining, table2, table3, table4, organ or estimators)"),
            };
            foreach (var reason in skipped) Console.Error.WriteLine($"warning: {reason}");
            Console.WriteLine(text);
            foreach (var file in files) Console.WriteLine($"wrote {file}");
            return 0;

            OraclePreset OracleWithOverrides(OraclePreset chosen)
            {
                var settings = (parse.GetValue(overrides) ?? []).Select(PresetOverrides.Parse<OraclePreset>).ToList();
                if (settings.Count > 0 && parse.GetValue(parallel) > 1)
                    throw new ArgumentException("--set with --parallel: run the grid with `seqgan sweep --set ... --workers N` instead");
                if (settings.FirstOrDefault(o => o.Values.Count != 1) is { } many)
                    throw new ArgumentException($"--set {many.Key}: reproduce takes one value (`seqgan sweep` takes several)");
                return PresetOverrides.Apply(chosen, settings.Select(o => new KeyValuePair<string, string>(o.Key, o.Values[0])));
            }

            (string, IReadOnlyList<string>, IReadOnlyList<string>) Oracle(string experimentName, OraclePreset chosen)
            {
                var directory = Output(experimentName == "figure3" ? "figure3" : "table1", chosen.Name);
                var result = experimentName != "figure3" && parse.GetValue(fromResults) is { } resultFiles
                    ? OracleResultsFile.Merge(resultFiles.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries), chosen, directory)
                    : experimentName != "figure3" && parse.GetValue(parallel) > 1 && seedList.Count > 1
                    ? ParallelSeeds.Run(chosen, seedList, parse.GetValue(parallel), parse.GetValue(device)!, directory, options.Resume, options.Force, parse.GetValue(methods), cancel.Token)
                    : ProgressDisplay.Run(reporter => experimentName == "figure3"
                        ? OracleExperiments.Figure3(chosen, seedList, options, directory, reporter, cancel.Token)
                        : OracleExperiments.Table1AndFigure2(chosen, seedList, options, directory, reporter, cancel.Token,
                            parse.GetValue(methods)?.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).Select(chosen.Table1Method).ToList()));
                Console.Error.WriteLine($"oracle: {result.OracleSource}");
                return (result.Table?.ToMarkdown() ?? string.Join('\n', result.Results.Select(r =>
                    $"{r.Method} seed {r.Seed}: NLL-oracle {r.NllOracle:F3}, NLL-test {r.NllTest:F3}, {r.WallSeconds:F0} s")), result.Files, result.Skipped);
            }
        });
        return command;
    }
}
