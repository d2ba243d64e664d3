using System.Diagnostics;
using SeqGan.Research.Cli;
using SeqGan.Research.Tests.Cli;

namespace SeqGan.Research.Tests.Reproduction;

/// <summary>
/// `seqgan reproduce … --resume` after the process was killed (SIGKILL, mid-run, no chance to clean up) writes exactly
/// the outputs of an uninterrupted run — the golden copies — for the synthetic, the real-data and the ORGAN experiment.
/// The kill comes when a session that is not the last has written its first checkpoint, so work is left to resume.
/// </summary>
public class KillAndResumeTests
{
    [Theory]
    [InlineData("table1", "pgbleu")]
    [InlineData("table2", "mle")]
    [InlineData("organ", "d-pretrain")]
    public void Resuming_a_killed_reproduction_writes_the_uninterrupted_outputs(string experiment, string killAfterSession)
    {
        using var folder = new TemporaryFolder($"seqgan-kill-{experiment}-");
        var checkpoint = Path.Combine(folder.Path, "checkpoints", "seed1", killAfterSession, "state.json");
        var start = new ProcessStartInfo(Path.Combine(AppContext.BaseDirectory, "seqgan"))
        {
            ArgumentList = { "reproduce", experiment, "--preset", "smoke", "--output", folder.Path },
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        using (var process = Process.Start(start)!)
        {
            process.OutputDataReceived += (_, _) => { };
            process.ErrorDataReceived += (_, _) => { };
            process.BeginOutputReadLine();
            process.BeginErrorReadLine();
            var clock = Stopwatch.StartNew();
            while (!File.Exists(checkpoint) && !process.HasExited && clock.Elapsed < TimeSpan.FromMinutes(10)) Thread.Sleep(20);
            Assert.False(process.HasExited, $"seqgan reproduce {experiment} exited (code {(process.HasExited ? process.ExitCode : 0)}) before {killAfterSession} checkpointed");
            process.Kill(entireProcessTree: true);
            process.WaitForExit();
        }
        Assert.True(File.Exists(checkpoint), $"no checkpoint of {killAfterSession} after 10 minutes");
        Assert.Empty(Directory.GetFiles(folder.Path, "*.md"));   // killed before any table was written

        var (code, _, error) = CliInvocation.Run([ReproduceCommand.Create()], ["reproduce", experiment, "--preset", "smoke", "--output", folder.Path, "--resume"]);
        Assert.Null(error);
        Assert.Equal(0, code);
        SmokeGoldenTests.AssertMatchesGolden(experiment, folder.Path);
    }
}
