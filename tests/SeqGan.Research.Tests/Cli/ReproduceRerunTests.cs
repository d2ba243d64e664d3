using SeqGan.Research.Cli;
using SeqGan.Research.Storage;

namespace SeqGan.Research.Tests.Cli;

/// <summary>`seqgan reproduce` run again into a folder that holds its checkpoints: refused before anything is written
/// unless --resume or --force says what to do with them (never both); --force starts over. Smoke size, MLE only.</summary>
public sealed class ReproduceRerunTests : IDisposable
{
    private readonly TemporaryFolder folder = new("seqgan-reproduce-rerun-");

    private (int ExitCode, string Output, Exception? Error) Reproduce(params string[] extra) =>
        CliInvocation.Run([ReproduceCommand.Create()], ["reproduce", "table1", "--preset", "smoke", "--methods", "MLE", "--output", folder.Path, .. extra]);

    [Fact]
    public void A_second_run_without_resume_or_force_is_refused_and_force_starts_over()
    {
        var (code, _, error) = Reproduce();
        Assert.Null(error);
        Assert.Equal(0, code);
        var written = Directory.GetFiles(folder.Path).ToDictionary(f => f, File.GetLastWriteTimeUtc);

        var (_, _, again) = Reproduce();
        Assert.Contains("add --resume to continue it, or --force to start over", Assert.IsType<IOException>(again).Message);
        var (_, _, both) = Reproduce("--resume", "--force");
        Assert.Contains("--resume and --force", Assert.IsType<ArgumentException>(both).Message);
        foreach (var (file, time) in written) Assert.Equal(time, File.GetLastWriteTimeUtc(file));

        var manifest = Path.Combine(folder.Path, "checkpoints", RunManifest.FileName);
        var before = File.GetLastWriteTimeUtc(manifest);
        var (forced, _, forcedError) = Reproduce("--force");
        Assert.Null(forcedError);
        Assert.Equal(0, forced);
        Assert.True(File.GetLastWriteTimeUtc(manifest) > before, "--force starts a new run (a new run.json)");
    }

    public void Dispose() => folder.Dispose();
}
