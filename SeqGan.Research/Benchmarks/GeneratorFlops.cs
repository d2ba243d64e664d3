using SeqGan.Research.Models;

namespace SeqGan.Research.Benchmarks;

/// <summary>Floating-point operation counts of the LSTM language model's matrix products (multiply and add
/// counted separately; gate nonlinearities, softmax and sampling are not counted).</summary>
public static class GeneratorFlops
{
    /// <summary>One LSTM step of one row: x·W [E, 4H] and h·U [H, 4H].</summary>
    public static double LstmStep(LstmModelSize size) => 2.0 * (size.EmbeddingSize + size.HiddenSize) * 4 * size.HiddenSize;

    /// <summary>One row's projection to the vocabulary: h·W_o [H, V].</summary>
    public static double Projection(LstmModelSize size) => 2.0 * size.HiddenSize * size.VocabularySize;

    /// <summary>Sampling <paramref name="count"/> sequences: an LSTM step and a projection per token.</summary>
    public static double Sampling(LstmModelSize size, long count) => count * size.SequenceLength * (LstmStep(size) + Projection(size));

    /// <summary>Teacher-forced forward and backward (input and weight gradients ≈ two more forwards) of <paramref name="count"/> sequences.</summary>
    public static double TeacherForcedTraining(LstmModelSize size, long count) => 3 * Sampling(size, count);

    /// <summary>
    /// The rollouts of <see cref="Training.RolloutRewards.Complete"/>: B sequences encoded once, then prefix length
    /// t = 1..T−1 joins with N·B rows; every running row samples one token (a projection) per column and, but for the
    /// last column, takes an LSTM step.
    /// </summary>
    public static double RolloutCompletions(LstmModelSize size, int batch, int rollouts)
    {
        var length = size.SequenceLength;
        double rows = 0, steps = 0;
        for (var column = 1; column < length; column++)
        {
            double running = (double)column * rollouts * batch;
            rows += running;
            if (column < length - 1) steps += running;
        }
        return (double)batch * length * LstmStep(size) + rows * Projection(size) + steps * LstmStep(size);
    }
}
