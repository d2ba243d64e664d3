using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using SeqGan.Research.Data.Corpora;
using SeqGan.Research.Models;
using SeqGan.Research.Nn;
using SeqGan.Research.Storage;
using SeqGan.Research.Tensors;

namespace SeqGan.Research.Experiments;

/// <summary>
/// A generator trained on a text corpus, saved as a folder: <c>generator.safetensors</c> (its parameters),
/// <c>vocabulary.json</c> and <c>model.json</c> (sizes, and how tokens join into text). What <c>seqgan train</c>
/// writes and <c>seqgan sample</c> reads.
/// </summary>
public sealed class TrainedTextModel : IDisposable
{
    public const string GeneratorFile = "generator.safetensors";
    public const string VocabularyFile = "vocabulary.json";
    public const string ModelFile = "model.json";

    private TrainedTextModel(Generator generator, Vocabulary vocabulary, string separator)
    {
        Generator = generator;
        Vocabulary = vocabulary;
        Separator = separator;
    }

    public Generator Generator { get; }
    public Vocabulary Vocabulary { get; }
    /// <summary>What goes between decoded tokens: a space for words, nothing for characters.</summary>
    public string Separator { get; }

    /// <summary>Saves an LSTM generator (the only architecture <c>seqgan sample</c> reads back); another is an error.</summary>
    public static IReadOnlyList<string> Save(string directory, ISequencePolicy trained, TokenCorpus corpus)
    {
        var generator = trained as LstmLanguageModel
            ?? throw new ArgumentException($"only LSTM generators can be saved for `seqgan sample`, got a {trained.GetType().Name}", nameof(trained));
        Directory.CreateDirectory(directory);
        var state = generator.StateDict();
        try
        {
            Safetensors.Save(Path.Combine(directory, GeneratorFile), state);
        }
        finally
        {
            foreach (var t in state.Values) t.Dispose();
        }
        corpus.Vocabulary.Save(Path.Combine(directory, VocabularyFile));
        var size = generator.Size;
        var model = new JsonObject
        {
            ["format"] = 1,
            ["vocabularySize"] = size.VocabularySize,
            ["embeddingSize"] = size.EmbeddingSize,
            ["hiddenSize"] = size.HiddenSize,
            ["sequenceLength"] = size.SequenceLength,
            ["startToken"] = size.StartToken,
            ["separator"] = corpus.TokenSeparator,
            ["corpus"] = Path.GetFileName(corpus.SourceFile),
            ["preparation"] = corpus.Preparation,
        };
        AtomicFile.WriteAllText(Path.Combine(directory, ModelFile), model.ToJsonString(new JsonSerializerOptions { WriteIndented = true }));
        return [Path.Combine(directory, GeneratorFile), Path.Combine(directory, VocabularyFile), Path.Combine(directory, ModelFile)];
    }

    /// <summary>The longest sequence a model file may ask for: far above any corpus line, far below a length that
    /// would make sampling run for hours.</summary>
    public const int MaxSequenceLength = 100_000;

