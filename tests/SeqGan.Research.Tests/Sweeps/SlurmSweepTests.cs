using System.Diagnostics;
using SeqGan.Research.Experiments.Parallel;
using SeqGan.Research.Experiments.Sweeps;
using Xunit.Abstractions;

namespace SeqGan.Research.Tests.Sweeps;

/// <summary>`seqgan sweep --backend slurm` through a real one-node Slurm cluster (sbatch, an array job, requeue).</summary>
public class SlurmSweepTests(LocalSlurmCluster cluster, ITestOutputHelper output) : IClassFixture<LocalSlurmCluster>
{
    [SlurmFact]
    public void ASmokeSweepThroughSbatchCollectsIntoTheLocalBackendsTable()
    {
        var root = Directory.CreateTempSubdirectory("seqgan-sweep-slurm-").FullName;
        try
        {
            string[] grid = ["sweep", "table1", "--preset", "smoke", "--methods", "MLE,SeqGAN", "--seeds", "2"];
            var slurm = Path.Combine(root, "slurm");
            var clock = Stopwatch.StartNew();
            var submit = SweepFiles.Seqgan([.. grid, "--backend", "slurm", "--cpus-per-task", "1", "--time", "10", "--out", slurm], cluster.Environment);
            Assert.True(submit.ExitCode == 0, submit.Output);
            var jobId = new SweepDirectory(slurm).ReadManifest().SlurmJobId;
            Assert.NotNull(jobId);
            Assert.Contains($"submitted job array {jobId}", submit.Output);
            var script = File.ReadAllText(Path.Combine(slurm, "slurm", SlurmJobArray.ScriptName));
            Assert.Contains("#SBATCH --array=0-3", script);
            Assert.Contains("#SBATCH --requeue", script);
            WaitFor(() => Enumerable.Range(0, 4).All(i => File.Exists(Path.Combine(slurm, "tasks", $"{i}", OracleResultsFile.FileName))), jobId, slurm);
            var status = SweepFiles.Seqgan(["sweep", "status", slurm], cluster.Environment);
            Assert.True(status.ExitCode == 0, status.Output);
            Assert.Contains("4 of 4 finished; slurm job", status.Output);
            var collect = SweepFiles.Seqgan(["sweep", "collect", slurm], cluster.Environment);
            Assert.True(collect.ExitCode == 0, collect.Output);
            var slurmSeconds = clock.Elapsed.TotalSeconds;

            clock.Restart();
            var local = Path.Combine(root, "local");
            var run = SweepFiles.Seqgan([.. grid, "--workers", "2", "--threads", "1", "--out", local]);
            Assert.True(run.ExitCode == 0, run.Output);
            output.WriteLine($"smoke sweep, 2 methods × 2 seeds: {slurmSeconds:F1} s through Slurm (sbatch, wait, status, collect), " +
                $"{clock.Elapsed.TotalSeconds:F1} s with --backend local --workers 2 (run and collect)");
            SweepFiles.AssertSameTable1(Path.Combine(local, "table1"), Path.Combine(slurm, "table1"));
            Assert.Contains("attempt 1", File.ReadAllText(Path.Combine(slurm, "tasks", "0", "log.txt")));
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }

    [SlurmFact]
    public void ATaskKilledMidRunAndRequeuedFinishesWithTheSameNumbers()
    {
        var root = Directory.CreateTempSubdirectory("seqgan-sweep-requeue-").FullName;
        try
        {
            // Long enough an adversarial phase (16 iterations, a checkpoint after each) to be killed in the middle of it.
            string[] settings = ["--preset", "smoke", "--methods", "SeqGAN", "--set", "AdversarialIterations=16"];
            var sweep = Path.Combine(root, "sweep");
            var submit = SweepFiles.Seqgan(["sweep", "table1", .. settings, "--backend", "slurm", "--out", sweep], cluster.Environment);
            Assert.True(submit.ExitCode == 0, submit.Output);
            var jobId = new SweepDirectory(sweep).ReadManifest().SlurmJobId!;
            var checkpoint = Path.Combine(sweep, "tasks", "0", "checkpoints", "seed1", "seqgan", "state.json");
            WaitFor(() => File.Exists(checkpoint), jobId, sweep);
            var kill = cluster.Slurm("scancel", "--signal=KILL", "--full", $"{jobId}_0");
            Assert.True(kill.ExitCode == 0, kill.Output);
            WaitFor(() => cluster.Slurm("squeue", "-h", "-j", jobId, "-t", "RUNNING").Output.Trim().Length == 0, jobId, sweep);
            Assert.False(File.Exists(Path.Combine(sweep, "tasks", "0", OracleResultsFile.FileName)), "the task finished before it was killed");

            var requeue = cluster.Slurm("scontrol", "requeue", $"{jobId}_0");
            Assert.True(requeue.ExitCode == 0, requeue.Output);
            WaitFor(() => File.Exists(Path.Combine(sweep, "tasks", "0", OracleResultsFile.FileName)), jobId, sweep);
            var log = File.ReadAllText(Path.Combine(sweep, "tasks", "0", "log.txt"));
            Assert.Contains("attempt 1", log);
            Assert.Contains("attempt 2", log);
            var collect = SweepFiles.Seqgan(["sweep", "collect", sweep], cluster.Environment);
            Assert.True(collect.ExitCode == 0, collect.Output);

            var sequential = Path.Combine(root, "sequential");
            var run = SweepFiles.Seqgan(["reproduce", "table1", .. settings, "--out", sequential]);
            Assert.True(run.ExitCode == 0, run.Output);
            SweepFiles.AssertSameTable1(sequential, Path.Combine(sweep, "table1-AdversarialIterations=16"));
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }

    /// <summary>Polls until <paramref name="done"/>; fails after 5 minutes with the job's state and the task logs.</summary>
    private void WaitFor(Func<bool> done, string? jobId, string sweep)
    {
        var clock = Stopwatch.StartNew();
        while (!done())
        {
            if (clock.Elapsed > TimeSpan.FromMinutes(5))
            {
                var logs = Directory.EnumerateFiles(Path.Combine(sweep, "tasks"), "log.txt", SearchOption.AllDirectories)
                    .Select(f => $"{f}:\n{File.ReadAllText(f)}");
                Assert.Fail($"the sweep did not get there in 5 minutes; job {jobId}: {cluster.Slurm("scontrol", "show", "job", jobId ?? "").Output}\n{string.Join("\n", logs)}");
            }
            Thread.Sleep(200);
        }
    }
}
