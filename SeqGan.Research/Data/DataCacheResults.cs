namespace SeqGan.Research.Data;

public enum FetchOutcome
{
    /// <summary>A verified copy was already in the cache; nothing was read.</summary>
    AlreadyCached,
    CopiedFromMirror,
    Downloaded,
}

/// <param name="Origin">The mirror file or URL the copy came from (the cached path for <see cref="FetchOutcome.AlreadyCached"/>).</param>
/// <param name="ReplacedMismatchedCopy">The cache held a copy that did not verify; the verified one replaced it.</param>
public sealed record FetchResult(DataCatalogEntry Entry, string CachedPath, FetchOutcome Outcome, string Origin, bool ReplacedMismatchedCopy);

public enum CachedFileState
{
    Missing,
    Verified,
    /// <summary>Present, but its size or sha256 differs from the catalog's: it will not be used.</summary>
    Mismatch,
}

/// <param name="Problem">For <see cref="CachedFileState.Mismatch"/>: both sizes and both hashes.</param>
public sealed record CachedFileStatus(DataCatalogEntry Entry, string CachedPath, CachedFileState State, string? Problem);
