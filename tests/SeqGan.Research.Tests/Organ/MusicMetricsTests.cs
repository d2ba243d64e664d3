using SeqGan.Research.Data;
using SeqGan.Research.Metrics;

namespace SeqGan.Research.Tests.Organ;

/// <summary>The worked examples and reference values of shared/data/organ_music/METRICS.md §2.3–2.4 and §3.</summary>
public class MusicMetricsTests
{
    [Fact]
    public void Abc_worked_example_scores_the_characters_of_the_decoded_string()
    {
        // G d B c g: G→d fifth, d→B down, B→c step, c→g fifth (the ' of c' is its own character and dropped).
        var scores = AbcMusicMetrics.Score("G d2 | B/2 c' g");
        Assert.Equal(0.5, scores.Tonality, 12);
        Assert.Equal(0.5, scores.Melodicity, 12);
        Assert.Equal(0.25, scores.RatioOfSteps, 12);
    }

    [Theory]
    [InlineData("E A c a", 0.0, 2.0 / 3, 0.0)]          // fourth, nothing, major sixth
    [InlineData("A7 | d/2 f/2 a", 0.0, 1.0 / 3, 0.0)]   // chord letter A counts: A→d is a fourth
    [InlineData("d G", 0.0, 0.0, 0.0)]                  // a descending fifth does not count
    [InlineData("| /2 |", 0.0, 0.0, 0.0)]               // no notes: invalid, 0
    [InlineData("B c", 0.0, 0.0, 1.0)]                  // B→c across the octave is a diatonic step
    [InlineData("F F", 0.0, 0.0, 0.0)]                  // a repeated note is a pair that satisfies nothing
    public void Abc_more_examples(string decoded, double tonality, double melodicity, double steps)
    {
        var scores = AbcMusicMetrics.Score(decoded);
        Assert.Equal(tonality, scores.Tonality, 12);
        Assert.Equal(melodicity, scores.Melodicity, 12);
        Assert.Equal(steps, scores.RatioOfSteps, 12);
    }

    [Fact]
    public void Melodicity_is_not_always_zero_and_counts_fourths_and_sixths_beyond_fifths()
    {
        // The released code's melodicity raised NameError inside a bare except and returned 0 for everything.
        // Here a sequence of only fourths and sixths has tonality 0 and melodicity 1.
        var scores = AbcMusicMetrics.Score("C F d");   // C→F fourth, F→d major sixth
        Assert.Equal(0.0, scores.Tonality);
        Assert.Equal(1.0, scores.Melodicity);
        var pitch = PitchMusicMetrics.Score([60, 65, 74]);
        Assert.Equal(0.0, pitch.Tonality);
        Assert.Equal(1.0, pitch.Melodicity);
    }

    [Fact]
    public void Pitch_worked_example_with_holds()
    {
        // [14, 1, 21, 1, 26, 25] expands to [14, 14, 21, 21, 26, 25]: repeat, +7, repeat, +5, −1.
        int[] sequence = [14, 1, 21, 1, 26, 25];
        var scores = PitchMusicMetrics.Score(sequence, PitchMetricOptions.OrganIntegerData);
        Assert.Equal(0.2, scores.Tonality, 12);
        Assert.Equal(0.4, scores.Melodicity, 12);   // the released code returned 0.0 here
        Assert.Equal(0.2, scores.RatioOfSteps, 12);

        var withoutHolds = PitchMusicMetrics.Score([14, 21, 26, 25]);
        Assert.Equal(1.0 / 3, withoutHolds.Tonality, 12);
        Assert.Equal(2.0 / 3, withoutHolds.Melodicity, 12);
        Assert.Equal(1.0 / 3, withoutHolds.RatioOfSteps, 12);

        // Collapsing holds gives the same as writing the pitches once.
        Assert.Equal(withoutHolds, PitchMusicMetrics.Score(sequence, PitchMetricOptions.OrganIntegerData with { CollapseRepeats = true }));
        // A sequence that starts with a hold is invalid.
        Assert.Equal(MusicScores.Invalid, PitchMusicMetrics.Score([1, 14, 21], PitchMetricOptions.OrganIntegerData));
    }

    [Fact]
    public void Pitch_steps_are_semitones_or_scale_steps()
    {
        int[] wholeTones = [60, 62, 64];
        Assert.Equal(0.0, PitchMusicMetrics.RatioOfSteps(wholeTones));
        Assert.Equal(1.0, PitchMusicMetrics.RatioOfSteps(wholeTones, new PitchMetricOptions(Step: PitchStep.ScaleStep)));
    }

    [Fact]
    public void Training_tunes_give_the_reference_values()
    {
        // METRICS.md §2.4: the 664 tunes, scored as the code scores generated samples.
        var corpus = AbcCorpus.Load(OrganTestData.MusicLarge);
        var mean = AbcMusicMetrics.Mean(corpus.DecodedTunes());
        Assert.Equal(0.0548, mean.Tonality, 4);
        Assert.Equal(0.0941, mean.Melodicity, 4);
        Assert.Equal(0.3053, mean.RatioOfSteps, 4);
    }

    [Fact]
    public void Diversity_averages_token_edit_distances_over_all_ordered_pairs_divided_by_80()
    {
        // d(a, b) = 1 (one substitution), d(a, c) = 2, d(b, c) = 2; nine ordered pairs including the three self-pairs.
        string[] samples = ["A B C", "A B D", "A"];
        var expected = 2.0 * (1 + 2 + 2) / 80 / 9;
        Assert.Equal(expected, MusicDiversity.ComputeFromStrings(samples), 12);
        Assert.Equal(0.0, MusicDiversity.ComputeFromStrings(["G d2", "G d2"]));
        // Whole tokens are compared: "d2" and "d" differ by one substitution, not one character.
        Assert.Equal(2.0 * 1 / 80 / 4, MusicDiversity.ComputeFromStrings(["G d2", "G d"]), 12);
    }
}
