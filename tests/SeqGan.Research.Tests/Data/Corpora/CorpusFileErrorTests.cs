using System.Text;
using SeqGan.Research.Data.Corpora;

namespace SeqGan.Research.Tests.Data.Corpora;

/// <summary>Bad corpus files are errors that name the file and line; none crashes or is silently used.</summary>
public class CorpusFileErrorTests
{
    private static string Poem(string seed) => string.Join(" ", Enumerable.Range(0, 20).Select(i => ((char)(seed[0] + i)).ToString()));

    [Fact]
    public void APoemLineWithTheWrongNumberOfCharactersNamesFileAndLine()
    {
        using var folder = new TempFolder();
        var path = folder.Write("poems.txt", $"{Poem("一")}\n{Poem("丁")}\n秦 川 雄 帝 宅 ， 函 谷 壮 皇 居 。\n");
        var error = Assert.Throws<InvalidDataException>(() => ChinesePoemCorpus.Load(path));
        Assert.Contains($"{path}:3", error.Message);
        Assert.Contains("expected 20 characters after dropping punctuation, found 10", error.Message);
    }

    [Fact]
    public void NonUtf8BytesAreAnErrorNamingFileAndLine()
    {
        using var folder = new TempFolder();
        var bytes = Encoding.UTF8.GetBytes($"{Poem("一")}\n").Concat(new byte[] { 0xE7, 0xA7, 0x20, 0xFF, 0x0A }).ToArray();
        var path = folder.WriteBytes("poems.txt", bytes);
        var error = Assert.Throws<InvalidDataException>(() => ChinesePoemCorpus.Load(path));
        Assert.Contains($"{path}:2", error.Message);
        Assert.Contains("not valid UTF-8", error.Message);
        Assert.Throws<InvalidDataException>(() => TextCorpus.Load(path, new TextCorpusOptions()));
    }

    [Fact]
    public void AnEmptyCorpusIsAnErrorNamingTheFile()
    {
        using var folder = new TempFolder();
        var path = folder.Write("empty.txt", "\n  \n\n");
        Assert.Contains(path, Assert.Throws<InvalidDataException>(() => ChinesePoemCorpus.Load(path)).Message);
        Assert.Contains("empty", Assert.Throws<InvalidDataException>(() => TextCorpus.Load(path, new TextCorpusOptions())).Message);
        var csv = folder.Write("melody.csv", "tune,length,sequence\nshort,3,40 41 42\n");
        Assert.Contains("empty", Assert.Throws<InvalidDataException>(() => MelodyCorpus.Load(csv)).Message);
    }

    [Fact]
    public void AMelodyLineWhoseCountDisagreesWithItsLengthNamesFileAndLine()
    {
        using var folder = new TempFolder();
        var good = string.Join(' ', Enumerable.Repeat("40", 32));
        var path = folder.Write("melody.csv", $"tune,length,sequence\na,32,{good}\nb,32,40 41 42\n");
        var error = Assert.Throws<InvalidDataException>(() => MelodyCorpus.Load(path));
        Assert.Contains($"{path}:3", error.Message);
        Assert.Contains("says 32 samples but has 3", error.Message);

        var badPitch = folder.Write("pitch.csv", $"tune,length,sequence\na,2,40 89\n");
        Assert.Contains($"{badPitch}:2", Assert.Throws<InvalidDataException>(() => MelodyCorpus.Load(badPitch)).Message);
        var noHeader = folder.Write("noheader.csv", $"a,32,{good}\n");
        Assert.Contains($"{noHeader}:1", Assert.Throws<InvalidDataException>(() => MelodyCorpus.Load(noHeader)).Message);
    }

    [Fact]
    public void ATruncatedOrAlteredCatalogFileIsRejectedWithBothHashes()
    {
        using var folder = new TempFolder();
        var catalog = SeqGan.Research.Data.DataCatalog.BuiltIn();
        var entry = catalog.Get(CatalogCorpusFile.ChinesePoems);
        var original = Path.Combine(TestData.Mirror, "chinese_poems", "shi.txt");
        Assert.Equal(original, CatalogCorpusFile.Verified(entry, original));

        var bytes = File.ReadAllBytes(original);
        var truncated = folder.WriteBytes("shi.txt", bytes[..(bytes.Length / 2)]);
        var error = Assert.Throws<InvalidDataException>(() => CatalogCorpusFile.Verified(entry, truncated));
        Assert.Contains(truncated, error.Message);
        Assert.Contains(entry.Sha256, error.Message);

        bytes[10] ^= 1;
        var altered = folder.WriteBytes("altered.txt", bytes);
        Assert.Contains(entry.Sha256, Assert.Throws<InvalidDataException>(() => CatalogCorpusFile.Verified(entry, altered)).Message);
    }

    [Fact]
    public void AMissingCorpusFileIsAClearError()
    {
        var error = Assert.Throws<FileNotFoundException>(() => ChinesePoemCorpus.Load("/nonexistent/shi.txt"));
        Assert.Contains("/nonexistent/shi.txt", error.Message);
    }
}
