using SeqGan.Research.Data;

namespace SeqGan.Research.Tests.Organ;

public class AbcCorpusTests
{
    [Fact]
    public void Splitting_the_original_file_reproduces_the_logged_statistics()
    {
        var tunes = AbcTokenizer.ReadFile(OrganTestData.MusicLarge);
        Assert.Equal(1037, tunes.Count);
        Assert.Empty(tunes[0]);     // the first "X" line appends the empty initial tune

        var corpus = AbcCorpus.Load(OrganTestData.MusicLarge);
        Assert.Equal(664, corpus.Tunes.Count);                          // "Num valid data points is 664"
        Assert.Equal(53.393072, corpus.MeanTuneLength, 6);              // "Avg length to use is 53.393072"
        Assert.Equal(211, corpus.Vocabulary.Size);                      // "Size of alphabet is 211"
        Assert.Equal(210, corpus.Vocabulary.PadId);
        Assert.All(corpus.Tunes, t => Assert.True(t.Count is >= 5 and < 80));
    }

    [Fact]
    public void Most_frequent_tokens_are_the_ones_the_spec_lists()
    {
        var corpus = AbcCorpus.Load(OrganTestData.MusicLarge);
        var top = corpus.Tunes.SelectMany(t => t).GroupBy(t => t).OrderByDescending(g => g.Count()).Take(3).ToList();
        Assert.Equal("", top[0].Key);
        Assert.Equal(5165, top[0].Count());
        Assert.Equal("|", top[1].Key);
        Assert.Equal(4570, top[1].Count());
    }

    [Fact]
    public void Encoding_then_decoding_gives_the_tokens_joined_by_spaces()
    {
        var corpus = AbcCorpus.Load(OrganTestData.MusicLarge);
        for (var i = 0; i < corpus.Tunes.Count; i += 37)
        {
            var row = corpus.Rows[i];
            Assert.Equal(80, row.Length);
            Assert.Equal(corpus.Vocabulary.PadId, row[^1]);
            Assert.Equal(string.Join(' ', corpus.Tunes[i]).TrimEnd('_', ' '), corpus.Vocabulary.Decode(row).TrimEnd('_', ' '));
        }
    }

    [Fact]
    public void The_vocabulary_is_deterministic_and_numbers_tokens_by_first_appearance()
    {
        IReadOnlyList<IReadOnlyList<string>> tunes = [["G", "d2", "|"], ["d2", "_", "A"]];
        var first = AbcVocabulary.Build(tunes);
        var second = AbcVocabulary.Build(tunes);
        Assert.Equal(["^", "G", "d2", "|", "_", "A", "_"], Enumerable.Range(0, first.Size).Select(i => first.Token(i)));
        Assert.Equal(Enumerable.Range(0, first.Size).Select(i => first.Token(i)), Enumerable.Range(0, second.Size).Select(i => second.Token(i)));
        // The data token '_' is overwritten by the pad: it encodes to the pad id, as in the original.
        Assert.Equal(6, first.Id("_"));
        Assert.Equal(7, first.Size);
        Assert.Equal("G d2 | A", first.Decode([1, 2, 3, 5, 6, 6]));
    }

    [Fact]
    public void Tokenizer_follows_the_splitting_rules()
    {
        var tunes = AbcTokenizer.Split("Total songs: 2\nX: 1\nT:Title\nK:G\n\"Am\"ignored line\nG\"D\"d2B|A/2c:|\nX: 2\nab\n", "inline");
        // Lines starting with T, K or a quote are skipped; the chord letter D inside the line is an ordinary note.
        // Tune 0 is the empty initial tune; the last tune ("ab") is never appended.
        Assert.Equal(2, tunes.Count);
        Assert.Empty(tunes[0]);
        Assert.Equal(["G", "D", "d2", "B", "", "|", "A/2", "c", "", ":|"], tunes[1]);
    }

    [Fact]
    public void Bad_input_names_the_file_line_and_column()
    {
        var error = Assert.Throws<InvalidDataException>(() => AbcTokenizer.Split("header\nX: 1\nab\tc\n", "tunes.abc"));
        Assert.Contains("tunes.abc:3:3", error.Message);
        var noTunes = Assert.Throws<InvalidDataException>(() => AbcTokenizer.Split("header\nabc\n", "plain.txt"));
        Assert.Contains("plain.txt", noTunes.Message);
        Assert.Throws<FileNotFoundException>(() => AbcTokenizer.ReadFile("/nonexistent/music.abc"));
        Assert.Throws<InvalidDataException>(() => AbcCorpus.FromTunes([["|", ""]], 80, "empty.abc"));
    }
}
