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

    public virtual Tensor SampleNext(RecurrentState state, Tensor uniforms, double inverseTemperature = 1) =>
        Tempered(Logits(state), inverseTemperature).SampleRows(uniforms, areLogits: true);

    /// <summary>α · <paramref name="logits"/>; at α = 1 the logits themselves (no multiplication, so the numbers of α = 1 are
    /// exactly those of a model without temperature). Temperature T = 1/α.</summary>
    public static Tensor Tempered(Tensor logits, double inverseTemperature) =>
        CheckInverseTemperature(inverseTemperature) == 1 ? logits : logits * inverseTemperature;

    /// <summary>α itself if it is a finite number ≥ 0 (0: uniform), else a clear error naming it.</summary>
    public static double CheckInverseTemperature(double inverseTemperature) =>
        double.IsFinite(inverseTemperature) && inverseTemperature >= 0 ? inverseTemperature
            : throw new ArgumentOutOfRangeException(nameof(inverseTemperature), inverseTemperature, "the inverse temperature α must be a finite number ≥ 0 (1: the model itself)");

    /// <summary>True for parameters under a sub-module named "embedding", as the kit's LSTM and GRU models name theirs.</summary>
    public virtual bool IsInputEmbedding(string parameterName) => parameterName.StartsWith("embedding.", StringComparison.Ordinal);

    public virtual Tensor TeacherForcedLogits(Tensor tokens) => Tensor.Stack(PrefixStates(tokens).Select(Logits).ToList(), 1);

    /// <summary>Inputs of teacher forcing for tokens [B, T]: [start, y_0, …, y_{T−2}].</summary>
    public Tensor ShiftRight(Tensor tokens)
    {
        var start = Tensor.Full([tokens.Size(0), 1], Shape.StartToken, DType.Int64, tokens.Device);
        return Tensor.Cat([start, tokens.Narrow(1, 0, tokens.Size(1) - 1)], 1);
    }

    public virtual Tensor TokenLogProbabilities(Tensor tokens, double inverseTemperature = 1)
    {
        var logProbabilities = Tempered(TeacherForcedLogits(tokens), inverseTemperature).LogSoftmax(-1);
        return logProbabilities.Gather(2, tokens.Unsqueeze(2)).Squeeze(2);
    }

    public double MeanNegativeLogLikelihood(Tensor tokens, int batchSize = 256, double inverseTemperature = 1)
    {
        CheckInverseTemperature(inverseTemperature);
        using var noGrad = Torch.NoGrad();
        using var scope = Torch.NewDisposeScope();
        var count = tokens.Size(0);
        var batchSums = new List<Tensor>();
        for (long start = 0; start < count; start += batchSize)
        {
            var batch = tokens.Narrow(0, start, Math.Min(batchSize, count - start)).To(Device);
            batchSums.Add(TokenLogProbabilities(batch, inverseTemperature).Sum());
        }
        // One host read for all batches (a GPU is not stopped once per batch). Each float32 batch sum is exact in
        // float64 and so is their total, so the result equals adding them up one by one on the host.
        var total = -Tensor.Stack(batchSums, 0).To(DType.Float64).Sum().Item();
        return total / (count * tokens.Size(1));
    }

    /// <summary>Samples <paramref name="count"/> sequences [count, T] (int64, on the model's device), no gradient.</summary>
    public Tensor Sample(long count) => SampleWith(DrawSamplingUniforms(count, count > int.MaxValue ? int.MaxValue : (int)count), count);

    /// <summary>
    /// Samples <paramref name="count"/> sequences whose random draws are laid out in chunks of <paramref name="batchSize"/>
    /// rows: each chunk's tokens are exactly those of <c>Sample(chunk rows)</c> drawn in turn. How many rows are computed at
    /// once is <see cref="SamplingComputeRows"/>, which changes speed and memory, never the tokens.
    /// </summary>
    public Tensor Sample(long count, int batchSize, double inverseTemperature = 1)
    {
        if (batchSize < 1) throw new ArgumentOutOfRangeException(nameof(batchSize), batchSize, "must be at least 1");
        CheckInverseTemperature(inverseTemperature);
        var computeRows = SamplingComputeRows ?? (Device.Type == DeviceType.Cpu ? batchSize : 65_536);
        // The uniforms do not depend on α: the same seed gives the same draws at every temperature (a sweep compares
        // temperatures on common random numbers), and α = 1 the tokens of before.
        return SampleWith(DrawSamplingUniforms(count, batchSize), computeRows, inverseTemperature);
    }

    /// <summary>
    /// Rows that <see cref="Sample(long, int, double)"/> computes at once. Null (the default): the chunk size on the CPU, where small
    /// batches stay in cache, and up to 65,536 rows on a GPU, where one large batch costs about as much kernel-launch time as
    /// a small one. A performance setting only: the tokens depend on the chunk size, not on this.
    /// </summary>
    public int? SamplingComputeRows { get; set; }

    /// <summary>
    /// The uniforms of sampling <paramref name="count"/> sequences, [T, count]: drawn chunk by chunk of
    /// <paramref name="chunkRows"/> rows, each chunk as T draws of its rows (position-major), the order in which
    /// <c>Sample(rows)</c> has always drawn them.
    /// </summary>
    public Tensor DrawSamplingUniforms(long count, int chunkRows)
    {
        using var scope = Torch.NewDisposeScope();
        var chunks = new List<Tensor>();
        for (long done = 0; done < count; done += chunkRows)
            chunks.Add(Tensor.Rand([Shape.SequenceLength, Math.Min(chunkRows, count - done)], DType.Float32, Device));
        if (chunks.Count == 0) return scope.MoveToOuter(Tensor.Zeros([Shape.SequenceLength, 0], DType.Float32, Device));
        return scope.MoveToOuter(chunks.Count == 1 ? chunks[0] : Tensor.Cat(chunks, 1));
    }

    /// <summary>Sequences [N, T] sampled with <paramref name="uniforms"/> [T, N] (token t of row r by inverse CDF with
    /// uniforms[t, r]), <paramref name="computeRows"/> rows at a time, from softmax(α · logits); no gradient.</summary>
    public Tensor SampleWith(Tensor uniforms, long computeRows, double inverseTemperature = 1)
    {
        CheckInverseTemperature(inverseTemperature);
        if (uniforms.Dimensions != 2 || uniforms.Size(0) != Shape.SequenceLength)
            throw new ArgumentException($"uniforms must be [{Shape.SequenceLength}, N], got [{string.Join(", ", uniforms.Shape)}]", nameof(uniforms));
        if (computeRows < 1) throw new ArgumentOutOfRangeException(nameof(computeRows), computeRows, "must be at least 1");
        using var noGrad = Torch.NoGrad();
        using var scope = Torch.NewDisposeScope();
        var count = uniforms.Size(1);
        var parts = new List<Tensor>();
        for (long start = 0; start < count || parts.Count == 0; start += computeRows)
        {
            var rows = Math.Min(computeRows, count - start);
            var noise = uniforms.Narrow(1, start, rows);
            var state = StartState(rows);
            var token = Tensor.Full([rows], Shape.StartToken, DType.Int64, Device);
            var tokens = new List<Tensor>(Shape.SequenceLength);
            for (var t = 0; t < Shape.SequenceLength; t++)
            {
                state = Advance(state, token);
                token = SampleNext(state, noise.Select(0, t).Contiguous(), inverseTemperature);
                tokens.Add(token);
            }
            parts.Add(Tensor.Stack(tokens, 1));
        }
        return scope.MoveToOuter(parts.Count == 1 ? parts[0] : Tensor.Cat(parts, 0));
    }
}
