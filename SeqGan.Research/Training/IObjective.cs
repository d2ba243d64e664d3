namespace SeqGan.Research.Training;

/// <summary>
/// A hand-written, possibly non-differentiable goal for generated sequences (ORGAN's O): one score in [0, 1] per
/// sequence of token ids. The ORGAN reward mixes it with the discriminator (<see cref="ObjectiveRewardScorer"/>).
/// </summary>
public interface IObjective
{
    /// <summary>Shown in tables and error messages.</summary>
    string Name { get; }

    /// <summary>Scores of <paramref name="sequences"/> (host token ids, one array per sequence), each in [0, 1].</summary>
    double[] Score(IReadOnlyList<long[]> sequences);

    /// <summary>
    /// What makes two sequences "the same" for the uniqueness weight. Token ids by default; an objective that reads
    /// decoded text returns the text, as the original counted distinct decoded strings.
    /// </summary>
    string DistinctnessKey(long[] sequence) => string.Join(',', sequence);
}

/// <summary>Objectives from plain functions — what a notebook cell writes: <c>Objective.FromFunction("ends high", ids =&gt; ...)</c>.</summary>
public static class Objective
{
    public static IObjective FromFunction(string name, Func<long[], double> score) => new FunctionObjective(name, score);

    private sealed class FunctionObjective(string name, Func<long[], double> score) : IObjective
    {
        public string Name => name;

        public double[] Score(IReadOnlyList<long[]> sequences)
        {
            var scores = new double[sequences.Count];
            for (var i = 0; i < scores.Length; i++) scores[i] = score(sequences[i]);
            return scores;
        }
    }
}
