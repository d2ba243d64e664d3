using SeqGan.Research.Nn;
using SeqGan.Research.Tensors;

namespace SeqGan.Research.Models;

/// <summary>Sizes of an LSTM language model over fixed-length token sequences.</summary>
public sealed record LstmModelSize(int VocabularySize = 5000, int EmbeddingSize = 32, int HiddenSize = 32,
    int SequenceLength = 20, int StartToken = 0)
{
    public SequenceShape Shape => new(VocabularySize, SequenceLength, StartToken);
}

/// <summary>
/// The LSTM language model shared by the oracle and the generator (the paper's target_lstm.py and
/// generator.py differ only in their parameters): h0 = c0 = 0, the first input is the embedding of
/// the start token, each step feeds the previous token, logits = h·W_o + b_o, softmax at temperature 1.
/// Its recurrent state is [h, c].
/// </summary>
public abstract class LstmLanguageModel : SequencePolicy
{
    public LstmModelSize Size { get; }
    public Embedding Embedding { get; }
    public LstmCell Lstm { get; }
    public Linear Output { get; }

    /// <param name="init">initialiser of every parameter (embedding, gates, output weights and biases)</param>
    protected LstmLanguageModel(LstmModelSize size, Func<long[], Tensor> init) : base(size.Shape)
    {
        Size = size;
        Embedding = RegisterModule("embedding", new Embedding(size.VocabularySize, size.EmbeddingSize, init));
        Lstm = RegisterModule("lstm", new LstmCell(size.EmbeddingSize, size.HiddenSize, init));
        Output = RegisterModule("output", new Linear(size.HiddenSize, size.VocabularySize, weightInit: init, biasInit: init));
    }

    public override RecurrentState StartState(long batch)
    {
        var zero = Lstm.ZeroState(batch);
        return new RecurrentState(zero.Hidden, zero.Cell);
    }

    /// <summary>log p(y_t | y_&lt;t) of every token of tokens [B, T]: [B, T]. The projection, log-softmax and pick of
    /// each target are one fused op (<see cref="Tensor.OutputLogProbabilities"/>): the same values as the base class's
    /// <c>TeacherForcedLogits(tokens).LogSoftmax(-1).Gather(2, …)</c> up to float rounding, without the [B, T, V] logits.
    /// At an inverse temperature α other than 1 (the frontier's sweeps, never training) it is the base class's tempered path.</summary>
    public override Tensor TokenLogProbabilities(Tensor tokens, double inverseTemperature = 1)
    {
        if (CheckInverseTemperature(inverseTemperature) != 1) return base.TokenLogProbabilities(tokens, inverseTemperature);
        var (hiddens, _) = Lstm.Unroll(Embedding.Forward(ShiftRight(tokens)));
        var rows = tokens.Size(0) * tokens.Size(1);
        return hiddens.Reshape(rows, Size.HiddenSize)
            .OutputLogProbabilities(Output.Weight, Output.Bias!, tokens.Reshape(rows))
            .Reshape(tokens.Size(0), tokens.Size(1));
    }

    public override RecurrentState Advance(RecurrentState state, Tensor tokens)
    {
        var next = Lstm.Step(Embedding.Forward(tokens), new LstmState(state.Parts[0], state.Parts[1]));
        return new RecurrentState(next.Hidden, next.Cell);
    }

    public override Tensor Logits(RecurrentState state) => Output.Forward(state.Parts[0]);

    /// <summary>Fused in the bridge from the hidden state: no [B, V] logits matrix (any temperature).</summary>
    public override Tensor SampleNext(RecurrentState state, Tensor uniforms, double inverseTemperature = 1) =>
        TemperedOutput.Sample(state.Parts[0], Output, uniforms, inverseTemperature);

    public override IReadOnlyList<RecurrentState> PrefixStates(Tensor tokens)
    {
        var (hiddens, cells) = Lstm.UnrollStates(Embedding.Forward(ShiftRight(tokens)));
        return Enumerable.Range(0, (int)tokens.Size(1)).Select(t => new RecurrentState(hiddens.Select(1, t), cells.Select(1, t))).ToList();
    }

    /// <summary>One matrix product over all positions (the input projection of the unrolled cell is one, too).</summary>
    public override Tensor TeacherForcedLogits(Tensor tokens)
    {
        var (hiddens, _) = Lstm.Unroll(Embedding.Forward(ShiftRight(tokens)));
        return Output.Forward(hiddens);
    }
}
