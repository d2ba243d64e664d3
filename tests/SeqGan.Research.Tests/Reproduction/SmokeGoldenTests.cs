using System.Security.Cryptography;
using SeqGan.Research.Cli;
using SeqGan.Research.Tests.Cli;

namespace SeqGan.Research.Tests.Reproduction;

/// <summary>
/// Every `seqgan reproduce EXPERIMENT --preset smoke` (default seed) against the outputs it wrote at d990f2d, before the
/// experiments became configurations of one trainer: tables, CSVs, curves and figure HTML as text, numbers to within
/// float rounding (copies in Golden/; see GoldenText for why not bytes), the split files and decoded samples by
/// sha256 (Golden/*/other-files.sha256; they hold corpus text, which is not committed; split.json's hash is of the version that names the corpus file without its machine's path, the
/// only change since; and table1's files since scheduled sampling follows the paper's ε schedule, which changed
/// the SS row and curve on purpose; table1's and figure3's since the smoke preset trains D on as many negatives as
/// positives, and PG-BLEU runs the original pg_bleu configuration, with table1.md's notes on both). The tables' wall-time column of d990f2d has gone to timings.csv since (issue 21): it is measured,
/// not computed, so timings.csv is not compared, and the golden tables are d990f2d's less that column.
/// PNGs (a browser's rendering), checkpoints (an internal format, run.json included) and results.json (the per-seed results as JSON for
/// `--from-results`, written since; it holds wall times and repeats what the tables and curves show) are not compared.
/// </summary>
public class SmokeGoldenTests
{
    internal static readonly string GoldenRoot = Path.Combine(AppContext.BaseDirectory, "Reproduction", "Golden");

    [Theory]
    [InlineData("table1")]
    [InlineData("figure3")]
    [InlineData("table2")]
    [InlineData("table3")]
    [InlineData("table4")]
    [InlineData("organ")]
    public void Smoke_outputs_equal_the_golden_copies(string experiment)
    {
        using var folder = new TemporaryFolder($"seqgan-golden-{experiment}-");
        var output = folder.Path;
        var (code, _, error) = CliInvocation.Run([ReproduceCommand.Create()], ["reproduce", experiment, "--preset", "smoke", "--output", output]);
        Assert.Null(error);
        Assert.Equal(0, code);
        AssertMatchesGolden(experiment, output);
    }

    /// <summary>Every compared file <paramref name="output"/> holds equals the golden one of <paramref name="experiment"/>.</summary>
    internal static void AssertMatchesGolden(string experiment, string output)
    {
        var golden = Path.Combine(GoldenRoot, experiment);
        var hashes = Path.Combine(golden, "other-files.sha256");
        var expectedHashes = File.Exists(hashes)
            ? File.ReadAllLines(hashes).Select(line => line.Split("  ", 2)).ToDictionary(p => p[1], p => p[0])
            : [];
        var copies = Directory.GetFiles(golden, "*", SearchOption.AllDirectories)
            .Where(f => f != hashes).Select(f => Relative(golden, f)).ToList();

        Assert.Equal(copies.Concat(expectedHashes.Keys).Order(StringComparer.Ordinal), ComparedFiles(output).Order(StringComparer.Ordinal));
        foreach (var file in copies)
        {
            var difference = GoldenText.Difference(File.ReadAllText(Path.Combine(golden, file)), File.ReadAllText(Path.Combine(output, file)));
            Assert.True(difference is null,
                $"{experiment}/{file} differs from its golden copy: {difference} (run `seqgan reproduce {experiment} --preset smoke` and diff against {Path.Combine(golden, file)})");
        }
        foreach (var (file, hash) in expectedHashes)
            Assert.True(hash == Sha256(Path.Combine(output, file)), $"{experiment}/{file}: sha256 differs from the golden one");
    }

    /// <summary>What a reproduction writes, less PNGs, the copied plotly.js, results.json, timings.csv and checkpoints.</summary>
    private static IEnumerable<string> ComparedFiles(string output) =>
        Directory.GetFiles(output, "*", SearchOption.AllDirectories).Select(f => Relative(output, f))
            .Where(f => !f.StartsWith("checkpoints/", StringComparison.Ordinal) && !f.EndsWith(".png", StringComparison.Ordinal)
                && f is not ("plotly.min.js" or "results.json" or "timings.csv"));

    private static string Relative(string root, string path) => Path.GetRelativePath(root, path).Replace(Path.DirectorySeparatorChar, '/');

    private static string Sha256(string path) => Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(path)));
}
