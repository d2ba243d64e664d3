using SeqGan.Research.Data;
using SeqGan.Research.Metrics;
using SeqGan.Research.Training;

namespace SeqGan.Research.Tests.Organ;

public class AbcMusicObjectiveTests
{
    private static readonly AbcVocabulary Vocabulary = AbcVocabulary.Build([["G", "d2", "|", "B/2", "c'", "g", "_"]]);

    private long[] Row(params string[] tokens) => Vocabulary.Encode(tokens, 10);

    [Fact]
    public void Scores_the_decoded_string_with_the_paper_metric()
    {
        var objective = new AbcMusicObjective(Vocabulary, MusicObjectiveKind.Tonality);
        var scores = objective.Score([Row("G", "d2", "|", "B/2", "c'", "g"), Row("d2", "G")]);
        Assert.Equal([0.5, 0.0], scores);
        Assert.Equal("tonality", objective.Name);
    }

    [Fact]
    public void Rows_that_decode_to_the_same_string_are_the_same_sample_for_the_uniqueness_weight()
    {
        // The data token '_' keeps its own id but decodes like the pad: trailing, both are stripped.
        var dataUnderscore = Enumerable.Range(0, Vocabulary.Size).Single(i => Vocabulary.Token(i) == "_" && i != Vocabulary.PadId);
        var objective = new AbcMusicObjective(Vocabulary, MusicObjectiveKind.RatioOfSteps);
        var withPad = Row("G", "d2");
        var withDataUnderscore = (long[])withPad.Clone();
        withDataUnderscore[2] = dataUnderscore;
        Assert.NotEqual(withPad, withDataUnderscore);
        Assert.Equal(objective.DistinctnessKey(withPad), objective.DistinctnessKey(withDataUnderscore));
    }
}
