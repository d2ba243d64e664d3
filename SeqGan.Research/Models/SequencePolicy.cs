using SeqGan.Research.Nn;
using SeqGan.Research.Tensors;

namespace SeqGan.Research.Models;

/// <summary>
/// A sequence policy from its four primitives (start state, advance, logits, prefix states): teacher forcing,
/// log-probabilities, NLL and sampling follow. Derive from it to bring your own generator (see README).
/// </summary>
public abstract class SequencePolicy(SequenceShape shape) : Module, ISequencePolicy
{
    public SequenceShape Shape { get; } = shape;

    public abstract RecurrentState StartState(long batch);

    public abstract RecurrentState Advance(RecurrentState state, Tensor tokens);

    public abstract Tensor Logits(RecurrentState state);

    public abstract IReadOnlyList<RecurrentState> PrefixStates(Tensor tokens);

    public virtual Tensor SampleNext(RecurrentState state, Tensor uniforms) => Logits(state).SampleRows(uniforms, areLogits: true);

    /// <summary>True for parameters under a sub-module named "embedding", as the kit's LSTM and GRU models name theirs.</summary>
    public virtual bool IsInputEmbedding(string parameterName) => parameterName.StartsWith("embedding.", StringComparison.Ordinal);

    public virtual Tensor TeacherForcedLogits(Tensor tokens) => Tensor.Stack(PrefixStates(tokens).Select(Logits).ToList(), 1);

    /// <summary>Inputs of teacher forcing for tokens [B, T]: [start, y_0, …, y_{T−2}].</summary>
    public Tensor ShiftRight(Tensor tokens)
    {
        var start = Tensor.Full([tokens.Size(0), 1], Shape.StartToken, DType.Int64, tokens.Device);
        return Tensor.Cat([start, tokens.Narrow(1, 0, tokens.Size(1) - 1)], 1);
    }

    public Tensor TokenLogProbabilities(Tensor tokens)
    {
        var logProbabilities = TeacherForcedLogits(tokens).LogSoftmax(-1);
        return logProbabilities.Gather(2, tokens.Unsqueeze(2)).Squeeze(2);
    }

    public double MeanNegativeLogLikelihood(Tensor tokens, int batchSize = 256)
    {
        using var noGrad = Torch.NoGrad();
        double total = 0;
        var count = tokens.Size(0);
        for (long start = 0; start < count; start += batchSize)
        {
            using var scope = Torch.NewDisposeScope();
            var batch = tokens.Narrow(0, start, Math.Min(batchSize, count - start)).To(Device);
            total -= TokenLogProbabilities(batch).Sum().Item();
        }
        return total / (count * tokens.Size(1));
    }

    public Tensor Sample(long count)
    {
        using var noGrad = Torch.NoGrad();
        using var scope = Torch.NewDisposeScope();
        var state = StartState(count);
        var token = Tensor.Full([count], Shape.StartToken, DType.Int64, Device);
        var tokens = new List<Tensor>(Shape.SequenceLength);
        for (var t = 0; t < Shape.SequenceLength; t++)
        {
            state = Advance(state, token);
            token = SampleNext(state, Tensor.Rand([count], DType.Float32, Device));
            tokens.Add(token);
        }
        return scope.MoveToOuter(Tensor.Stack(tokens, 1));
    }

    /// <summary>Samples in batches of <paramref name="batchSize"/> (bounded memory for large counts).</summary>
    public Tensor Sample(long count, int batchSize)
    {
        if (count <= batchSize) return Sample(count);
        var parts = new List<Tensor>();
        using var scope = Torch.NewDisposeScope();
        for (long done = 0; done < count; done += batchSize)
            parts.Add(Sample(Math.Min(batchSize, count - done)));
        return scope.MoveToOuter(Tensor.Cat(parts, 0));
    }
}
