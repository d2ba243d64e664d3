using System.Globalization;
using SeqGan.Research.Experiments.Parallel;

namespace SeqGan.Research.Tests.Gpu;

public class ParallelSeedsTests
{
    [Fact]
    public void SeedsRunAsConcurrentProcessesMergeIntoTheSequentialTable()
    {
        var root = Directory.CreateTempSubdirectory("seqgan-parallel-seeds-").FullName;
        try
        {
            string[] Arguments(string output, int parallel) =>
                ["reproduce", "table1", "--preset", "smoke", "--seeds", "2", "--methods", "MLE,SeqGAN", "--parallel", parallel.ToString(CultureInfo.InvariantCulture), "--out", output];
            // The two workers get one thread each (the cores shared out); the sequential run must use as many: libtorch and
            // OpenBLAS split work by thread count, and on some CPUs (measured: AMD EPYC) that changes float rounding.
            var oneThread = new Dictionary<string, string?> { ["SEQGAN_NUM_THREADS"] = "1" };
            var sequential = ExternalProcess.Run(ExternalProcess.Seqgan, Arguments(Path.Combine(root, "sequential"), 1), TimeSpan.FromMinutes(10), environment: oneThread);
            Assert.True(sequential.ExitCode == 0, sequential.Output);
            var parallel = ExternalProcess.Run(ExternalProcess.Seqgan, Arguments(Path.Combine(root, "parallel"), 2), TimeSpan.FromMinutes(10));
            Assert.True(parallel.ExitCode == 0, parallel.Output);
            Assert.Contains("running 2 seeds as 2 concurrent processes", parallel.Output);
            Assert.Contains("[seed 2]", parallel.Output);

            // The table (it holds no timings: they are in timings.csv) and every curve point, digit for digit.
            Assert.Equal(File.ReadAllText(Path.Combine(root, "sequential", "table1.csv")), File.ReadAllText(Path.Combine(root, "parallel", "table1.csv")));
            Assert.Equal(File.ReadAllText(Path.Combine(root, "sequential", "figure2-curves.csv")), File.ReadAllText(Path.Combine(root, "parallel", "figure2-curves.csv")));
            Assert.Equal(3, File.ReadAllLines(Path.Combine(root, "parallel", "table1.csv")).Length);   // header, MLE, SeqGAN
            Assert.True(File.Exists(Path.Combine(root, "parallel", "seeds", "seed2", "log.txt")));

            // What comes back from a GPU run redraws here, without training: the same table, and the same timings.
            var redrawn = ExternalProcess.Run(ExternalProcess.Seqgan, ["reproduce", "table1", "--preset", "smoke",
                "--from-results", Path.Combine(root, "parallel", OracleResultsFile.FileName), "--out", Path.Combine(root, "redrawn")], TimeSpan.FromMinutes(5));
            Assert.True(redrawn.ExitCode == 0, redrawn.Output);
            Assert.Equal(File.ReadAllText(Path.Combine(root, "parallel", "table1.csv")), File.ReadAllText(Path.Combine(root, "redrawn", "table1.csv")));
            Assert.Equal(File.ReadAllText(Path.Combine(root, "parallel", "timings.csv")), File.ReadAllText(Path.Combine(root, "redrawn", "timings.csv")));
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }

    [Fact]
    public void AMissingOrBrokenResultsFileIsAnErrorNamingIt()
    {
        var directory = Directory.CreateTempSubdirectory("seqgan-results-file-").FullName;
        try
        {
            var missing = Path.Combine(directory, "none", OracleResultsFile.FileName);
            Assert.Contains(missing, Assert.Throws<FileNotFoundException>(() => OracleResultsFile.Read(missing)).Message);
            var broken = Path.Combine(directory, OracleResultsFile.FileName);
            File.WriteAllText(broken, "{ not json");
            Assert.Contains(broken, Assert.Throws<InvalidDataException>(() => OracleResultsFile.Read(broken)).Message);
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    [Fact]
    public void AFailingWorkerIsReportedWithItsExitCodeAndLog()
    {
        var directory = Directory.CreateTempSubdirectory("seqgan-workers-").FullName;
        try
        {
            var log = Path.Combine(directory, "bad.txt");
            var jobs = new[]
            {
                new WorkerJob("good", ["info"], Path.Combine(directory, "good.txt")),
                new WorkerJob("bad", ["reproduce", "table9"], log),
            };
            var lines = new List<string>();
            var error = Assert.Throws<InvalidOperationException>(() => WorkerProcesses.RunAll(
                new WorkerCommand(ExternalProcess.Seqgan, []), jobs, 2, lines: new SynchronousLines(lines)));
            Assert.Contains("bad exited with 2", error.Message);
            Assert.Contains(log, error.Message);
            Assert.Contains("unknown experiment", File.ReadAllText(log));
            Assert.Contains(lines, l => l.StartsWith("[good] ", StringComparison.Ordinal));
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    private sealed class SynchronousLines(List<string> lines) : IProgress<string>
    {
        public void Report(string value)
        {
            lock (lines) lines.Add(value);
        }
    }
}