    /// <summary>Reads a model folder, checking every field of <c>model.json</c> (type and range, the start token within
    /// the vocabulary) and the tensors against it before anything is built: a damaged or hand-edited file is an error
    /// naming the file and the field, not libtorch's error, a huge allocation or a run that never ends.</summary>
    public static TrainedTextModel Load(string directory, Device? device = null)
    {
        if (!Directory.Exists(directory)) throw new DirectoryNotFoundException($"model folder not found: {directory}");
        var modelPath = Path.Combine(directory, ModelFile);
        if (!File.Exists(modelPath))
            throw new FileNotFoundException($"{directory} is not a trained model folder (no {ModelFile}; `seqgan train --output DIR` writes one)", modelPath);
        var json = JsonFields.ReadObject(modelPath);
        var format = JsonFields.Int(json, "format", modelPath);
        if (format != 1) throw new InvalidDataException($"{modelPath}: \"format\" is {format}; this seqgan reads format 1");
        var vocabularySize = JsonFields.Int(json, "vocabularySize", modelPath, min: 2);
        var size = new LstmModelSize(vocabularySize,
            JsonFields.Int(json, "embeddingSize", modelPath, min: 1, max: 1 << 16),
            JsonFields.Int(json, "hiddenSize", modelPath, min: 1, max: 1 << 16),
            JsonFields.Int(json, "sequenceLength", modelPath, min: 1, max: MaxSequenceLength),
            JsonFields.Int(json, "startToken", modelPath, min: 0, max: vocabularySize - 1));
        var separator = JsonFields.OptionalString(json, "separator", modelPath) ?? " ";
        var vocabulary = Vocabulary.Load(Path.Combine(directory, VocabularyFile));
        if (vocabulary.Count != size.VocabularySize)
            throw new InvalidDataException($"{directory}: the vocabulary has {vocabulary.Count} tokens but {ModelFile} says {size.VocabularySize}");
        var weights = Path.Combine(directory, GeneratorFile);
        if (!File.Exists(weights)) throw new FileNotFoundException($"{directory}: no {GeneratorFile}", weights);
        var state = Safetensors.Load(weights);
        try
        {
            // Checked before the generator is built, so model.json's sizes never allocate more than the file holds.
            ExpectShape(state, weights, "embedding.weight", [size.VocabularySize, size.EmbeddingSize], modelPath, "vocabularySize, embeddingSize");
            ExpectShape(state, weights, "lstm.U", [size.HiddenSize, 4L * size.HiddenSize], modelPath, "hiddenSize");
            var generator = new Generator(size);
            try
            {
                generator.LoadStateDict(state, weights);
                if (generator.FirstNonFiniteParameter() is { } broken)
                    throw new InvalidDataException($"{weights}: '{broken}' holds NaN or infinite values (the run that wrote it diverged)");
                generator.To(device ?? Device.Cpu);
                return new TrainedTextModel(generator, vocabulary, separator);
            }
            catch
            {
                generator.Dispose();
                throw;
            }
        }
        finally
        {
            foreach (var t in state.Values) t.Dispose();
        }
    }

    private static void ExpectShape(Dictionary<string, Tensor> state, string weights, string name, long[] shape, string modelPath, string fields)
    {
        if (!state.TryGetValue(name, out var tensor)) throw new InvalidDataException($"{weights}: no tensor '{name}' (not a generator written by `seqgan train`)");
        if (!tensor.Shape.SequenceEqual(shape))
            throw new InvalidDataException(
                $"{modelPath}: {fields} say '{name}' is [{string.Join(", ", shape)}], but {weights} holds [{string.Join(", ", tensor.Shape)}]");
    }

    /// <summary><paramref name="count"/> generated texts, decoded up to the first padding token; the same seed gives the same texts (CPU).</summary>
    /// <remarks>At inverse temperature <paramref name="inverseTemperature"/> (logits × α; 1: the model, the texts of before).</remarks>
    public IReadOnlyList<string> Sample(int count, ulong seed, double inverseTemperature = 1)
    {
        if (count < 1) throw new ArgumentOutOfRangeException(nameof(count), count, "must be at least 1");
        Torch.ManualSeed(seed);
        using var scope = Torch.NewDisposeScope();
        var tokens = Generator.Sample(count, 2048, inverseTemperature).To(DType.Int64, Device.Cpu).ToArray<long>();
        var width = Generator.Size.SequenceLength;
        return Enumerable.Range(0, count)
            .Select(i => string.Join(Separator, Vocabulary.Decode(tokens.AsSpan(i * width, width).ToArray())))
            .ToList();
    }

    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"generator over {Vocabulary.Count} tokens, {Generator.Size.SequenceLength} per sequence");

    public void Dispose() => Generator.Dispose();
}
