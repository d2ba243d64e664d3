using SeqGan.Research.Models;
using SeqGan.Research.Tensors;

namespace SeqGan.Research.Training;

/// <summary>Scores complete sequences [R, T] with one number each, [R] float32 on the same device:
/// the reward of a finished rollout. D's P(real) for SeqGAN, BLEU for PG-BLEU, objective mixes for ORGAN.</summary>
public interface ISequenceScorer
{
    Tensor Score(Tensor sequences);
}

/// <summary>A scorer that can exploit the structure of rollout completions (N completions of every prefix
/// of each sequence) to score them with less work than scoring each row on its own.</summary>
public interface IRolloutScorer : ISequenceScorer
{
    /// <summary>Scores completions [(T−1)·N·B, T] of sequences [B, T], rows ordered (prefix length, rollout, sequence).</summary>
    Tensor ScoreCompletions(Tensor sequences, Tensor completions, int rollouts);
}

public static class SequenceScorers
{
    /// <summary>D(Y) = P(real), computed in eval mode (no dropout) in chunks of <paramref name="chunkSize"/> rows.</summary>
    public sealed class DiscriminatorScorer(ISequenceDiscriminator discriminator, int chunkSize = 4096) : IRolloutScorer
    {
        /// <summary>Shares the convolution windows inside each prefix across its rollouts (same numbers as <see cref="Score"/>).</summary>
        public Tensor ScoreCompletions(Tensor sequences, Tensor completions, int rollouts) =>
            discriminator.ProbabilityRealOfCompletions(sequences, completions, rollouts);

        public Tensor Score(Tensor sequences)
        {
            var rows = sequences.Size(0);
            if (rows <= chunkSize) return discriminator.ProbabilityReal(sequences);
            using var scope = Torch.NewDisposeScope();
            var parts = new List<Tensor>();
            for (long start = 0; start < rows; start += chunkSize)
                parts.Add(discriminator.ProbabilityReal(sequences.Narrow(0, start, Math.Min(chunkSize, rows - start))));
            return scope.MoveToOuter(Tensor.Cat(parts, 0));
        }
    }

    /// <summary>Any per-sequence function of host token ids (e.g. BLEU), evaluated on the host.</summary>
    public sealed class HostScorer(Func<long[], int, double[]> scoreRows) : ISequenceScorer
    {
        public Tensor Score(Tensor sequences)
        {
            var width = (int)sequences.Size(1);
            var scores = scoreRows(sequences.To(DType.Int64, Device.Cpu).ToArray<long>(), width);
            if (scores.Length != sequences.Size(0))
                throw new InvalidOperationException($"scorer returned {scores.Length} scores for {sequences.Size(0)} sequences");
            return Tensor.FromSpan<float>(scores.Select(s => (float)s).ToArray(), [scores.Length], sequences.Device);
        }
    }
}
