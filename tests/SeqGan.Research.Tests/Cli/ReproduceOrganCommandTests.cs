using SeqGan.Research.Cli;

namespace SeqGan.Research.Tests.Cli;

public class ReproduceOrganCommandTests
{
    private static (int ExitCode, string Output, Exception? Error) Run(params string[] args) =>
        CliInvocation.Run([ReproduceCommand.Create()], args);

    [Fact]
    public void Smoke_preset_writes_the_table_and_the_sweep_into_the_output_folder()
    {
        var temp = Directory.CreateTempSubdirectory("seqgan-organ-cli-").FullName;
        try
        {
            var (code, output, error) = Run("reproduce", "organ", "--preset", "smoke", "--output", temp);
            Assert.Null(error);
            Assert.Equal(0, code);
            Assert.Contains("| tonality | Naive RL |", output);
            foreach (var file in new[] { "organ-table.md", "organ-table.csv", "organ-sweep.csv", "organ-sweep.html" })
                Assert.True(File.Exists(Path.Combine(temp, file)), $"{file} was not written");
            Assert.True(Directory.Exists(Path.Combine(temp, "checkpoints", "seed1", "pretrain")));
        }
        finally
        {
            Directory.Delete(temp, recursive: true);
        }
    }

    [Fact]
    public void An_unknown_preset_is_an_error_naming_it()
    {
        var (_, _, error) = Run("reproduce", "organ", "--preset", "enormous");
        Assert.NotNull(error);
        Assert.Contains("enormous", error.Message);
    }
}
