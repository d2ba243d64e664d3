using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using SeqGan.Research.Tensors;

namespace SeqGan.Research.Storage;

/// <summary>
/// A checkpoint directory: <c>state.json</c> (counters, curves, RNG state — anything JSON) naming the
/// tensor file <c>tensors-N.safetensors</c> it belongs to. The tensors are written first, then the JSON
/// is swapped in atomically, then older tensor files are removed: a kill at any moment leaves the
/// previous complete checkpoint or the new one, never a mix. <c>state.json</c> carries a SHA-256 digest of
/// its state and of the tensor file, so a checkpoint damaged or edited after it was written (an emptied curve, a
/// changed step) is refused on load instead of resuming with wrong numbers.
/// </summary>
public static partial class Checkpoint
{
    private const string StateFile = "state.json";

    /// <summary>Where a checkpoint's state lives, for errors that name it.</summary>
    public static string StatePath(string directory) => Path.Combine(directory, StateFile);

    public static void Save(string directory, IReadOnlyDictionary<string, Tensor> tensors, JsonObject state)
    {
        Directory.CreateDirectory(directory);
        AtomicFile.RemoveLeftovers(directory);
        var generation = (ReadGeneration(directory) ?? 0) + 1;
        var tensorFile = $"tensors-{generation}.safetensors";
        Safetensors.Save(Path.Combine(directory, tensorFile), tensors);
        var copy = state.DeepClone().AsObject();
        var document = new JsonObject
        {
            ["generation"] = generation,
            ["tensors"] = tensorFile,
            ["digest"] = Digest(copy, Path.Combine(directory, tensorFile)),
            ["state"] = copy,
        };
        AtomicFile.WriteAllText(StatePath(directory), document.ToJsonString(new JsonSerializerOptions { WriteIndented = true }));
        foreach (var stale in Directory.GetFiles(directory, "tensors-*.safetensors"))
            if (Path.GetFileName(stale) != tensorFile) File.Delete(stale);
    }

    public static bool Exists(string directory) => File.Exists(StatePath(directory));

    /// <summary>The saved tensors (caller disposes) and state, or null when the directory has no checkpoint. The
    /// temporaries of writes killed mid-way are removed first. The state file's own fields are checked (the tensor
    /// file must be one of this directory's), then the state's by <paramref name="checkState"/> (given the state and
    /// the file's path, it throws naming a bad field), then the digest: so a damaged field is named, and a state that
    /// is well-formed but was changed is still refused.</summary>
    public static (Dictionary<string, Tensor> Tensors, JsonObject State)? Load(string directory, Action<JsonObject, string>? checkState = null)
    {
        AtomicFile.RemoveLeftovers(directory);
        var statePath = StatePath(directory);
        if (!File.Exists(statePath)) return null;
        var document = JsonFields.ReadObject(statePath);
        JsonFields.Int(document, "generation", statePath, min: 1);
        var tensorFile = JsonFields.String(document, "tensors", statePath);
        if (!TensorFileName().IsMatch(tensorFile))
            throw new InvalidDataException($"{statePath}: \"tensors\" must name a tensors-N.safetensors file of this folder, found \"{tensorFile}\"");
        var state = JsonFields.Object(document, "state", statePath);
        var digest = JsonFields.OptionalString(document, "digest", statePath)
            ?? throw new InvalidDataException($"{statePath}: no \"digest\" (a checkpoint of an older seqgan): run without --resume, or into another output folder");
        checkState?.Invoke(state, statePath);
        var tensorPath = Path.Combine(directory, tensorFile);
        if (!File.Exists(tensorPath)) throw new InvalidDataException($"{statePath}: its tensor file {tensorFile} is missing");
        if (!string.Equals(digest, Digest(state, tensorPath), StringComparison.Ordinal))
            throw new InvalidDataException($"{statePath}: the state or {tensorFile} changed after the checkpoint was written (digest mismatch); refusing to resume from it");
        var tensors = Safetensors.Load(tensorPath);
        return (tensors, (JsonObject)state.DeepClone());
    }

    /// <summary>SHA-256 over the state's compact JSON and the tensor file's bytes.</summary>
    private static string Digest(JsonObject state, string tensorPath)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        hash.AppendData(Encoding.UTF8.GetBytes(state.ToJsonString()));
        using (var tensors = File.OpenRead(tensorPath))
            hash.AppendData(SHA256.HashData(tensors));
        return Convert.ToHexStringLower(hash.GetHashAndReset());
    }

    private static int? ReadGeneration(string directory)
    {
        var statePath = StatePath(directory);
        if (!File.Exists(statePath)) return null;
        try
        {
            return JsonNode.Parse(File.ReadAllText(statePath))?["generation"] is JsonValue value && value.TryGetValue<int>(out var generation) ? generation : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    [GeneratedRegex(@"^tensors-\d{1,9}\.safetensors$")]
    private static partial Regex TensorFileName();
}
