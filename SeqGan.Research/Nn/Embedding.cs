using SeqGan.Research.Tensors;

namespace SeqGan.Research.Nn;

/// <summary>A [vocabulary, dimension] lookup table; row t is the vector of token t.</summary>
public sealed class Embedding : Module
{
    public Tensor Weight { get; }
    public long VocabularySize { get; }

    /// <param name="init">defaults to N(0, 1)</param>
    public Embedding(long vocabularySize, long dimension, Func<long[], Tensor>? init = null)
    {
        VocabularySize = vocabularySize;
        Weight = RegisterParameter("weight", (init ?? (s => Init.Normal(s, 1.0)))([vocabularySize, dimension]));
    }

    /// <summary>int64 token ids of any shape -> [..., dimension]. Ids outside [0, V) raise a TorchException.</summary>
    public Tensor Forward(Tensor tokens) => Weight.Embedding(tokens);
}
