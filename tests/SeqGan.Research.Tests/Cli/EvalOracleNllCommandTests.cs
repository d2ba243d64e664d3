using SeqGan.Research.Cli;

namespace SeqGan.Research.Tests.Cli;

public class EvalOracleNllCommandTests
{
    private static (int ExitCode, string Output, Exception? Error) Run(params string[] args) =>
        CliInvocation.Run([EvalCommand.Create()], args);

    [Fact]
    public void ScoresTheReferenceSampleAtThePapersOracleNll()
    {
        var (code, output, error) = Run("eval", "oracle-nll", "--samples", TestData.OracleRealData, "--oracle", TestData.OracleParameters);
        Assert.Null(error);
        Assert.Equal(0, code);
        Assert.Equal(5.7609, double.Parse(output.Trim(), System.Globalization.CultureInfo.InvariantCulture), 3);
    }

    [Fact]
    public void AMalformedSampleFileIsAnErrorNamingFileAndLine()
    {
        var path = Path.Combine(Path.GetTempPath(), $"seqgan-bad-samples-{Guid.NewGuid():N}.txt");
        File.WriteAllText(path, string.Join(' ', Enumerable.Range(1, 20)) + "\n1 2 3\n");
        try
        {
            var (_, _, error) = Run("eval", "oracle-nll", "--samples", path, "--oracle", TestData.OracleParameters);
            var invalid = Assert.IsType<InvalidDataException>(error);
            Assert.Contains($"{path}:2", invalid.Message);
            Assert.Contains("expected 20 token ids, found 3", invalid.Message);
        }
        finally
        {
            File.Delete(path);
        }
    }
}
