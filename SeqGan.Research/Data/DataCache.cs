using System.Collections.Concurrent;
using System.Security.Cryptography;
using SeqGan.Research.Storage;

namespace SeqGan.Research.Data;

/// <summary>
/// The local copies of catalog files (data/cache/, laid out like shared/data). A file enters the cache only
/// through <see cref="Fetch"/>, which writes a temporary file, checks its size and sha256 against the catalog and
/// only then renames it into place: a truncated or altered source never replaces a cached copy, and a failed
/// fetch leaves no partial file behind. <see cref="Resolve"/> hands out only copies that verify.
/// </summary>
public sealed class DataCache
{
    /// <summary>Environment variable naming a mirror folder laid out like shared/data.</summary>
    public const string MirrorVariable = "SEQGAN_DATA_MIRROR";

    private const int CopyBufferBytes = 1 << 16;

    // A copy verified once is trusted while its length and write time stay the same: hashing every
    // Resolve would re-read megabytes per use.
    private readonly ConcurrentDictionary<string, (long Length, DateTime WrittenUtc)> verified = new(StringComparer.Ordinal);
    private readonly HttpMessageHandler? httpHandler;

    /// <param name="defaultMirror">Used when <see cref="Fetch"/> is given no mirror; null means download from the URL.</param>
    /// <param name="httpHandler">For tests; null uses the platform's HTTP stack.</param>
    public DataCache(DataCatalog catalog, string directory, string? defaultMirror = null, HttpMessageHandler? httpHandler = null)
    {
        Catalog = catalog;
        Directory = Path.GetFullPath(directory);
        DefaultMirror = string.IsNullOrEmpty(defaultMirror) ? null : defaultMirror;
        this.httpHandler = httpHandler;
    }

    /// <summary>The built-in catalog, <paramref name="directory"/> (default <see cref="DefaultDirectory"/>) and
    /// the mirror named by $SEQGAN_DATA_MIRROR, if any.</summary>
    public static DataCache Open(string? directory = null, DataCatalog? catalog = null) =>
        new(catalog ?? DataCatalog.BuiltIn(), directory ?? DefaultDirectory(), Environment.GetEnvironmentVariable(MirrorVariable));

