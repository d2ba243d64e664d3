namespace SeqGan.Research.Tests.Gpu;

/// <summary>
/// scripts/gpu-run.sh rehearsed on the CPU with the smoke preset and one seed, with the seqgan built beside the tests
/// instead of an unpacked bundle (publishing and building the bridge take minutes: `scripts/gpu-run.sh OUT --device cpu
/// --smoke` rehearses those too, by hand).
/// </summary>
public class GpuRunRehearsalTests
{
    [Fact]
    public void TheGpuScriptChecksProfilesAndReproducesIntoAtMostEightFiles()
    {
        // A budget far above the smoke run's minute on a quiet machine: this checks what the script does, not how fast a
        // shared CI machine is (the smoke default of 90 s was once cut short under load).
        var output = Directory.CreateTempSubdirectory("seqgan-gpu-run-").FullName;
        try
        {
            var script = Path.Combine(ExternalProcess.RepositoryRoot, "scripts", "gpu-run.sh");
            var (exitCode, printed) = ExternalProcess.Run("bash",
                [script, output, "--device", "cpu", "--smoke", "--seeds", "1", "--budget", "400", "--deadline", "700", "--seqgan", ExternalProcess.Seqgan],
                TimeSpan.FromMinutes(12));
            var log = File.ReadAllText(Path.Combine(output, "run-log.txt"));
            Assert.True(exitCode == 0, $"{printed}\n--- run-log.txt ---\n{log}");

            var files = Directory.GetFiles(output).Select(Path.GetFileName).ToList();
            Assert.InRange(files.Count, 4, 8);
            Assert.Contains("table1.csv", files);
            Assert.Contains("figure2-curves.csv", files);
            Assert.Contains("results.json", files);
            Assert.Contains("selftest on cpu: OK", log);
            Assert.Contains("profile of preset smoke on cpu", log);
            Assert.Contains("discriminator step:", log);
            Assert.Contains("table1: finished", log);
            foreach (var phase in new[] { "selftest", "profile", "table1" }) Assert.Matches($"== phase {phase}: \\d+ s", log);
            Assert.Matches("== total wall time: \\d+ s", log);
            var methods = File.ReadAllLines(Path.Combine(output, "table1.csv")).Skip(1).Select(line => line.Split(',')[0]);
            Assert.Equal(["Random", "MLE", "SS", "PG-BLEU", "SeqGAN"], methods);
        }
        finally
        {
            Directory.Delete(output, recursive: true);
        }
    }
}
