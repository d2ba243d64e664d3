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
    public Tensor Sample(long count)
    {
        using var noGrad = Torch.NoGrad();
        using var scope = Torch.NewDisposeScope();
        var state = Lstm.ZeroState(count);
        var token = Tensor.Full([count], Size.StartToken, DType.Int64, Device);
        var tokens = new List<Tensor>(Size.SequenceLength);
        for (var t = 0; t < Size.SequenceLength; t++)
        {
            state = Lstm.Step(Embedding.Forward(token), state);
            token = SampleNext(state.Hidden, Tensor.Rand([count], DType.Float32, Device));
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
