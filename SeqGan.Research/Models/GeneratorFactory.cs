using SeqGan.Research.Nn;
using SeqGan.Research.Tensors;

namespace SeqGan.Research.Models;

/// <summary>
/// How to build a fresh, initialised generator for a task's shape, on a device: what a preset's <c>Generator</c> setting
/// holds, so that an ablation is <c>preset with { Generator = new GruGeneratorFactory() }</c>. Initialisation draws from
/// the seeded RNG; the trainer calls <see cref="Create"/> at fixed points, so seeds keep giving the same numbers.
/// </summary>
public abstract record GeneratorFactory
{
    public abstract ISequencePolicy Create(SequenceShape shape, Device device);

    /// <summary>Any model of your own: <c>GeneratorFactory.FromFunction("my model", (shape, device) =&gt; ...)</c>.</summary>
    public static GeneratorFactory FromFunction(string name, Func<SequenceShape, Device, ISequencePolicy> create) => new FunctionGeneratorFactory(name, create);

    private sealed record FunctionGeneratorFactory(string Name, Func<SequenceShape, Device, ISequencePolicy> Build) : GeneratorFactory
    {
        public override ISequencePolicy Create(SequenceShape shape, Device device) => Build(shape, device);

        public override string ToString() => Name;
    }
}

/// <summary>The paper's generator (generator.py): embedding and LSTM of 32, every parameter N(0, 0.1).</summary>
public sealed record LstmGeneratorFactory(int EmbeddingSize = 32, int HiddenSize = 32, double InitStd = 0.1) : GeneratorFactory
{
    public override ISequencePolicy Create(SequenceShape shape, Device device) =>
        new Generator(new LstmModelSize(shape.VocabularySize, EmbeddingSize, HiddenSize, shape.SequenceLength, shape.StartToken), InitStd).To(device);
}

/// <summary>A <see cref="GruLanguageModel"/> of the same sizes and initialisation as the paper's LSTM generator.</summary>
public sealed record GruGeneratorFactory(int EmbeddingSize = 32, int HiddenSize = 32, double InitStd = 0.1) : GeneratorFactory
{
    public override ISequencePolicy Create(SequenceShape shape, Device device) =>
        new GruLanguageModel(shape, new GruModelSize(EmbeddingSize, HiddenSize), s => Init.Normal(s, InitStd)).To(device);
}
