namespace SeqGan.Research.Data;

/// <summary>
/// One dataset file of the catalog: where it lies (relative to a mirror or the cache, laid out like
/// shared/data), where it comes from, and the size and sha256 every copy must have before the kit uses it.
/// </summary>
/// <param name="Dataset">The first folder of <paramref name="Path"/>, e.g. <c>seqgan_oracle</c>.</param>
/// <param name="Path">Relative path with '/' separators, e.g. <c>seqgan_oracle/original/target_params.pkl</c>.</param>
/// <param name="Url">The raw file in the original repository at a pinned commit; null for mirror-only files.</param>
/// <param name="Sha256">Lower-case hex.</param>
/// <param name="DerivedFrom">For mirror-only files: the catalog entries (or folders, ending in '/') they were made from.</param>
public sealed record DataCatalogEntry(
    string Dataset,
    string Path,
    string? Url,
    string Sha256,
    long Size,
    string License,
    string Note,
    IReadOnlyList<string> DerivedFrom)
{
    /// <summary>Made by the kit maintainers, with no public URL: only a mirror can supply it.</summary>
    public bool IsMirrorOnly => Url is null;

    /// <summary>Where this file lies under a folder laid out like shared/data (a mirror or the cache).</summary>
    public string LocationUnder(string root) => System.IO.Path.Combine([root, .. Path.Split('/')]);
}
