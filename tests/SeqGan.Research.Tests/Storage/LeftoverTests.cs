using System.Text.Json.Nodes;
using SeqGan.Research.Storage;
using SeqGan.Research.Tensors;

namespace SeqGan.Research.Tests.Storage;

/// <summary>A run killed while it wrote a checkpoint leaves AtomicFile's temporaries; the next run on that folder
/// removes them (but not those of a process still running, which may be writing them).</summary>
public class LeftoverTests
{
    [Fact]
    public void Loading_a_checkpoint_removes_the_temporaries_of_killed_writers()
    {
        using var scope = Torch.NewDisposeScope();
        var directory = Directory.CreateTempSubdirectory("seqgan-leftovers-").FullName;
        try
        {
            Checkpoint.Save(directory, new Dictionary<string, Tensor> { ["a"] = Tensor.From(new[] { 1f }) }, new JsonObject { ["step"] = 1 });
            var dead = DeadProcess.Id();
            var killedState = Path.Combine(directory, $".state.json.{dead}.{Guid.NewGuid():N}.tmp");
            var killedTensors = Path.Combine(directory, $".tensors-2.safetensors.{dead}.{Guid.NewGuid():N}.tmp");
            var live = Path.Combine(directory, $".state.json.{Environment.ProcessId}.{Guid.NewGuid():N}.tmp");
            var unrelated = Path.Combine(directory, ".notes.tmp");
            foreach (var file in new[] { killedState, killedTensors, live, unrelated }) File.WriteAllText(file, "partial");

            var (tensors, _) = Checkpoint.Load(directory)!.Value;
            foreach (var t in tensors.Values) t.Dispose();

            Assert.False(File.Exists(killedState));
            Assert.False(File.Exists(killedTensors));
            Assert.True(File.Exists(live), "the temporary of a running process was removed");
            Assert.True(File.Exists(unrelated), "a file AtomicFile did not write was removed");
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }
}