    /// <summary>data/cache of the nearest folder (from <paramref name="startDirectory"/> or the working directory upward)
    /// that holds data/catalog.json — the repository root — else data/cache under the working directory.</summary>
    public static string DefaultDirectory(string? startDirectory = null)
    {
        var start = Path.GetFullPath(startDirectory ?? System.IO.Directory.GetCurrentDirectory());
        for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "data", "catalog.json")))
                return Path.Combine(dir.FullName, "data", "cache");
        return Path.Combine(start, "data", "cache");
    }

    public DataCatalog Catalog { get; }

    public string Directory { get; }

    public string? DefaultMirror { get; }

    public string PathOf(DataCatalogEntry entry) => entry.LocationUnder(Directory);

    /// <summary>
    /// Puts a verified copy of <paramref name="entry"/> into the cache: from <paramref name="mirror"/> (else
    /// <see cref="DefaultMirror"/>) when one is given, else from the entry's URL. A copy that already verifies is
    /// kept unless <paramref name="force"/>; either way a source that does not verify changes nothing.
    /// </summary>
    /// <exception cref="InvalidDataException">The source's size or sha256 differs from the catalog's (both are in the message).</exception>
    /// <exception cref="FileNotFoundException">The mirror has no such file.</exception>
    /// <exception cref="IOException">The download failed, or the file is mirror-only and no mirror was given.</exception>
    public FetchResult Fetch(DataCatalogEntry entry, string? mirror = null, bool force = false, CancellationToken cancellationToken = default)
    {
        var target = PathOf(entry);
        var hadMismatchedCopy = false;
        if (File.Exists(target))
        {
            if (Check(entry, target).Matches(entry))
            {
                if (!force) return new FetchResult(entry, target, FetchOutcome.AlreadyCached, target, false);
            }
            else hadMismatchedCopy = true;
        }

        mirror = string.IsNullOrEmpty(mirror) ? DefaultMirror : mirror;
        if (mirror is not null)
        {
            var source = entry.LocationUnder(mirror);
            if (!File.Exists(source))
                throw new FileNotFoundException($"{entry.Path}: not in the mirror {mirror} (no file {source}); the cache was not changed", source);
            using (var input = new FileStream(source, FileMode.Open, FileAccess.Read, FileShare.Read, CopyBufferBytes))
                WriteVerified(entry, target, input, source, e => e, cancellationToken);
            return new FetchResult(entry, target, FetchOutcome.CopiedFromMirror, source, hadMismatchedCopy);
        }
        if (entry.Url is null)
            throw new IOException(
                $"{entry.Path} is mirror-only (made by the kit maintainers from {string.Join(", ", entry.DerivedFrom)}; it has no public URL): "
                + $"fetch it with --mirror DIR (a folder laid out like shared/data) or set {MirrorVariable}");
        Download(entry, target, cancellationToken);
        return new FetchResult(entry, target, FetchOutcome.Downloaded, entry.Url, hadMismatchedCopy);
    }

    /// <summary>The cached copy of the catalog file at <paramref name="path"/> (e.g. <c>chinese_poems/shi.txt</c>),
    /// verified by sha256 the first time this instance hands it out.</summary>
    public string Resolve(string path)
    {
        var entry = Catalog.Get(path);
        var file = PathOf(entry);
        if (!File.Exists(file))
            throw new FileNotFoundException(
                $"{entry.Path} is not in the data cache {Directory}: run `seqgan data fetch {entry.Dataset}`"
                + (entry.IsMirrorOnly ? " --mirror DIR (the file is mirror-only)" : " (add --mirror DIR without network access)"), file);
        var check = Check(entry, file);
        if (!check.Matches(entry))
            throw new InvalidDataException(
                $"cached {entry.Path} ({file}) does not match the catalog ({check.DescribeAgainst(entry)}); "
                + $"it will not be used: run `seqgan data fetch {entry.Path}` to replace it");
        return file;
    }

    /// <summary>Every catalog file with whether the cache holds it and whether that copy verifies.</summary>
    public IReadOnlyList<CachedFileStatus> List() =>
        Catalog.Entries.Select(entry =>
        {
            var file = PathOf(entry);
            if (!File.Exists(file)) return new CachedFileStatus(entry, file, CachedFileState.Missing, null);
            var check = Check(entry, file);
            return check.Matches(entry)
                ? new CachedFileStatus(entry, file, CachedFileState.Verified, null)
                : new CachedFileStatus(entry, file, CachedFileState.Mismatch, check.DescribeAgainst(entry));
        }).ToList();

    private DataFileCheck Check(DataCatalogEntry entry, string file)
    {
        var info = new FileInfo(file);
        var stamp = (info.Length, info.LastWriteTimeUtc);
        if (verified.TryGetValue(file, out var known) && known == stamp) return new DataFileCheck(entry.Size, entry.Sha256);
        var check = DataFileCheck.Of(file);
        if (check.Matches(entry)) verified[file] = stamp;
        else verified.TryRemove(file, out _);
        return check;
    }

    private void Download(DataCatalogEntry entry, string target, CancellationToken cancellationToken)
    {
        IOException Failed(string reason, Exception? inner) => new(
            $"could not download {entry.Path} from {entry.Url}: {reason}. Without network access, copy it from a mirror: "
            + $"seqgan data fetch {entry.Dataset} --mirror DIR (a folder laid out like shared/data), or set {MirrorVariable}; the cache was not changed",
            inner);
        Exception ReadFailed(Exception e) => e is OperationCanceledException && cancellationToken.IsCancellationRequested ? e : Failed(e.Message, e);

        using var client = httpHandler is null ? new HttpClient() : new HttpClient(httpHandler, disposeHandler: false);
        client.Timeout = TimeSpan.FromMinutes(5);
        HttpResponseMessage response;
        try
        {
            response = client.Send(new HttpRequestMessage(HttpMethod.Get, entry.Url), HttpCompletionOption.ResponseHeadersRead, cancellationToken);
        }
        catch (Exception e) when (e is HttpRequestException or IOException or NotSupportedException
                                      || (e is OperationCanceledException && !cancellationToken.IsCancellationRequested))
        {
            throw Failed(e.Message, e);
        }
        using (response)
        {
            if (!response.IsSuccessStatusCode) throw Failed($"HTTP {(int)response.StatusCode} {response.ReasonPhrase}", null);
            Stream body;
            try
            {
                body = response.Content.ReadAsStream(cancellationToken);
            }
            catch (Exception e) when (e is HttpRequestException or IOException or OperationCanceledException)
            {
                throw ReadFailed(e);
            }
            using (body) WriteVerified(entry, target, body, entry.Url!, ReadFailed, cancellationToken);
        }
    }

    /// <summary>Copies <paramref name="source"/> to a temporary file beside <paramref name="target"/>, hashing as it goes,
    /// and renames it into place only if size and sha256 match (AtomicFile deletes the temporary file otherwise).</summary>
    private void WriteVerified(DataCatalogEntry entry, string target, Stream source, string origin,
        Func<Exception, Exception> readFailure, CancellationToken cancellationToken)
    {
        AtomicFile.Write(target, output =>
        {
            using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
            var buffer = new byte[CopyBufferBytes];
            long total = 0;
            while (true)
            {
                cancellationToken.ThrowIfCancellationRequested();
                int read;
                try
                {
                    read = source.Read(buffer);
                }
                catch (Exception e) when (e is IOException or HttpRequestException or OperationCanceledException)
                {
                    var wrapped = readFailure(e);
                    if (ReferenceEquals(wrapped, e)) throw;
                    throw wrapped;
                }
                if (read == 0) break;
                hash.AppendData(buffer, 0, read);
                output.Write(buffer, 0, read);
                total += read;
            }
            var check = new DataFileCheck(total, Convert.ToHexStringLower(hash.GetHashAndReset()));
            if (!check.Matches(entry))
                throw new InvalidDataException(
                    $"{entry.Path} from {origin} does not match the catalog: {check.DescribeAgainst(entry)}; the cache was not changed");
        });
        var written = new FileInfo(target);
        verified[target] = (written.Length, written.LastWriteTimeUtc);
    }
}
