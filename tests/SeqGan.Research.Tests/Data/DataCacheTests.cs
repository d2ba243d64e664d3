using System.Net;
using System.Security.Cryptography;
using SeqGan.Research.Data;

namespace SeqGan.Research.Tests.Data;

/// <summary>Only verified copies enter the cache: a wrong, short or missing source is an error naming the file
/// (with both hashes and sizes for a mismatch) and leaves the cache exactly as it was, temporary files included.</summary>
public sealed class DataCacheTests : IDisposable
{
    // 1,305 bytes: small enough to corrupt in many ways quickly.
    private const string SmallFile = "seqgan_oracle/original/experiment-log.txt";

    private readonly DirectoryInfo root = Directory.CreateTempSubdirectory("seqgan-cache-");
    private readonly DataCatalog catalog = DataCatalog.BuiltIn();

    public void Dispose() => root.Delete(recursive: true);

    private string CacheDirectory => Path.Combine(root.FullName, "cache");

    private DataCache NewCache(HttpMessageHandler? http = null) => new(catalog, CacheDirectory, defaultMirror: null, http);

    /// <summary>A mirror holding only <see cref="SmallFile"/>, with its bytes changed by <paramref name="change"/>.</summary>
    private string BadMirror(Func<byte[], byte[]> change)
    {
        var mirror = Path.Combine(root.FullName, "bad-mirror");
        var entry = catalog.Get(SmallFile);
        var file = entry.LocationUnder(mirror);
        Directory.CreateDirectory(Path.GetDirectoryName(file)!);
        File.WriteAllBytes(file, change(File.ReadAllBytes(entry.LocationUnder(TestData.Mirror))));
        return mirror;
    }

    private string[] FilesInCache() =>
        Directory.Exists(CacheDirectory)
            ? Directory.GetFiles(CacheDirectory, "*", SearchOption.AllDirectories).Select(f => Path.GetRelativePath(CacheDirectory, f).Replace('\\', '/')).Order().ToArray()
            : [];

    private static string Sha256(byte[] bytes) => Convert.ToHexStringLower(SHA256.HashData(bytes));

    /// <summary>Caches a good copy of <see cref="SmallFile"/> and returns its bytes.</summary>
    private byte[] CacheGoodCopy(DataCache cache)
    {
        var entry = catalog.Get(SmallFile);
        Assert.Equal(FetchOutcome.CopiedFromMirror, cache.Fetch(entry, TestData.Mirror).Outcome);
        return File.ReadAllBytes(cache.PathOf(entry));
    }

    [Fact]
    public void FetchesADatasetFromTheMirrorAndResolvesVerifiedCopies()
    {
        var cache = NewCache();
        var entries = catalog.Select("seqgan_oracle");
        var results = entries.Select(e => cache.Fetch(e, TestData.Mirror)).ToList();
        Assert.All(results, r => Assert.Equal(FetchOutcome.CopiedFromMirror, r.Outcome));
        Assert.Equal(entries.Select(e => e.Path).Order(), FilesInCache());
        foreach (var entry in entries)
            Assert.Equal(File.ReadAllBytes(entry.LocationUnder(TestData.Mirror)), File.ReadAllBytes(cache.Resolve(entry.Path)));

        // A second fetch reads nothing; a new instance verifies again and agrees.
        Assert.All(entries, e => Assert.Equal(FetchOutcome.AlreadyCached, cache.Fetch(e, TestData.Mirror).Outcome));
        var listed = NewCache().List();
        Assert.Equal(entries.Count, listed.Count(s => s.State == CachedFileState.Verified));
        Assert.Equal(catalog.Entries.Count - entries.Count, listed.Count(s => s.State == CachedFileState.Missing));
    }

