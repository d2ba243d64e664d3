using SeqGan.Research.Nn;
using SeqGan.Research.Tensors;

namespace SeqGan.Research.Models;

/// <summary>The generator G_θ: the same LSTM language model as the oracle, every parameter initialised
/// N(0, <paramref name="initStd"/>) (0.1 in the paper's generator.py).</summary>
public sealed class Generator(LstmModelSize? size = null, double initStd = 0.1)
    : LstmLanguageModel(size ?? new LstmModelSize(), shape => Init.Normal(shape, initStd));
