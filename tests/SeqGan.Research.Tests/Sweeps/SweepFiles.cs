using SeqGan.Research.Tests.Gpu;

namespace SeqGan.Research.Tests.Sweeps;

/// <summary>What the sweep tests share: running seqgan at one libtorch thread (numbers equal digit for digit only at
/// the same thread count), and comparing Table 1's files of two runs.</summary>
internal static class SweepFiles
{
    public static readonly IReadOnlyDictionary<string, string?> OneThread = new Dictionary<string, string?> { ["SEQGAN_NUM_THREADS"] = "1" };

    public static (int ExitCode, string Output) Seqgan(IEnumerable<string> arguments, IReadOnlyDictionary<string, string?>? environment = null,
        int minutes = 5) =>
        ExternalProcess.Run(ExternalProcess.Seqgan, arguments, TimeSpan.FromMinutes(minutes), environment: environment ?? OneThread);

    /// <summary>table1.md, table1.csv, figure2-curves.csv and the figures' HTML of <paramref name="a"/> and <paramref name="b"/>
    /// are the same bytes — but the wall-time column, which no two runs share.</summary>
    public static void AssertSameTable1(string a, string b)
    {
        static IEnumerable<string> WithoutLastColumn(string file, char separator) =>
            File.ReadAllLines(file).Select(line => string.Join(separator, line.TrimEnd('|', ' ').Split(separator)[..^1]));
        Assert.Equal(WithoutLastColumn(Path.Combine(a, "table1.csv"), ','), WithoutLastColumn(Path.Combine(b, "table1.csv"), ','));
        Assert.Equal(WithoutLastColumn(Path.Combine(a, "table1.md"), '|'), WithoutLastColumn(Path.Combine(b, "table1.md"), '|'));
        foreach (var name in new[] { "figure2-curves.csv", "figure2.html", "table1.html" })
            if (File.Exists(Path.Combine(a, name)) || File.Exists(Path.Combine(b, name)))
                Assert.True(File.ReadAllBytes(Path.Combine(a, name)).SequenceEqual(File.ReadAllBytes(Path.Combine(b, name))), $"{name} differs between {a} and {b}");
    }
}
