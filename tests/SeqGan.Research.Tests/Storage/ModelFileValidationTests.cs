using System.Text.Json.Nodes;
using SeqGan.Research.Data.Corpora;
using SeqGan.Research.Experiments;
using SeqGan.Research.Models;
using SeqGan.Research.Nn;
using SeqGan.Research.Storage;
using SeqGan.Research.Tensors;

namespace SeqGan.Research.Tests.Storage;

/// <summary>
/// A model folder (what `seqgan train` writes, `seqgan sample` reads) is checked field by field on load: a damaged or
/// hand-edited model.json, vocabulary or weight file is an error naming the file and the field, before anything is
/// built from it (no libtorch error, no huge allocation, no sampling that runs for hours).
/// </summary>
public sealed class ModelFileValidationTests : IDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("seqgan-model-file-").FullName;

    public ModelFileValidationTests()
    {
        var vocabulary = new Vocabulary(["<pad>", "OTHERS", "a", "b", "c"], "<pad>", "OTHERS");
        using var generator = new Generator(new LstmModelSize(VocabularySize: 5, EmbeddingSize: 3, HiddenSize: 4, SequenceLength: 6));
        var corpus = new TokenCorpus
        {
            Name = "test", SourceFile = "test.txt", Vocabulary = vocabulary, SequenceLength = 6,
            Sequences = [[2, 3, 4, 0, 0, 0]], Groups = [0], Preparation = "test",
        };
        TrainedTextModel.Save(folder, generator, corpus);
    }

    private string ModelJson => Path.Combine(folder, TrainedTextModel.ModelFile);

    [Fact]
    public void An_intact_model_folder_loads()
    {
        using var model = TrainedTextModel.Load(folder);
        Assert.Equal(6, model.Generator.Size.SequenceLength);
    }

    [Theory]
    [InlineData("embeddingSize", "-3", "\"embeddingSize\" must be an integer in 1..65536, found -3")]
    [InlineData("startToken", "5", "\"startToken\" must be an integer in 0..4, found 5")]
    [InlineData("sequenceLength", "2000000000", "\"sequenceLength\" must be an integer in 1..100000, found 2000000000")]
    [InlineData("sequenceLength", "2.5", "\"sequenceLength\" must be an integer, found 2.5")]
    [InlineData("hiddenSize", "\"four\"", "\"hiddenSize\" must be an integer, found \"four\"")]
    [InlineData("hiddenSize", "8", "hiddenSize say 'lstm.U' is [8, 32], but")]
    [InlineData("embeddingSize", "7", "vocabularySize, embeddingSize say 'embedding.weight' is [5, 7], but")]
    [InlineData("separator", "5", "\"separator\" must be a string, found 5")]
    [InlineData("format", "2", "\"format\" is 2; this seqgan reads format 1")]
    [InlineData("vocabularySize", null, "\"vocabularySize\" is missing")]
    public void A_bad_field_of_model_json_is_an_error_naming_file_and_field(string field, string? value, string expected)
    {
        var json = JsonNode.Parse(File.ReadAllText(ModelJson))!.AsObject();
        if (value is null) json.Remove(field);
        else json[field] = JsonNode.Parse(value);
        File.WriteAllText(ModelJson, json.ToJsonString());

        var error = Assert.Throws<InvalidDataException>(() => TrainedTextModel.Load(folder));

        Assert.Contains(ModelJson, error.Message);
        Assert.Contains(expected, error.Message);
    }

    [Theory]
    [InlineData("""{"format": "1", "tokens": ["a"]}""", "\"format\" must be an integer, found \"1\"")]
    [InlineData("""{"format": 1, "tokens": ["<pad>", "OTHERS", "a", "b", "c"], "padToken": 0}""", "\"padToken\" must be a string, found 0")]
    public void A_bad_vocabulary_file_is_an_error_naming_file_and_field(string content, string expected)
    {
        var path = Path.Combine(folder, TrainedTextModel.VocabularyFile);
        File.WriteAllText(path, content);

        var error = Assert.Throws<InvalidDataException>(() => TrainedTextModel.Load(folder));

        Assert.Contains(path, error.Message);
        Assert.Contains(expected, error.Message);
    }

    [Fact]
    public void Weights_holding_nan_are_an_error_naming_the_tensor()
    {
        var path = Path.Combine(folder, TrainedTextModel.GeneratorFile);
        var state = Safetensors.Load(path);
        try
        {
            using (Torch.NoGrad()) state["output.b"].FillInPlace(double.NaN);
            Safetensors.Save(path, state);
        }
        finally
        {
            foreach (var t in state.Values) t.Dispose();
        }

        var error = Assert.Throws<InvalidDataException>(() => TrainedTextModel.Load(folder));

        Assert.Contains(path, error.Message);
        Assert.Contains("'output.b' holds NaN or infinite values", error.Message);
    }

    public void Dispose() => Directory.Delete(folder, recursive: true);
}
