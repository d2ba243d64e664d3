using System.Globalization;
using SeqGan.Research.Cli;
using SeqGan.Research.Experiments;
using SeqGan.Research.Tests.Cli;
using SeqGan.Research.Tests.Reproduction;

namespace SeqGan.Research.Tests.Experiments;

/// <summary>`seqgan reproduce frontier --preset smoke` end to end: its files, its figure, training that equals Table 1's,
/// and a resumed sweep of the checkpointed generators that gives the same curves without training.</summary>
public class FrontierExperimentTests
{
    [Fact]
    public void Smoke_frontier_writes_table_points_and_figure_trains_as_table1_and_resumes_to_the_same_curves()
    {
        using var folder = new TemporaryFolder("seqgan-frontier-");
        var (code, output, error) = CliInvocation.Run([ReproduceCommand.Create()], ["reproduce", "frontier", "--preset", "smoke", "--output", folder.Path]);
        Assert.Null(error);
        Assert.Equal(0, code);
        Assert.Contains("| SeqGAN |", output);
        foreach (var file in new[] { "frontier.md", "frontier.csv", "frontier-points.csv", "frontier.html", "frontier.png" })
            Assert.True(File.Exists(Path.Combine(folder.Path, file)), $"{file} was not written");
        Assert.Contains("\"scatter\"", File.ReadAllText(Path.Combine(folder.Path, "frontier.html")));

        var points = File.ReadAllLines(Path.Combine(folder.Path, "frontier-points.csv")).Skip(1).Select(l => l.Split(',')).ToList();
        var grid = OraclePreset.Smoke.FrontierInverseTemperatures;
        Assert.Equal(OraclePreset.Smoke.FrontierMethods.Count * grid.Count, points.Count);
        static double D(string s) => double.Parse(s, CultureInfo.InvariantCulture);

        // Sweeping a run changes nothing the trainer draws next: every method's NLL-test at α = 1 is Table 1's golden one
        // (the same generator on the same held-out sample), SeqGAN's included, whose discriminator is built after PG-BLEU's sweep.
        var golden = File.ReadAllLines(Path.Combine(SmokeGoldenTests.GoldenRoot, "table1", "table1.csv")).Skip(1).Select(l => l.Split(','))
            .ToDictionary(c => c[0], c => D(c[5]));
        foreach (var (method, nllTest) in golden)
        {
            var atOne = points.Single(p => p[0] == method && D(p[2]) == 1);
            Assert.True(Math.Abs(D(atOne[5]) - nllTest) <= 1e-6 * nllTest, $"{method}: NLL-test at α = 1 is {atOne[5]}, Table 1's is {nllTest}");
        }
        // Cooling lowers the entropy of every trained method.
        foreach (var method in new[] { "MLE", "SeqGAN" })
        {
            var entropy = points.Where(p => p[0] == method).OrderBy(p => D(p[2])).Select(p => D(p[6])).ToList();
            Assert.True(entropy[0] > entropy[^1], $"{method}: entropy {string.Join(", ", entropy)} does not fall with α");
        }

        // Resumed from its checkpoints: no training, the same curves.
        var first = File.ReadAllText(Path.Combine(folder.Path, "frontier-points.csv"));
        var (again, _, againError) = CliInvocation.Run([ReproduceCommand.Create()], ["reproduce", "frontier", "--preset", "smoke", "--output", folder.Path, "--resume"]);
        Assert.Null(againError);
        Assert.Equal(0, again);
        Assert.Equal(first, File.ReadAllText(Path.Combine(folder.Path, "frontier-points.csv")));
    }

    [Fact]
    public void A_grid_without_alpha_one_is_refused()
    {
        var error = Assert.Throws<ArgumentException>(() => (OraclePreset.Smoke with { FrontierInverseTemperatures = [0.5, 2] }).Validate());
        Assert.Contains("FrontierInverseTemperatures", error.Message);
    }
}
