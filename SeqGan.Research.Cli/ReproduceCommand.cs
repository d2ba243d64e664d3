using System.CommandLine;
using SeqGan.Research.Data;
using SeqGan.Research.Experiments;
using SeqGan.Research.Storage;
using SeqGan.Research.Tensors;
using Spectre.Console;

namespace SeqGan.Research.Cli;

/// <summary>`seqgan reproduce table1|figure2|figure3|table2|table3|table4|organ`: runs the paper's experiments (synthetic and real data), or ORGAN's music table, with a preset.</summary>
internal static class ReproduceCommand
{
    public static Command Create()
    {
        var experiment = new Argument<string>("experiment") { Description = "table1, figure2 (same runs as table1), figure3 (synthetic); pretraining (MLE pretraining against master's logged curve); table2 (poems), table3 (Obama), table4 (music); organ (ORGAN's music table and λ sweep); or estimators (gradient estimators against the exact gradient on a tiny oracle)" };
        var preset = new Option<string>("--preset") { Description = "smoke (seconds), quick (minutes on a CPU) or paper (master's 2017 schedule; GPU)", DefaultValueFactory = _ => "quick" };
        var seeds = new Option<int>("--seeds") { Description = "number of seeds (1..N); Table 1 reports mean ± std and Welch p-values over them", DefaultValueFactory = _ => 1 };
        var device = new Option<string>("--device") { Description = "cpu, cuda, cuda:N or auto", DefaultValueFactory = _ => "cpu" };
        var output = new Option<string?>("--out", "--output") { Description = "output folder (default out/<experiment>-<preset>)" };
        var resume = new Option<bool>("--resume") { Description = "continue from the checkpoints in the output folder" };
        var methods = new Option<string?>("--methods") { Description = "table1 only: comma-separated subset, e.g. MLE,SeqGAN" };
        var onlySeed = new Option<int?>("--seed") { Description = "table1 only: run this one seed (instead of 1..--seeds)" };
        var parallel = new Option<int>("--parallel") { Description = "table1 only: run the seeds as this many concurrent processes, merged into one table", DefaultValueFactory = _ => 1 };
        var fromResults = new Option<string?>("--from-results") { Description = "table1 only: no training; the table and figures of these results.json files (comma-separated), e.g. those a GPU run brought back" };
        var command = new Command("reproduce", "Reproduce a table or figure of the SeqGAN paper")
            { experiment, preset, seeds, device, output, resume, methods, onlySeed, parallel, fromResults };
        command.SetAction(parse =>
        {
            var name = parse.GetValue(experiment)!.ToLowerInvariant();
            if (name == "estimators")
                return EstimatorsReproduce.Run(parse.GetValue(preset)!, parse.GetValue(seeds), parse.GetValue(output));
            if (name is "table2" or "table3" or "table4")
                return RealDataReproduce.Run(RealDataTask.ByName(name), parse.GetValue(preset)!, parse.GetValue(seeds), parse.GetValue(device)!,
                    parse.GetValue(output), parse.GetValue(resume));
            if (name is not ("table1" or "figure2" or "figure3" or "pretraining" or "organ"))
                throw new ArgumentException($"unknown experiment '{name}' (expected table1, figure2, figure3, pretraining, table2, table3, table4, organ or estimators)");
            if (name == "organ")
            {
                if (parse.GetValue(seeds) < 1) throw new ArgumentException("--seeds must be at least 1");
                return OrganReproduce.Run(parse.GetValue(preset)!, parse.GetValue(seeds), parse.GetValue(device)!, parse.GetValue(output), parse.GetValue(resume));
            }
            var chosen = OraclePreset.ByName(parse.GetValue(preset)!);
            var seedCount = parse.GetValue(seeds);
            if (seedCount < 1) throw new ArgumentException("--seeds must be at least 1");
            var outputDirectory = OutputLocation.PrepareFolder(parse.GetValue(output) ?? Path.Combine("out", $"{(name == "figure2" ? "table1" : name)}-{chosen.Name}"), "--output");
            var paperOracle = PaperOracleFile.Find();
            var options = new OracleRunOptions
            {
                Device = Device.Parse(parse.GetValue(device)!),
                CheckpointDirectory = Path.Combine(outputDirectory, "checkpoints"),
                Resume = parse.GetValue(resume),
                PaperOracleParameters = paperOracle,
                BleuScorerFactory = SeqGan.Research.Training.PgBleuScorer.Factory(chosen.BleuOrder),
            };
            var methodList = parse.GetValue(methods) is { } list ? list.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).Select(OracleMethodNames.Parse).ToList() : null;
            var seedList = parse.GetValue(onlySeed) is { } single ? [single] : Enumerable.Range(1, seedCount).ToList();
            if (parse.GetValue(parallel) < 1) throw new ArgumentException("--parallel must be at least 1");
            if (seedList[0] < 1) throw new ArgumentException($"--seed must be at least 1, got {seedList[0]}");
            Console.Error.WriteLine($"preset {chosen.Name}, seeds {string.Join(",", seedList)}, device {options.Device}, oracle: {paperOracle ?? "seeded random (paper parameters not found; set SEQGAN_DATA_MIRROR)"}");
            Console.Error.WriteLine($"checkpoints: {options.CheckpointDirectory}{(options.Resume ? " (resuming)" : "")}");

            // Ctrl+C stops at the next step boundary; the last checkpoint stays valid for --resume.
            using var cancel = new CancellationTokenSource();
            Console.CancelKeyPress += (_, e) => { e.Cancel = true; cancel.Cancel(); };
            if (name == "pretraining")
            {
                var log = PaperOracleFile.FindMasterLog()
                    ?? throw new FileNotFoundException($"master's log {PaperOracleFile.MasterLogRelativePath} not found: run `seqgan data fetch seqgan_oracle` or set {DataCache.MirrorVariable}");
                var (check, written) = ProgressDisplay.Run(reporter =>
                    OracleExperiments.PretrainingAgainstMasterLog(chosen, seedList, options, log, outputDirectory, reporter, cancel.Token));
                Console.WriteLine(check.ToMarkdown());
                foreach (var file in written) Console.WriteLine($"wrote {file}");
                return 0;
            }
            var result = name != "figure3" && parse.GetValue(fromResults) is { } resultFiles
                ? SeqGan.Research.Experiments.Parallel.OracleResultsFile.Merge(
                    resultFiles.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries), chosen, outputDirectory)
                : name != "figure3" && parse.GetValue(parallel) > 1 && seedList.Count > 1
                ? ParallelSeeds.Run(chosen, seedList, parse.GetValue(parallel), parse.GetValue(device)!, outputDirectory, options.Resume, parse.GetValue(methods), cancel.Token)
                : ProgressDisplay.Run(reporter => name == "figure3"
                    ? OracleExperiments.Figure3(chosen, seedList, options, outputDirectory, reporter, cancel.Token)
                    : OracleExperiments.Table1AndFigure2(chosen, seedList, options, outputDirectory, reporter, cancel.Token, methodList));
            if (result.Table is not null) Console.WriteLine($"wrote {SeqGan.Research.Experiments.Parallel.OracleResultsFile.Write(outputDirectory, result)}");
            foreach (var file in FigureFiles.Write(result, chosen, name, outputDirectory)) Console.WriteLine($"wrote {file}");
            if (result.Table is { } table) Console.WriteLine(table.ToMarkdown());
            foreach (var r in result.Results.Where(r => result.Table is null))
                Console.WriteLine($"{r.Method} seed {r.Seed}: NLL-oracle {r.NllOracle:F3}, NLL-test {r.NllTest:F3}, {r.WallSeconds:F0} s");
            foreach (var file in result.Files) Console.WriteLine($"wrote {file}");
            return 0;
        });
        return command;
    }
}
