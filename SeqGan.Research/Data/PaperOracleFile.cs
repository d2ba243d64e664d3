namespace SeqGan.Research.Data;

/// <summary>Finds the paper's oracle parameters without downloading anything: the safetensors conversion
/// (mirrors have it) or the original pickle (what `seqgan data fetch seqgan_oracle` downloads).</summary>
public static class PaperOracleFile
{
    public const string RelativePath = "seqgan_oracle/target_params.safetensors";

    /// <summary>The files that hold the oracle, in order of preference; all give the same tensors
    /// (<see cref="PaperOracleParameters.Load"/> reads each).</summary>
    public static IReadOnlyList<string> RelativePaths { get; } =
        [RelativePath, "seqgan_oracle/original/target_params.pkl", "seqgan_oracle/original/target_params_py3.pkl"];

    /// <summary>
    /// First of <see cref="RelativePaths"/> under $SEQGAN_DATA_MIRROR, then under data/cache and shared/data in the
    /// working directory or any parent. Null when none exists (the kit then uses a seeded random oracle).
    /// The file found is checked against the data catalog's sha256: a file that differs is an error, not a fallback.
    /// </summary>
    public static string? Find(string? startDirectory = null) =>
        Find(startDirectory, Environment.GetEnvironmentVariable(DataCache.MirrorVariable));

    /// <summary>As <see cref="Find(string?)"/>, with the mirror folder given instead of read from the environment.</summary>
    public static string? Find(string? startDirectory, string? mirror) => FindFirst(RelativePaths, startDirectory, mirror);

    /// <summary>Master's training log (e2b52fb <c>save/experiment-log.txt</c>: the NLL-oracle curve of one run of
    /// sequence_gan.py), found and checked as <see cref="Find(string?)"/> finds the oracle; null when absent.</summary>
    public static string? FindMasterLog(string? startDirectory = null, string? mirror = null) =>
        FindFirst([MasterLogRelativePath], startDirectory, mirror ?? Environment.GetEnvironmentVariable(DataCache.MirrorVariable));

    public const string MasterLogRelativePath = "seqgan_oracle/original/experiment-log.txt";

    private static string? FindFirst(IReadOnlyList<string> relativePaths, string? startDirectory, string? mirror)
    {
        var catalog = DataCatalog.BuiltIn();
        foreach (var root in Roots(startDirectory, mirror))
            foreach (var relative in relativePaths)
            {
                var candidate = Path.Combine([root, .. relative.Split('/')]);
                if (!File.Exists(candidate)) continue;
                var entry = catalog.Get(relative);
                var check = DataFileCheck.Of(candidate);
                if (!check.Matches(entry))
                    throw new InvalidDataException($"{candidate} is not the original file {entry.Path}: {check.DescribeAgainst(entry)}");
                return candidate;
            }
        return null;
    }

    private static IEnumerable<string> Roots(string? startDirectory, string? mirror)
    {
        if (!string.IsNullOrEmpty(mirror)) yield return mirror;
        for (var dir = new DirectoryInfo(startDirectory ?? Directory.GetCurrentDirectory()); dir is not null; dir = dir.Parent)
        {
            yield return Path.Combine(dir.FullName, "data", "cache");
            yield return Path.Combine(dir.FullName, "shared", "data");
        }
    }
}
