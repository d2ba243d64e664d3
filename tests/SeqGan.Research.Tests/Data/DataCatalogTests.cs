using System.Security.Cryptography;
using System.Text.RegularExpressions;
using SeqGan.Research.Data;

namespace SeqGan.Research.Tests.Data;

public class DataCatalogTests
{
    private static readonly DataCatalog Catalog = DataCatalog.BuiltIn();

    [Fact]
    public void EveryEntryMatchesTheMirrorBySizeAndSha256()
    {
        var problems = new List<string>();
        foreach (var entry in Catalog.Entries)
        {
            var file = entry.LocationUnder(TestData.Mirror);
            if (!File.Exists(file)) { problems.Add($"{entry.Path}: missing from the mirror"); continue; }
            using var stream = File.OpenRead(file);
            var sha = Convert.ToHexStringLower(SHA256.HashData(stream));
            if (stream.Length != entry.Size || sha != entry.Sha256)
                problems.Add($"{entry.Path}: mirror has {stream.Length} bytes sha256 {sha}, catalog says {entry.Size} bytes sha256 {entry.Sha256}");
        }
        Assert.Empty(problems);
    }

    [Fact]
    public void CoversEveryDatasetOfTheMirror()
    {
        var mirrorDatasets = Directory.GetDirectories(TestData.Mirror).Select(Path.GetFileName).Order().ToArray();
        Assert.Equal(mirrorDatasets, Catalog.Datasets.Order().ToArray());
        Assert.Contains(Catalog.Entries, e => e.Path == "seqgan_oracle/original/target_params.pkl" && !e.IsMirrorOnly);
        Assert.Contains(Catalog.Entries, e => e.Path == "seqgan_oracle/target_params.safetensors" && e.IsMirrorOnly);
    }

    [Fact]
    public void UpstreamUrlsPinACommitAndMirrorOnlyFilesNameTheirInputs()
    {
        var pinned = new Regex("^https://raw\\.githubusercontent\\.com/[^/]+/[^/]+/[0-9a-f]{40}/.+$");
        foreach (var entry in Catalog.Entries)
        {
            if (entry.IsMirrorOnly)
            {
                Assert.NotEmpty(entry.DerivedFrom);
                Assert.StartsWith("mirror-only", entry.Note);
                foreach (var input in entry.DerivedFrom)
                    Assert.True(input.EndsWith('/') ? Directory.Exists(Path.Combine(TestData.Mirror, input)) : Catalog.TryGet(input) is not null,
                        $"{entry.Path}: input {input} is neither a catalog entry nor a mirror folder");
            }
            else Assert.Matches(pinned, entry.Url!);
            Assert.NotEmpty(entry.License);
        }
        Assert.Equal(
            "https://raw.githubusercontent.com/LantaoYu/SeqGAN/e2b52fb6309851b14765290e8a972ccac09f1bec/save/target_params.pkl",
            Catalog.Get("seqgan_oracle/original/target_params.pkl").Url);
    }

    [Fact]
    public void SelectsAllADatasetOrOneFile()
    {
        Assert.Equal(Catalog.Entries.Count, Catalog.Select("all").Count);
        Assert.Equal(7, Catalog.Select("seqgan_oracle").Count);
        Assert.All(Catalog.Select("chinese_poems"), e => Assert.Equal("chinese_poems", e.Dataset));
        Assert.Equal("chinese_poems/shi.txt", Assert.Single(Catalog.Select("chinese_poems/shi.txt")).Path);
        var error = Assert.Throws<ArgumentException>(() => Catalog.Select("target_params.pkl"));
        Assert.Contains("did you mean seqgan_oracle/original/target_params.pkl", error.Message);
        Assert.Contains("datasets: seqgan_oracle", Assert.Throws<ArgumentException>(() => Catalog.Select("nonsense")).Message);
    }

    private const string GoodEntry =
        """{"dataset":"d","path":"d/a.txt","url":"https://example.org/a.txt","sha256":"%SHA%","size":3,"license":"MIT","note":"","derivedFrom":[]}""";

    private static string CatalogWith(params string[] files) => $$"""{"format":1,"files":[{{string.Join(",", files)}}]}""";

    private static string Entry(string sha = "0000000000000000000000000000000000000000000000000000000000000000",
        string path = "d/a.txt", string url = "\"https://example.org/a.txt\"", string derivedFrom = "[]") =>
        GoodEntry.Replace("%SHA%", sha).Replace("\"d/a.txt\"", $"\"{path}\"").Replace("\"https://example.org/a.txt\"", url).Replace("\"derivedFrom\":[]", $"\"derivedFrom\":{derivedFrom}");

    [Theory]
    [InlineData("bad-hash", "64 lower-case hex digits")]
    [InlineData("duplicate", "listed twice")]
    [InlineData("traversal", "relative path")]
    [InlineData("outside-dataset", "dataset's folder")]
    [InlineData("mirror-only-without-input", "derivedFrom")]
    [InlineData("unknown-input", "not in the catalog")]
    [InlineData("http", "https URL")]
    public void InvalidCatalogsAreRejectedNamingTheEntry(string defect, string expected)
    {
        var json = defect switch
        {
            "bad-hash" => CatalogWith(Entry(sha: "ABC")),
            "duplicate" => CatalogWith(Entry(), Entry()),
            "traversal" => CatalogWith(Entry(path: "d/../../etc/passwd")),
            "outside-dataset" => CatalogWith(Entry(path: "e/a.txt")),
            "mirror-only-without-input" => CatalogWith(Entry(url: "null")),
            "unknown-input" => CatalogWith(Entry(url: "null", derivedFrom: "[\"d/nothing.txt\"]")),
            _ => CatalogWith(Entry(url: "\"http://example.org/a.txt\"")),
        };
        var error = Assert.Throws<InvalidDataException>(() => DataCatalog.Parse(json, "test-catalog.json"));
        Assert.Contains("test-catalog.json", error.Message);
        Assert.Contains(expected, error.Message);
    }

    [Fact]
    public void AValidHandWrittenCatalogParses()
    {
        var catalog = DataCatalog.Parse(CatalogWith(Entry(), Entry(path: "d/b.bin", url: "null", derivedFrom: "[\"d/a.txt\"]")), "x");
        Assert.Equal(["d"], catalog.Datasets);
        Assert.True(catalog.Get("d/b.bin").IsMirrorOnly);
        Assert.Equal(["d/a.txt"], catalog.Get("d/b.bin").DerivedFrom);
    }
}
