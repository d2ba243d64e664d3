using SeqGan.Research.Nn;
using SeqGan.Research.Tensors;

namespace SeqGan.Research.Models;

/// <summary>Sizes of the synthetic-data oracle (the paper: vocabulary 5,000, 32/32, length 20, start token 0).</summary>
public sealed record OracleConfig(int VocabularySize = 5000, int EmbeddingSize = 32, int HiddenSize = 32,
    int SequenceLength = 20, int StartToken = 0);

/// <summary>
/// The "true" data distribution of the synthetic experiment: an LSTM language model whose parameters are
/// N(0, 1) draws. Semantics follow the paper's target_lstm.py exactly: h0 = c0 = 0, the first input is
/// the embedding of the start token, each step feeds the previous token, logits = h·W_o + b_o.
/// </summary>
public sealed class OracleLstm : Module
{
    public OracleConfig Config { get; }
    public Embedding Embedding { get; }
    public LstmCell Lstm { get; }
    public Linear Output { get; }

    /// <summary>A fresh oracle with every parameter drawn from N(0, 1) (what the paper did), seeded.</summary>
    public OracleLstm(OracleConfig? config = null, ulong? seed = null)
    {
        Config = config ?? new OracleConfig();
        if (seed is { } s) Torch.ManualSeed(s);
        Func<long[], Tensor> standardNormal = shape => Init.Normal(shape, 1.0);
        Embedding = RegisterModule("embedding", new Embedding(Config.VocabularySize, Config.EmbeddingSize, standardNormal));
        Lstm = RegisterModule("lstm", new LstmCell(Config.EmbeddingSize, Config.HiddenSize, standardNormal));
        Output = RegisterModule("output", new Linear(Config.HiddenSize, Config.VocabularySize, weightInit: standardNormal, biasInit: standardNormal));
    }

    /// <summary>
    /// Loads the paper's oracle from the safetensors conversion of target_params.pkl
    /// (names embedding, lstm.W_i … lstm.b_c, output.W, output.b; see shared/data/seqgan_oracle/SOURCE.md).
    /// </summary>
    public static OracleLstm LoadPaperParameters(string path)
    {
        var tensors = Safetensors.Load(path);
        try
        {
            Tensor Get(string name, params long[] shape)
            {
                if (!tensors.TryGetValue(name, out var t))
                    throw new InvalidDataException($"{path}: missing oracle tensor '{name}' (found: {string.Join(", ", tensors.Keys)})");
                if (!t.Shape.SequenceEqual(shape))
                    throw new InvalidDataException($"{path}: '{name}' has shape [{string.Join(", ", t.Shape)}], expected [{string.Join(", ", shape)}]");
                return t;
            }
            var embedding = tensors.TryGetValue("embedding", out var e) ? e
                : throw new InvalidDataException($"{path}: missing oracle tensor 'embedding'");
            if (embedding.Dimensions != 2) throw new InvalidDataException($"{path}: 'embedding' must be 2-D");
            var vocabulary = (int)embedding.Size(0);
            var embeddingSize = (int)embedding.Size(1);
            var hidden = (int)(tensors.TryGetValue("lstm.U_i", out var u) ? u.Size(0)
                : throw new InvalidDataException($"{path}: missing oracle tensor 'lstm.U_i'"));
            var oracle = new OracleLstm(new OracleConfig(vocabulary, embeddingSize, hidden));
            GateTensors Gate(string g) => new(Get($"lstm.W_{g}", embeddingSize, hidden), Get($"lstm.U_{g}", hidden, hidden), Get($"lstm.b_{g}", hidden));
            oracle.Lstm.LoadGates(Gate("i"), Gate("f"), Gate("o"), Gate("c"));
            using (Torch.NoGrad())
            {
                oracle.Embedding.Weight.CopyInPlace(embedding);
                oracle.Output.Weight.CopyInPlace(Get("output.W", hidden, vocabulary));
                oracle.Output.Bias!.CopyInPlace(Get("output.b", vocabulary));
            }
            return oracle;
        }
        finally
        {
            foreach (var t in tensors.Values) t.Dispose();
        }
    }

    /// <summary>Logits [B, T, V] for every position under teacher forcing of tokens [B, T] (int64).</summary>
    public Tensor TeacherForcedLogits(Tensor tokens)
    {
        var batch = tokens.Size(0);
        var steps = tokens.Size(1);
        var start = Tensor.Full([batch, 1], Config.StartToken, DType.Int64, tokens.Device);
        var inputs = Tensor.Cat([start, tokens.Narrow(1, 0, steps - 1)], 1);  // x_0 = start, x_t = y_{t-1}
        var (hiddens, _) = Lstm.Unroll(Embedding.Forward(inputs));
        return Output.Forward(hiddens);
    }

    /// <summary>log p(y_t | y_&lt;t) for every token of tokens [B, T]: [B, T].</summary>
    public Tensor TokenLogProbabilities(Tensor tokens)
    {
        var logProbabilities = TeacherForcedLogits(tokens).LogSoftmax(-1);
        return logProbabilities.Gather(2, tokens.Unsqueeze(2)).Squeeze(2);
    }

    /// <summary>The paper's NLL-oracle: mean over all tokens of −log p_oracle, for tokens [N, T],
    /// scored in batches of <paramref name="batchSize"/>.</summary>
    public double MeanNegativeLogLikelihood(Tensor tokens, int batchSize = 1024)
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

    /// <summary>Samples <paramref name="count"/> sequences [count, T] (int64, on the oracle's device).</summary>
    public Tensor Sample(long count)
    {
        using var noGrad = Torch.NoGrad();
        using var scope = Torch.NewDisposeScope();
        var state = Lstm.ZeroState(count);
        var token = Tensor.Full([count], Config.StartToken, DType.Int64, Device);
        var tokens = new List<Tensor>(Config.SequenceLength);
        for (var t = 0; t < Config.SequenceLength; t++)
        {
            state = Lstm.Step(Embedding.Forward(token), state);
            token = Output.Forward(state.Hidden).SampleRows(areLogits: true);
            tokens.Add(token);
        }
        return scope.MoveToOuter(Tensor.Stack(tokens, 1));
    }
}
