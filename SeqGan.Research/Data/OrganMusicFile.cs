namespace SeqGan.Research.Data;

/// <summary>Finds ORGAN's ABC corpus (music_large.txt) without downloading: under $SEQGAN_DATA_MIRROR, then
/// data/cache and shared/data in the working directory or any parent; the copy found must match the catalog's sha256.</summary>
public static class OrganMusicFile
{
    public static string? Find(string? startDirectory = null) =>
        Find(startDirectory, Environment.GetEnvironmentVariable(DataCache.MirrorVariable));

    public static string? Find(string? startDirectory, string? mirror)
    {
        var entry = DataCatalog.BuiltIn().Get(AbcCorpus.RelativePath);
        foreach (var root in Roots(startDirectory, mirror))
        {
            var candidate = Path.Combine([root, .. AbcCorpus.RelativePath.Split('/')]);
            if (!File.Exists(candidate)) continue;
            var check = DataFileCheck.Of(candidate);
            if (!check.Matches(entry))
                throw new InvalidDataException($"{candidate} is not ORGAN's {entry.Path}: {check.DescribeAgainst(entry)}");
            return candidate;
        }
        return null;
    }

    /// <summary>As <see cref="Find(string?)"/>, but a missing corpus is an error that says how to get it.</summary>
    public static string Require(string? startDirectory = null) => Find(startDirectory) ?? throw new FileNotFoundException(
        $"{AbcCorpus.RelativePath} not found: run `seqgan data fetch organ_music` (downloads into data/cache/) or set {DataCache.MirrorVariable} to a folder laid out like shared/data");

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
