using SeqGan.Research.Nn;
using SeqGan.Research.Tensors;

namespace SeqGan.Research.Models;

/// <summary>Sizes of an LSTM language model over fixed-length token sequences.</summary>
public sealed record LstmModelSize(int VocabularySize = 5000, int EmbeddingSize = 32, int HiddenSize = 32,
    int SequenceLength = 20, int StartToken = 0);

/// <summary>
/// The LSTM language model shared by the oracle and the generator (the paper's target_lstm.py and
/// generator.py differ only in their parameters): h0 = c0 = 0, the first input is the embedding of
/// the start token, each step feeds the previous token, logits = h·W_o + b_o, softmax at temperature 1.
/// </summary>
public abstract class LstmLanguageModel : Module
{
    public LstmModelSize Size { get; }
    public Embedding Embedding { get; }
    public LstmCell Lstm { get; }
    public Linear Output { get; }

    /// <param name="init">initialiser of every parameter (embedding, gates, output weights and biases)</param>
    protected LstmLanguageModel(LstmModelSize size, Func<long[], Tensor> init)
    {
        Size = size;
        Embedding = RegisterModule("embedding", new Embedding(size.VocabularySize, size.EmbeddingSize, init));
        Lstm = RegisterModule("lstm", new LstmCell(size.EmbeddingSize, size.HiddenSize, init));
        Output = RegisterModule("output", new Linear(size.HiddenSize, size.VocabularySize, weightInit: init, biasInit: init));
    }

    /// <summary>Inputs of teacher forcing for tokens [B, T]: [start, y_0, …, y_{T−2}].</summary>
    public Tensor ShiftRight(Tensor tokens)
    {
        var start = Tensor.Full([tokens.Size(0), 1], Size.StartToken, DType.Int64, tokens.Device);
        return Tensor.Cat([start, tokens.Narrow(1, 0, tokens.Size(1) - 1)], 1);
    }

    /// <summary>Logits [B, T, V] at every position under teacher forcing of tokens [B, T] (int64).</summary>
    public Tensor TeacherForcedLogits(Tensor tokens)
    {
        var (hiddens, _) = Lstm.Unroll(Embedding.Forward(ShiftRight(tokens)));
        return Output.Forward(hiddens);
    }

    /// <summary>log p(y_t | y_&lt;t) of every token of tokens [B, T]: [B, T].</summary>
    public Tensor TokenLogProbabilities(Tensor tokens)
    {
        var logProbabilities = TeacherForcedLogits(tokens).LogSoftmax(-1);
        return logProbabilities.Gather(2, tokens.Unsqueeze(2)).Squeeze(2);
    }

    /// <summary>Mean over all tokens of −log p(y_t | y_&lt;t) for tokens [N, T], in batches (no gradient).</summary>
    public double MeanNegativeLogLikelihood(Tensor tokens, int batchSize = 256)
    {
        using var noGrad = Torch.NoGrad();
        using var scope = Torch.NewDisposeScope();
        var count = tokens.Size(0);
        var batchSums = new List<Tensor>();
        for (long start = 0; start < count; start += batchSize)
        {
            var batch = tokens.Narrow(0, start, Math.Min(batchSize, count - start)).To(Device);
            batchSums.Add(TokenLogProbabilities(batch).Sum());
        }
        // One host read for all batches (a GPU is not stopped once per batch). Each float32 batch sum is exact in
        // float64 and so is their total, so the result equals adding them up one by one on the host.
        var total = -Tensor.Stack(batchSums, 0).To(DType.Float64).Sum().Item();
        return total / (count * tokens.Size(1));
    }

    /// <summary>One step: the next state and the logits [B, V] after feeding tokens [B].</summary>
    public (LstmState State, Tensor Logits) Step(Tensor tokens, LstmState state)
    {
        var next = Lstm.Step(Embedding.Forward(tokens), state);
        return (next, Output.Forward(next.Hidden));
    }

    /// <summary>Next tokens [B] ~ softmax(hidden·W_o + b_o), by inverse CDF with <paramref name="uniforms"/> [B]
    /// (fused in the bridge: no [B, V] logits matrix).</summary>
    public Tensor SampleNext(Tensor hidden, Tensor uniforms) => hidden.SampleFromHidden(Output.Weight, Output.Bias!, uniforms);

    /// <summary>Samples <paramref name="count"/> sequences [count, T] (int64, on the model's device), no gradient.</summary>
    public Tensor Sample(long count) => SampleWith(DrawSamplingUniforms(count, count > int.MaxValue ? int.MaxValue : (int)count), count);

    /// <summary>
    /// Samples <paramref name="count"/> sequences whose random draws are laid out in chunks of <paramref name="batchSize"/>
    /// rows: each chunk's tokens are exactly those of <c>Sample(chunk rows)</c> drawn in turn. How many rows are computed at
    /// once is <see cref="SamplingComputeRows"/>, which changes speed and memory, never the tokens.
    /// </summary>
    public Tensor Sample(long count, int batchSize)
    {
        if (batchSize < 1) throw new ArgumentOutOfRangeException(nameof(batchSize), batchSize, "must be at least 1");
        var computeRows = SamplingComputeRows ?? (Device.Type == DeviceType.Cpu ? batchSize : 65_536);
        return SampleWith(DrawSamplingUniforms(count, batchSize), computeRows);
    }

    /// <summary>
    /// Rows that <see cref="Sample(long, int)"/> computes at once. Null (the default): the chunk size on the CPU, where small
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
            chunks.Add(Tensor.Rand([Size.SequenceLength, Math.Min(chunkRows, count - done)], DType.Float32, Device));
        if (chunks.Count == 0) return scope.MoveToOuter(Tensor.Zeros([Size.SequenceLength, 0], DType.Float32, Device));
        return scope.MoveToOuter(chunks.Count == 1 ? chunks[0] : Tensor.Cat(chunks, 1));
    }

    /// <summary>Sequences [N, T] sampled with <paramref name="uniforms"/> [T, N] (token t of row r by inverse CDF with
    /// uniforms[t, r]), <paramref name="computeRows"/> rows at a time; no gradient.</summary>
    public Tensor SampleWith(Tensor uniforms, long computeRows)
    {
        if (uniforms.Dimensions != 2 || uniforms.Size(0) != Size.SequenceLength)
            throw new ArgumentException($"uniforms must be [{Size.SequenceLength}, N], got [{string.Join(", ", uniforms.Shape)}]", nameof(uniforms));
        if (computeRows < 1) throw new ArgumentOutOfRangeException(nameof(computeRows), computeRows, "must be at least 1");
        using var noGrad = Torch.NoGrad();
        using var scope = Torch.NewDisposeScope();
        var count = uniforms.Size(1);
        var parts = new List<Tensor>();
        for (long start = 0; start < count || parts.Count == 0; start += computeRows)
        {
            var rows = Math.Min(computeRows, count - start);
            var noise = uniforms.Narrow(1, start, rows);
            var state = Lstm.ZeroState(rows);
            var token = Tensor.Full([rows], Size.StartToken, DType.Int64, Device);
            var tokens = new List<Tensor>(Size.SequenceLength);
            for (var t = 0; t < Size.SequenceLength; t++)
            {
                state = Lstm.Step(Embedding.Forward(token), state);
                token = SampleNext(state.Hidden, noise.Select(0, t).Contiguous());
                tokens.Add(token);
            }
            parts.Add(Tensor.Stack(tokens, 1));
        }
        return scope.MoveToOuter(parts.Count == 1 ? parts[0] : Tensor.Cat(parts, 0));
    }
}
