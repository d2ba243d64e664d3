using SeqGan.Research.Experiments;
using SeqGan.Research.Experiments.Sweeps;
using SeqGan.Research.Tests.Gpu;

namespace SeqGan.Research.Tests.Sweeps;

/// <summary>`seqgan sweep` with the local backend: the grid, bad input, collect against a sequential reproduce, a failed task.</summary>
public class SweepTests
{
    [Fact]
    public void TheGridExpandsCellBySeedByMethodAndOverridesAreChecked()
    {
        var grid = new SweepGrid("table1", "smoke", ["MLE", "SeqGAN"], [1, 2],
            [PresetOverrides.Parse<OraclePreset>("rollouts=2,3"), PresetOverrides.Parse<OraclePreset>("BatchSize=16")], "cpu");
        var tasks = Sweep.Check(grid);
        Assert.Equal(8, tasks.Count);
        Assert.Equal(Enumerable.Range(0, 8), tasks.Select(t => t.Index));
        Assert.Equal(["Rollouts=2,BatchSize=16", "Rollouts=3,BatchSize=16"], tasks.Select(t => t.Cell).Distinct());
        Assert.Equal(("SeqGAN", 2, "Rollouts=2,BatchSize=16"), (tasks[3].Method, tasks[3].Seed, tasks[3].Cell));
        var preset = Table1Sweep.PresetFor(grid, tasks[7]);
        Assert.Equal((3, 16, "smoke"), (preset.Rollouts, preset.BatchSize, preset.Name));
        Assert.Equal(4, OraclePreset.Smoke.Rollouts);   // the preset itself is untouched

        Assert.Contains("not a setting", Assert.Throws<ArgumentException>(() => PresetOverrides.Parse<OraclePreset>("Rolouts=4")).Message);
        var wrongType = Assert.Throws<ArgumentException>(() => PresetOverrides.Parse<OraclePreset>("Rollouts=4,eight")).Message;
        Assert.Contains("Rollouts=eight", wrongType);
        Assert.Contains("integer", wrongType);
        Assert.Contains("true or false", Assert.Throws<ArgumentException>(() => PresetOverrides.Parse<OraclePreset>("UsePaperOracle=yes")).Message);
        Assert.Contains("must be at least 1", Assert.Throws<ArgumentException>(() => Sweep.Check(grid with { Overrides = [PresetOverrides.Parse<OraclePreset>("Rollouts=0")] })).Message);
        Assert.Contains("zero tasks (no seeds)", Assert.Throws<ArgumentException>(() => Sweep.Check(grid with { Seeds = [] })).Message);
        Assert.Contains("unknown method 'GAN'", Assert.Throws<ArgumentException>(() => Sweep.Check(grid with { Methods = ["GAN"] })).Message);
        Assert.Equal("0-2,5,7-8", SlurmJobArray.ArraySpec([8, 0, 1, 2, 5, 7]));
    }

    [Fact]
    public void BadInputIsAnErrorNamingItAndWritesNothing()
    {
        var root = Directory.CreateTempSubdirectory("seqgan-sweep-input-").FullName;
        try
        {
            var output = Path.Combine(root, "sweep");
            (string[] Arguments, string Expected, IReadOnlyDictionary<string, string?>? Environment)[] cases =
            [
                (["--set", "Rolouts=4,8"], "--set Rolouts: not a setting", null),
                (["--set", "Rollouts=4,x"], "--set Rollouts=x: 'x' is not an integer", null),
                (["--seeds", "0"], "zero tasks (no seeds)", null),
                (["--set", "Rollouts="], "zero tasks (no values for --set Rollouts)", null),
                (["--backend", "slurm"], "`sbatch` is not on PATH", new Dictionary<string, string?> { ["PATH"] = Path.GetDirectoryName(Environment.ProcessPath), ["SEQGAN_NUM_THREADS"] = "1" }),
            ];
            foreach (var (arguments, expected, environment) in cases)
            {
                var (exitCode, text) = SweepFiles.Seqgan(["sweep", "table1", "--preset", "smoke", "--methods", "MLE", "--out", output, .. arguments], environment);
                Assert.True(exitCode == 2, $"{string.Join(' ', arguments)}: exit {exitCode}\n{text}");
                Assert.Contains(expected, text);
                Assert.False(Directory.Exists(output), $"{string.Join(' ', arguments)} wrote {output}");
            }
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }

    [Fact]
    public void LocalWorkersCollectIntoTheSequentialTableAndAFailedTaskIsNamed()
    {
        var root = Directory.CreateTempSubdirectory("seqgan-sweep-local-").FullName;
        try
        {
            var sequential = Path.Combine(root, "sequential");
            var run = SweepFiles.Seqgan(["reproduce", "table1", "--preset", "smoke", "--methods", "MLE,SeqGAN", "--seeds", "2", "--out", sequential]);
            Assert.True(run.ExitCode == 0, run.Output);

            // Task 3 (SeqGAN, seed 2) finds a broken checkpoint when it resumes: it fails, the other three finish.
            var output = Path.Combine(root, "sweep");
            var grid = new SweepGrid("table1", "smoke", ["MLE", "SeqGAN"], [1, 2], [], "cpu");
            var sweep = new SweepDirectory(output);
            Sweep.Prepare(grid, sweep, Sweep.LocalBackend);
            var broken = Path.Combine(sweep.TaskFolder(3), "checkpoints", "seed2", "pretrain");
            Directory.CreateDirectory(broken);
            File.WriteAllText(Path.Combine(broken, "state.json"), "{ broken");
            string[] arguments = ["sweep", "table1", "--preset", "smoke", "--methods", "MLE,SeqGAN", "--seeds", "2", "--workers", "2", "--threads", "1", "--out", output];
            var failed = SweepFiles.Seqgan(arguments);
            Assert.True(failed.ExitCode == 2, failed.Output);
            Assert.Contains($"task 3 exited with", failed.Output);
            var collect = SweepFiles.Seqgan(["sweep", "collect", output]);
            Assert.True(collect.ExitCode == 1, collect.Output);
            Assert.Contains($"failed: task 3 (SeqGAN, seed 2)", collect.Output);
            Assert.Contains(sweep.LogFile(3), collect.Output);
            Assert.Equal(3, File.ReadAllLines(Path.Combine(output, "table1", "table1.csv")).Length);   // header, MLE, SeqGAN (seed 1 only)
            Assert.Contains("SeqGAN,", File.ReadAllText(Path.Combine(output, "table1", "table1.csv")));

            // Repaired and run again: only task 3 runs, and the merged files are the sequential run's.
            Directory.Delete(broken, recursive: true);
            var repaired = SweepFiles.Seqgan(arguments);
            Assert.True(repaired.ExitCode == 0, repaired.Output);
            Assert.Contains("running 1 of 4 tasks", repaired.Output);
            Assert.False(File.Exists(Path.Combine(sweep.TaskFolder(3), SweepDirectory.FailureName)));
            SweepFiles.AssertSameTable1(sequential, Path.Combine(output, "table1"));

            // Another grid into the same folder is refused.
            var other = SweepFiles.Seqgan(["sweep", "table1", "--preset", "smoke", "--methods", "MLE", "--out", output]);
            Assert.True(other.ExitCode == 2, other.Output);
            Assert.Contains("another grid", other.Output);
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }
}
