namespace SeqGan.Research.Data.Corpora;

/// <summary>
/// Finds a catalog file for an experiment — in the verified cache (data/cache), or in a mirror ($SEQGAN_DATA_MIRROR,
/// or a shared/data folder beside or above the working directory) — and checks its size and sha256 against the
/// catalog before anyone reads it: a truncated or altered file is an error naming the file and both hashes.
/// </summary>
public static class CatalogCorpusFile
{
    public const string ChinesePoems = "chinese_poems/shi.txt";
    public const string ObamaSpeeches = "obama_speeches/obama_speeches.txt";
    public const string NottinghamMelodies = "nottingham/melody_pitch_0.4s.csv";

    /// <summary>The verified path of catalog file <paramref name="catalogPath"/>.</summary>
    public static string Locate(string catalogPath, DataCache? cache = null, string? mirror = null)
    {
        cache ??= DataCache.Open();
        var entry = cache.Catalog.Get(catalogPath);
        var cached = cache.PathOf(entry);
        if (File.Exists(cached)) return cache.Resolve(catalogPath);
        foreach (var folder in new[] { mirror, cache.DefaultMirror, FindSharedData() })
        {
            if (string.IsNullOrEmpty(folder)) continue;
            var candidate = entry.LocationUnder(folder);
            if (File.Exists(candidate)) return Verified(entry, candidate);
        }
        throw new FileNotFoundException(
            $"{catalogPath} was found neither in the data cache ({cache.Directory}) nor in a mirror: run `seqgan data fetch {entry.Dataset}`"
            + $"{(entry.IsMirrorOnly ? " --mirror DIR (the file is mirror-only)" : "")}, or set {DataCache.MirrorVariable} to a folder laid out like shared/data", cached);
    }

    /// <summary>Checks <paramref name="file"/> against the catalog entry; throws naming the file and both hashes on a mismatch.</summary>
    public static string Verified(DataCatalogEntry entry, string file)
    {
        var check = DataFileCheck.Of(file);
        if (!check.Matches(entry))
            throw new InvalidDataException($"{file} does not match the catalog's {entry.Path} ({check.DescribeAgainst(entry)}); it will not be used");
        return file;
    }

    private static string? FindSharedData()
    {
        for (var dir = new DirectoryInfo(Directory.GetCurrentDirectory()); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "shared", "data");
            if (Directory.Exists(candidate)) return candidate;
        }
        return null;
    }
}
