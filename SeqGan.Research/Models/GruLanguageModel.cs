using SeqGan.Research.Nn;
using SeqGan.Research.Tensors;

namespace SeqGan.Research.Models;

/// <summary>Sizes of a GRU language model; vocabulary, length and start token come from the task's <see cref="SequenceShape"/>.</summary>
public sealed record GruModelSize(int EmbeddingSize = 32, int HiddenSize = 32);

/// <summary>
/// A GRU language model: the generator of <see cref="LstmLanguageModel"/> with a <see cref="GruCell"/> in place of the
/// LSTM — embedding, GRU, logits = h·W_o + b_o — whose recurrent state is [h] alone. Not in the SeqGAN paper: it is the
/// kit's proof that training is written against <see cref="ISequencePolicy"/> (<c>Generators.Gru()</c> in a preset).
/// </summary>
public sealed class GruLanguageModel : SequencePolicy
{
    public GruModelSize Size { get; }
    public Embedding Embedding { get; }
    public GruCell Gru { get; }
    public Linear Output { get; }

    /// <param name="init">initialiser of every parameter; null: N(0, 0.1), the SeqGAN generator's</param>
    public GruLanguageModel(SequenceShape shape, GruModelSize? size = null, Func<long[], Tensor>? init = null) : base(shape)
    {
        Size = size ?? new GruModelSize();
        init ??= s => Init.Normal(s, 0.1);
        Embedding = RegisterModule("embedding", new Embedding(shape.VocabularySize, Size.EmbeddingSize, init));
        Gru = RegisterModule("gru", new GruCell(Size.EmbeddingSize, Size.HiddenSize, init));
        Output = RegisterModule("output", new Linear(Size.HiddenSize, shape.VocabularySize, weightInit: init, biasInit: init));
    }

    public override RecurrentState StartState(long batch) => new(Gru.ZeroState(batch));

    public override RecurrentState Advance(RecurrentState state, Tensor tokens) => new(Gru.Step(Embedding.Forward(tokens), state.Parts[0]));

    public override Tensor Logits(RecurrentState state) => Output.Forward(state.Parts[0]);

    public override Tensor SampleNext(RecurrentState state, Tensor uniforms, double inverseTemperature = 1) =>
        TemperedOutput.Sample(state.Parts[0], Output, uniforms, inverseTemperature);

    public override IReadOnlyList<RecurrentState> PrefixStates(Tensor tokens)
    {
        var (hiddens, _) = Gru.Unroll(Embedding.Forward(ShiftRight(tokens)));
        return Enumerable.Range(0, (int)tokens.Size(1)).Select(t => new RecurrentState(hiddens.Select(1, t))).ToList();
    }

    public override Tensor TeacherForcedLogits(Tensor tokens) => Output.Forward(Gru.Unroll(Embedding.Forward(ShiftRight(tokens))).Hiddens);
}
