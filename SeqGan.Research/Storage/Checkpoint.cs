using System.Text.Json;
using System.Text.Json.Nodes;
using SeqGan.Research.Tensors;

namespace SeqGan.Research.Storage;

/// <summary>
/// A checkpoint directory: <c>state.json</c> (counters, curves, RNG state — anything JSON) naming the
/// tensor file <c>tensors-N.safetensors</c> it belongs to. The tensors are written first, then the JSON
/// is swapped in atomically, then older tensor files are removed: a kill at any moment leaves the
/// previous complete checkpoint or the new one, never a mix.
/// </summary>
public static class Checkpoint
{
    private const string StateFile = "state.json";

    public static void Save(string directory, IReadOnlyDictionary<string, Tensor> tensors, JsonObject state)
    {
        Directory.CreateDirectory(directory);
        AtomicFile.RemoveLeftovers(directory);
        var generation = (ReadGeneration(directory) ?? 0) + 1;
        var tensorFile = $"tensors-{generation}.safetensors";
        Safetensors.Save(Path.Combine(directory, tensorFile), tensors);
        var document = new JsonObject { ["generation"] = generation, ["tensors"] = tensorFile, ["state"] = state.DeepClone() };
        AtomicFile.WriteAllText(Path.Combine(directory, StateFile), document.ToJsonString(new JsonSerializerOptions { WriteIndented = true }));
        foreach (var stale in Directory.GetFiles(directory, "tensors-*.safetensors"))
            if (Path.GetFileName(stale) != tensorFile) File.Delete(stale);
    }

    public static bool Exists(string directory) => File.Exists(Path.Combine(directory, StateFile));

    /// <summary>The saved tensors (caller disposes) and state, or null when the directory has no checkpoint. The
    /// temporaries of writes killed mid-way are removed first.</summary>
    public static (Dictionary<string, Tensor> Tensors, JsonObject State)? Load(string directory)
    {
        AtomicFile.RemoveLeftovers(directory);
        var statePath = Path.Combine(directory, StateFile);
        if (!File.Exists(statePath)) return null;
        JsonObject document;
        try
        {
            document = JsonNode.Parse(File.ReadAllText(statePath)) as JsonObject
                ?? throw new InvalidDataException($"{statePath}: not a JSON object");
        }
        catch (JsonException e)
        {
            throw new InvalidDataException($"{statePath}: corrupt checkpoint state: {e.Message}", e);
        }
        var tensorFile = document["tensors"]?.GetValue<string>() ?? throw new InvalidDataException($"{statePath}: no 'tensors' entry");
        var state = document["state"] as JsonObject ?? throw new InvalidDataException($"{statePath}: no 'state' object");
        var tensors = Safetensors.Load(Path.Combine(directory, tensorFile));
        return (tensors, (JsonObject)state.DeepClone());
    }

    private static int? ReadGeneration(string directory)
    {
        var statePath = Path.Combine(directory, StateFile);
        if (!File.Exists(statePath)) return null;
        try { return JsonNode.Parse(File.ReadAllText(statePath))?["generation"]?.GetValue<int>(); }
        catch (JsonException) { return null; }
    }
}
