using SeqGan.Research.Data.Corpora;

namespace SeqGan.Research.Tests.Data.Corpora;

/// <summary>The three corpora of Tables 2–4, loaded from the data mirror as the experiments load them.</summary>
public class RealCorporaTests
{
    private static string MirrorFile(string catalogPath) => Path.Combine([TestData.Mirror, .. catalogPath.Split('/')]);

    [Fact]
    public void PoemsAreTwentyCharactersEachWithoutPunctuation()
    {
        var corpus = ChinesePoemCorpus.Load(MirrorFile(CatalogCorpusFile.ChinesePoems));
        Assert.Equal(16_394, corpus.Sequences.Count);          // the paper's count
        Assert.Equal(20, corpus.SequenceLength);
        Assert.Equal(4_771 - 2, corpus.Vocabulary.Count);      // SOURCE.md's 4,771 distinct tokens less ， and 。
        Assert.False(corpus.Vocabulary.Contains("，") || corpus.Vocabulary.Contains("。"));
        Assert.Equal("秦川雄帝宅函谷壮皇居绮殿千寻起离宫百雉余", corpus.Decode(corpus.Sequences[0].Select(i => (long)i)));
    }

    [Fact]
    public void ObamaParagraphsAreLowerCaseWordsCutAndPaddedWithRareWordsAsOthers()
    {
        var corpus = TextCorpus.Load(MirrorFile(CatalogCorpusFile.ObamaSpeeches),
            new TextCorpusOptions { Tokens = TokenKind.Words, MaxLength = 40, VocabularySize = 5000 });
        Assert.InRange(corpus.Sequences.Count, 6_800, 6_921);  // non-blank lines that hold a word
        Assert.Equal(5000, corpus.Vocabulary.Count);
        Assert.Equal(0, corpus.Vocabulary.PadId);
        Assert.Equal(TextCorpus.UnknownToken, corpus.Vocabulary.TokenOf(1));
        Assert.All(corpus.Sequences, s => Assert.Equal(40, s.Length));
        Assert.True(corpus.UnknownTokens.Count > 1000, $"{corpus.UnknownTokens.Count} rare words");
        Assert.All(corpus.Vocabulary.Tokens.Skip(2), t => Assert.Equal(t.ToLowerInvariant(), t));
        // A short paragraph ends in padding; a long one fills all 40 positions.
        Assert.Contains(corpus.Sequences, s => s[^1] == 0);
        Assert.Contains(corpus.Sequences, s => s.All(id => id != 0));
    }

    [Fact]
    public void WordTokensKeepSentenceMarksAndInnerApostrophes()
    {
        Assert.Equal(["we", "can't", "wait", "yes", ",", "we", "can", "."],
            TextCorpus.Tokenize("We can\u2019t wait -- YES, we can.", TokenKind.Words));
        Assert.Equal(["a", " ", "b", "!"], TextCorpus.Tokenize("  a   b!", TokenKind.Characters));
    }

    [Fact]
    public void MelodiesAreWindowsOf32PitchesWithRestsHeld()
    {
        var corpus = MelodyCorpus.Load(MirrorFile(CatalogCorpusFile.NottinghamMelodies));
        Assert.Equal(88, corpus.Vocabulary.Count);
        Assert.Equal(32, corpus.SequenceLength);
        Assert.InRange(corpus.Groups.Distinct().Count(), 1_000, 1_034);
        Assert.True(corpus.Sequences.Count > 4_000, $"{corpus.Sequences.Count} windows");
        // ashover1 starts "0 0 0 56 54 54 54 51 …": leading rests dropped, id = pitch − 1.
        Assert.Equal([55, 53, 53, 53, 50], corpus.Sequences[0][..5]);
        Assert.Equal([5, 5, 7, 7, 7, 3], MelodyCorpus.HoldThroughRests([0, 0, 5, 0, 7, 0, 0, 3]));
    }

    [Fact]
    public void TheSplitIsDeterministicDisjointAndKeepsTunesWhole()
    {
        var corpus = MelodyCorpus.Load(MirrorFile(CatalogCorpusFile.NottinghamMelodies));
        var a = CorpusSplit.Create(corpus, 0.1, seed: 7);
        var b = CorpusSplit.Create(corpus, 0.1, seed: 7);
        var c = CorpusSplit.Create(corpus, 0.1, seed: 8);
        Assert.Equal(a.TestIndices, b.TestIndices);
        Assert.Equal(a.TrainIndices, b.TrainIndices);
        Assert.NotEqual(a.TestIndices.Order(), c.TestIndices.Order());
        Assert.Empty(a.TrainIndices.Intersect(a.TestIndices));
        Assert.Equal(corpus.Sequences.Count, a.TrainIndices.Length + a.TestIndices.Length);
        var testTunes = a.TestIndices.Select(i => corpus.Groups[i]).ToHashSet();
        Assert.DoesNotContain(a.TrainIndices, i => testTunes.Contains(corpus.Groups[i]));
        Assert.Equal((int)Math.Ceiling(0.1 * corpus.Groups.Distinct().Count()), testTunes.Count);

        using var folder = new TempFolder();
        var files = a.Save(folder.Path);
        Assert.Equal(4, files.Count);
        Assert.Equal(a.TestIndices.Length, File.ReadAllLines(Path.Combine(folder.Path, "test.txt")).Length);
        Assert.Equal(88, Vocabulary.Load(Path.Combine(folder.Path, "vocabulary.json")).Count);
    }
}
