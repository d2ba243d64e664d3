using SeqGan.Research.Storage;
using SeqGan.Research.Tensors;

namespace SeqGan.Research.Data;

/// <summary>
/// The paper's oracle parameters as named tensors, from either of its files: the original pickle
/// (target_params.pkl / target_params_py3.pkl, a list of 15 arrays) or the kit maintainers' safetensors
/// conversion (the same tensors by name). Both give bit-identical tensors.
/// </summary>
public static class PaperOracleParameters
{
    /// <summary>Tensor names in the order of the pickle's list (target_lstm.py's params[0..14]).</summary>
    public static IReadOnlyList<string> Names { get; } =
    [
        "embedding",
        "lstm.W_i", "lstm.U_i", "lstm.b_i",
        "lstm.W_f", "lstm.U_f", "lstm.b_f",
        "lstm.W_o", "lstm.U_o", "lstm.b_o",
        "lstm.W_c", "lstm.U_c", "lstm.b_c",
        "output.W", "output.b",
    ];

    /// <summary>The tensors of a .safetensors or .pkl file, by name (not in any dispose scope: the caller disposes them).</summary>
    public static Dictionary<string, Tensor> Load(string path, Device? device = null) =>
        Path.GetExtension(path).ToLowerInvariant() switch
        {
            ".safetensors" => Safetensors.Load(path, device),
            ".pkl" => FromArrays(NumpyPickle.ReadFloat32ArrayList(path), path, device),
            var other => throw new ArgumentException(
                $"{path}: cannot tell the oracle parameter format from the extension '{other}' (expected .safetensors or .pkl)", nameof(path)),
        };

    /// <summary>Names the 15 arrays of the pickle by position.</summary>
    public static Dictionary<string, Tensor> FromArrays(IReadOnlyList<NumpyFloat32Array> arrays, string source, Device? device = null)
    {
        if (arrays.Count != Names.Count)
            throw new InvalidDataException($"{source}: holds {arrays.Count} arrays, expected the oracle's {Names.Count} ({string.Join(", ", Names)})");
        var tensors = new Dictionary<string, Tensor>();
        try
        {
            for (var i = 0; i < arrays.Count; i++)
                tensors[Names[i]] = Tensor.FromSpan<float>(arrays[i].Values, arrays[i].Shape, device).DetachFromDisposeScope();
        }
        catch
        {
            foreach (var t in tensors.Values) t.Dispose();
            throw;
        }
        return tensors;
    }
}
