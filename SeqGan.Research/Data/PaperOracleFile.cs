namespace SeqGan.Research.Data;

/// <summary>Finds the paper's oracle parameters (target_params.safetensors) without downloading anything.</summary>
public static class PaperOracleFile
{
    public const string RelativePath = "seqgan_oracle/target_params.safetensors";

    /// <summary>
    /// First of: $SEQGAN_DATA_MIRROR/seqgan_oracle/…, data/cache/seqgan_oracle/… and shared/data/seqgan_oracle/…
    /// in the working directory or any parent. Null when none exists (the kit then uses a seeded random oracle).
    /// </summary>
    public static string? Find(string? startDirectory = null)
    {
        var mirror = Environment.GetEnvironmentVariable("SEQGAN_DATA_MIRROR");
        if (!string.IsNullOrEmpty(mirror) && File.Exists(Path.Combine(mirror, RelativePath)))
            return Path.Combine(mirror, RelativePath);
        for (var dir = new DirectoryInfo(startDirectory ?? Directory.GetCurrentDirectory()); dir is not null; dir = dir.Parent)
        {
            foreach (var candidate in new[] { Path.Combine(dir.FullName, "data", "cache", RelativePath), Path.Combine(dir.FullName, "shared", "data", RelativePath) })
                if (File.Exists(candidate)) return candidate;
        }
        return null;
    }
}
