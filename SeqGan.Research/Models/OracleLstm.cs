using SeqGan.Research.Data;
using SeqGan.Research.Nn;
using SeqGan.Research.Tensors;

namespace SeqGan.Research.Models;

/// <summary>
/// The "true" data distribution of the synthetic experiment: an LSTM language model whose parameters
/// are N(0, 1) draws (vocabulary 5,000, 32/32, length 20, start token 0 in the paper).
/// </summary>
public sealed class OracleLstm : LstmLanguageModel
{
    /// <summary>A fresh oracle with every parameter drawn from N(0, 1) — what the paper did — optionally seeded.
    /// This is the oracle the kit uses when the paper's parameter file is not available.</summary>
    public OracleLstm(LstmModelSize? size = null, ulong? seed = null)
        : base(size ?? new LstmModelSize(), SeededStandardNormal(seed)) { }

    private static Func<long[], Tensor> SeededStandardNormal(ulong? seed)
    {
        if (seed is { } s) Torch.ManualSeed(s);
        return shape => Init.Normal(shape, 1.0);
    }

    /// <summary>
    /// Loads the paper's oracle from the original pickle (target_params.pkl or target_params_py3.pkl) or from its
    /// safetensors conversion (names embedding, lstm.W_i … lstm.b_c, output.W, output.b), chosen by extension;
    /// see shared/data/seqgan_oracle/SOURCE.md.
    /// </summary>
    public static OracleLstm LoadPaperParameters(string path, int sequenceLength = 20)
    {
        var tensors = PaperOracleParameters.Load(path);
        try
        {
            return FromPaperTensors(tensors, path, sequenceLength);
        }
        finally
        {
            foreach (var t in tensors.Values) t.Dispose();
        }
    }

    /// <summary>Builds the oracle from the 15 named tensors of the paper's parameter file.</summary>
    public static OracleLstm FromPaperTensors(IReadOnlyDictionary<string, Tensor> tensors, string source, int sequenceLength = 20)
    {
        Tensor Get(string name, params long[] shape)
        {
            if (!tensors.TryGetValue(name, out var t))
                throw new InvalidDataException($"{source}: missing oracle tensor '{name}' (found: {string.Join(", ", tensors.Keys)})");
            if (shape.Length > 0 && !t.Shape.SequenceEqual(shape))
                throw new InvalidDataException($"{source}: '{name}' has shape [{string.Join(", ", t.Shape)}], expected [{string.Join(", ", shape)}]");
            if (t.DType != DType.Float32)
                throw new InvalidDataException($"{source}: '{name}' has dtype {t.DType}, expected Float32");
            if (!t.AllFinite())
                throw new InvalidDataException($"{source}: '{name}' holds NaN or infinite values; the oracle's likelihoods would not be numbers");
            return t;
        }
        var embedding = Get("embedding");
        var recurrent = Get("lstm.U_i");
        if (embedding.Dimensions != 2 || recurrent.Dimensions != 2)
            throw new InvalidDataException($"{source}: 'embedding' and 'lstm.U_i' must be matrices");
        var vocabulary = embedding.Size(0);
        var embeddingSize = embedding.Size(1);
        var hidden = recurrent.Size(0);
        var oracle = new OracleLstm(new LstmModelSize((int)vocabulary, (int)embeddingSize, (int)hidden, sequenceLength));
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
}
