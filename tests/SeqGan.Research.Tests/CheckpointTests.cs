using System.Text.Json.Nodes;
using SeqGan.Research.Storage;
using SeqGan.Research.Tensors;

namespace SeqGan.Research.Tests;

public class CheckpointTests
{
    [Fact]
    public void SaveKeepsOnlyTheNewestTensorsAndLoadReturnsWhatWasSaved()
    {
        using var scope = Torch.NewDisposeScope();
        var directory = Directory.CreateTempSubdirectory("seqgan-checkpoint-").FullName;
        try
        {
            Checkpoint.Save(directory, new Dictionary<string, Tensor> { ["a"] = Tensor.From(new[] { 1f, 2f }) }, new JsonObject { ["step"] = 1 });
            Checkpoint.Save(directory, new Dictionary<string, Tensor> { ["a"] = Tensor.From(new[] { 3f, 4f }) }, new JsonObject { ["step"] = 2 });
            Assert.Single(Directory.GetFiles(directory, "tensors-*.safetensors"));
            var (tensors, state) = Checkpoint.Load(directory)!.Value;
            Assert.Equal([3f, 4f], tensors["a"].ToArray<float>());
            Assert.Equal(2, state["step"]!.GetValue<int>());
            foreach (var t in tensors.Values) t.Dispose();
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    [Fact]
    public void MissingCheckpointLoadsAsNullAndCorruptStateNamesTheFile()
    {
        var directory = Directory.CreateTempSubdirectory("seqgan-checkpoint-").FullName;
        try
        {
            Assert.Null(Checkpoint.Load(directory));
            File.WriteAllText(Path.Combine(directory, "state.json"), "{ not json");
            var error = Assert.Throws<InvalidDataException>(() => Checkpoint.Load(directory));
            Assert.Contains("state.json", error.Message);
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }
}
