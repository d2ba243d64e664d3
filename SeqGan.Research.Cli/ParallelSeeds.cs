using SeqGan.Research.Experiments;
using SeqGan.Research.Experiments.Parallel;

namespace SeqGan.Research.Cli;

/// <summary>
/// `reproduce table1 --seeds N --parallel K`: each seed runs as its own `seqgan reproduce table1 --seed S` process
/// (K at a time, the cores shared between them) into OUT/seeds/seedS, and their results.json files merge into OUT's
/// table1.md/.csv, figure2-curves.csv and figures — the numbers of one sequential run over the same seeds.
/// </summary>
internal static class ParallelSeeds
{
    public static ReproductionResult Run(OraclePreset preset, IReadOnlyList<int> seeds, int parallel, string device, string outputDirectory,
        bool resume, bool force, string? methods, CancellationToken cancellation)
    {
        var jobs = seeds.Select(seed =>
        {
            var directory = SeedDirectory(outputDirectory, seed);
            List<string> arguments = ["reproduce", "table1", "--preset", preset.Name, "--seed", seed.ToString(System.Globalization.CultureInfo.InvariantCulture),
                "--device", device, "--out", directory];
            if (resume) arguments.Add("--resume");
            if (force) arguments.Add("--force");
            if (methods is not null) arguments.AddRange(["--methods", methods]);
            return new WorkerJob($"seed {seed}", arguments, Path.Combine(directory, "log.txt"));
        }).ToList();
        var threads = Math.Max(1, Environment.ProcessorCount / Math.Min(parallel, seeds.Count));
        Console.Error.WriteLine($"running {seeds.Count} seeds as {Math.Min(parallel, seeds.Count)} concurrent processes, {threads} threads each; logs in {Path.Combine(outputDirectory, "seeds")}");
        WorkerProcesses.RunAll(WorkerCommand.CurrentProcess(), jobs, parallel,
            new Dictionary<string, string> { ["SEQGAN_NUM_THREADS"] = threads.ToString(System.Globalization.CultureInfo.InvariantCulture) },
            new Progress<string>(Console.Error.WriteLine), cancellation);
        return OracleResultsFile.Merge(seeds.Select(seed => Path.Combine(SeedDirectory(outputDirectory, seed), OracleResultsFile.FileName)).ToList(),
            preset, outputDirectory);
    }

    private static string SeedDirectory(string outputDirectory, int seed) => Path.Combine(outputDirectory, "seeds", $"seed{seed}");
}