    [Fact]
    public void AChangedByteIsReportedWithBothHashesAndKeepsTheGoodCopy()
    {
        var cache = NewCache();
        var good = CacheGoodCopy(cache);
        var changed = (byte[])good.Clone();
        changed[100] ^= 0x01;
        var mirror = BadMirror(_ => changed);

        var error = Assert.Throws<InvalidDataException>(() => cache.Fetch(catalog.Get(SmallFile), mirror, force: true));
        Assert.Contains(SmallFile, error.Message);
        Assert.Contains($"expected {catalog.Get(SmallFile).Sha256}", error.Message);
        Assert.Contains($"actual {Sha256(changed)}", error.Message);
        Assert.Contains("same size (1,305 bytes)", error.Message);
        Assert.Equal(good, File.ReadAllBytes(cache.Resolve(SmallFile)));
        Assert.Equal([SmallFile], FilesInCache());
    }

    [Fact]
    public void ATruncatedSourceIsReportedWithBothSizesAndKeepsTheGoodCopy()
    {
        var cache = NewCache();
        var good = CacheGoodCopy(cache);
        var mirror = BadMirror(bytes => bytes[..^1]);

        var error = Assert.Throws<InvalidDataException>(() => cache.Fetch(catalog.Get(SmallFile), mirror, force: true));
        Assert.Contains(SmallFile, error.Message);
        Assert.Contains("truncated: 1,304 of 1,305 bytes", error.Message);
        Assert.Contains($"actual {Sha256(good[..^1])}", error.Message);
        Assert.Equal(good, File.ReadAllBytes(cache.Resolve(SmallFile)));
        Assert.Equal([SmallFile], FilesInCache());
    }

    [Fact]
    public void AFileMissingFromTheMirrorIsNamedAndChangesNothing()
    {
        var cache = NewCache();
        var good = CacheGoodCopy(cache);
        var emptyMirror = Directory.CreateDirectory(Path.Combine(root.FullName, "empty-mirror")).FullName;

        var error = Assert.Throws<FileNotFoundException>(() => cache.Fetch(catalog.Get(SmallFile), emptyMirror, force: true));
        Assert.Contains(SmallFile, error.Message);
        Assert.Contains(emptyMirror, error.Message);
        Assert.Equal(good, File.ReadAllBytes(cache.Resolve(SmallFile)));
        Assert.Equal([SmallFile], FilesInCache());
    }

    [Fact]
    public void AFailedFirstFetchLeavesNoFileAtAll()
    {
        var cache = NewCache();
        Assert.Throws<InvalidDataException>(() => cache.Fetch(catalog.Get(SmallFile), BadMirror(bytes => bytes[..10])));
        Assert.Empty(FilesInCache());
        Assert.Equal(CachedFileState.Missing, cache.List().Single(s => s.Entry.Path == SmallFile).State);
        var error = Assert.Throws<FileNotFoundException>(() => cache.Resolve(SmallFile));
        Assert.Contains("seqgan data fetch seqgan_oracle", error.Message);
    }

    [Fact]
    public void ACorruptCachedCopyIsNeverResolvedAndIsReplacedByTheNextFetch()
    {
        var cache = NewCache();
        var good = CacheGoodCopy(cache);
        var path = cache.PathOf(catalog.Get(SmallFile));
        Assert.Equal(path, cache.Resolve(SmallFile));

        // Changed after it was verified: the size changes, so the remembered verification no longer applies.
        File.WriteAllBytes(path, good[..^5]);
        var error = Assert.Throws<InvalidDataException>(() => cache.Resolve(SmallFile));
        Assert.Contains("truncated: 1,300 of 1,305 bytes", error.Message);
        Assert.Contains($"expected {catalog.Get(SmallFile).Sha256}", error.Message);
        var status = cache.List().Single(s => s.Entry.Path == SmallFile);
        Assert.Equal(CachedFileState.Mismatch, status.State);

        var result = cache.Fetch(catalog.Get(SmallFile), TestData.Mirror);
        Assert.True(result.ReplacedMismatchedCopy);
        Assert.Equal(good, File.ReadAllBytes(cache.Resolve(SmallFile)));
    }

