using SeqGan.Research.Data.Corpora;

namespace SeqGan.Research.Tests.Data.Corpora;

public class VocabularyTests
{
    [Fact]
    public void BuildRanksByFrequencyThenOrdinallyAfterTheReservedTokens()
    {
        string[][] lines = [["b", "a", "c"], ["a", "c"], ["a", "d"]];
        var vocabulary = Vocabulary.Build(lines, ["<pad>", "OTHERS"], maxSize: 4, padToken: "<pad>", unknownToken: "OTHERS");
        Assert.Equal(["<pad>", "OTHERS", "a", "c"], vocabulary.Tokens);
        var encoded = vocabulary.Encode(["a", "b", "d", "c"]);
        Assert.Equal([2, 1, 1, 3], encoded.Ids);
        Assert.Equal(["b", "d"], encoded.Unknown);
        // Input order does not change the vocabulary.
        Assert.Equal(vocabulary.Tokens, Vocabulary.Build(lines.Reverse(), ["<pad>", "OTHERS"], 4, "<pad>", "OTHERS").Tokens);
    }

    [Fact]
    public void DecodeStopsAtTheFirstPaddingToken()
    {
        var vocabulary = new Vocabulary(["<pad>", "OTHERS", "yes", "we"], "<pad>", "OTHERS");
        Assert.Equal(["yes", "we"], vocabulary.Decode([2L, 3L, 0L, 2L]));
        Assert.Equal([2, 3], vocabulary.Content([2L, 3L, 0L, 2L]));
    }

    [Fact]
    public void WithoutAnUnknownTokenAnUnseenTokenIsAnErrorNamingIt()
    {
        var vocabulary = new Vocabulary(["a", "b"]);
        var error = Assert.Throws<KeyNotFoundException>(() => vocabulary.Encode(["a", "z"]));
        Assert.Contains("'z'", error.Message);
        Assert.Throws<ArgumentException>(() => new Vocabulary(["a", "b", "a"]));
    }

    [Fact]
    public void SaveAndLoadRoundTripsTokensAndSpecialTokens()
    {
        using var folder = new TempFolder();
        var vocabulary = new Vocabulary(["<pad>", "OTHERS", "秦", "\"quoted\"", " "], "<pad>", "OTHERS");
        var path = Path.Combine(folder.Path, "vocabulary.json");
        vocabulary.Save(path);
        var loaded = Vocabulary.Load(path);
        Assert.Equal(vocabulary.Tokens, loaded.Tokens);
        Assert.Equal(0, loaded.PadId);
        Assert.Equal(1, loaded.UnknownId);
    }

    [Fact]
    public void LoadingACorruptVocabularyNamesTheFile()
    {
        using var folder = new TempFolder();
        var path = folder.Write("vocabulary.json", "{\"format\": 1, \"tokens\": [\"a\", 3]}");
        var error = Assert.Throws<InvalidDataException>(() => Vocabulary.Load(path));
        Assert.Contains(path, error.Message);
    }
}