    [Fact]
    public void AMirrorOnlyFileWithoutAMirrorSaysWhereItComesFrom()
    {
        var error = Assert.Throws<IOException>(() => NewCache().Fetch(catalog.Get("seqgan_oracle/target_params.safetensors")));
        Assert.Contains("mirror-only", error.Message);
        Assert.Contains("seqgan_oracle/original/target_params.pkl", error.Message);
        Assert.Contains("--mirror", error.Message);
        Assert.Empty(FilesInCache());
    }

    [Fact]
    public void AnUnreachableUrlNamesTheFileAndUrlAndSuggestsAMirror()
    {
        var entry = catalog.Get(SmallFile);
        var cache = NewCache(new StubHandler(_ => throw new HttpRequestException("Name or service not known (raw.githubusercontent.com:443)")));
        var error = Assert.Throws<IOException>(() => cache.Fetch(entry));
        Assert.Contains(entry.Path, error.Message);
        Assert.Contains(entry.Url!, error.Message);
        Assert.Contains("Name or service not known", error.Message);
        Assert.Contains("--mirror", error.Message);
        Assert.Empty(FilesInCache());

        var notFound = NewCache(new StubHandler(_ => new HttpResponseMessage(HttpStatusCode.NotFound)));
        Assert.Contains("HTTP 404", Assert.Throws<IOException>(() => notFound.Fetch(entry)).Message);
        Assert.Empty(FilesInCache());
    }

    [Fact]
    public void DownloadsAreVerifiedLikeMirrorCopies()
    {
        var entry = catalog.Get(SmallFile);
        var good = File.ReadAllBytes(entry.LocationUnder(TestData.Mirror));
        var requested = new List<Uri?>();

        var truncating = NewCache(new StubHandler(request =>
        {
            requested.Add(request.RequestUri);
            return new HttpResponseMessage(HttpStatusCode.OK) { Content = new ByteArrayContent(good[..1000]) };
        }));
        var error = Assert.Throws<InvalidDataException>(() => truncating.Fetch(entry));
        Assert.Contains($"{SmallFile} from {entry.Url}", error.Message);
        Assert.Contains("truncated: 1,000 of 1,305 bytes", error.Message);
        Assert.Empty(FilesInCache());

        var serving = NewCache(new StubHandler(request =>
        {
            requested.Add(request.RequestUri);
            return new HttpResponseMessage(HttpStatusCode.OK) { Content = new ByteArrayContent(good) };
        }));
        Assert.Equal(FetchOutcome.Downloaded, serving.Fetch(entry).Outcome);
        Assert.Equal(good, File.ReadAllBytes(serving.Resolve(SmallFile)));
        Assert.Equal([new Uri(entry.Url!), new Uri(entry.Url!)], requested);
    }

    [Fact]
    public void TheDefaultMirrorIsUsedWhenNoneIsGiven()
    {
        var cache = new DataCache(catalog, CacheDirectory, defaultMirror: TestData.Mirror);
        var result = cache.Fetch(catalog.Get(SmallFile));
        Assert.Equal(FetchOutcome.CopiedFromMirror, result.Outcome);
        Assert.StartsWith(TestData.Mirror, result.Origin);
    }

    [Fact]
    public void TheDefaultCacheIsBesideTheCatalogOfTheRepository()
    {
        var repository = Directory.CreateDirectory(Path.Combine(root.FullName, "repo", "data")).Parent!.FullName;
        File.WriteAllText(Path.Combine(repository, "data", "catalog.json"), "{}");
        var nested = Directory.CreateDirectory(Path.Combine(repository, "notebooks", "deep")).FullName;
        Assert.Equal(Path.Combine(repository, "data", "cache"), DataCache.DefaultDirectory(nested));
    }

    private sealed class StubHandler(Func<HttpRequestMessage, HttpResponseMessage> respond) : HttpMessageHandler
    {
        protected override HttpResponseMessage Send(HttpRequestMessage request, CancellationToken cancellationToken) => respond(request);

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken) =>
            Task.FromResult(respond(request));
    }
}
