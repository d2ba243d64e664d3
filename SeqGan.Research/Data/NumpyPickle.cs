using System.Buffers.Binary;

namespace SeqGan.Research.Data;

/// <summary>A float32 numpy array read from a pickle: its shape and its values in C (row-major) order.</summary>
public sealed record NumpyFloat32Array(long[] Shape, float[] Values)
{
    public override string ToString() => $"float32[{string.Join(", ", Shape)}]";
}

/// <summary>
/// Reads a pickled Python list of C-contiguous little-endian float32 numpy arrays — the format of the SeqGAN
/// oracle's save/target_params.pkl (Python 2, protocol 0) and save/target_params_py3.pkl (protocol 3) — without
/// Python. Each array is pickled as <c>numpy.core.multiarray._reconstruct(numpy.ndarray, (0,), b'b')</c> followed by
/// BUILD with the state <c>(1, shape, dtype('f4') with byte order '&lt;', fortran=False, raw bytes)</c>.
/// Anything else — another global, dtype, byte order or layout, or an opcode outside
/// <see cref="SupportedOpcodes"/> — is refused with an <see cref="InvalidDataException"/> naming the file and
/// the byte position; nothing in the file is ever imported or executed.
/// </summary>
public static class NumpyPickle
{
    /// <summary>Names of the pickle opcodes the reader executes.</summary>
    public static IReadOnlyCollection<string> SupportedOpcodes => PickleMachine.SupportedOpcodes.Values;

    public static IReadOnlyList<NumpyFloat32Array> ReadFloat32ArrayList(string path)
    {
        if (!File.Exists(path)) throw new FileNotFoundException($"pickle file not found: {path}", path);
        return ReadFloat32ArrayList(File.ReadAllBytes(path), path);
    }

    /// <param name="source">Names the data in error messages (usually the file path).</param>
    public static IReadOnlyList<NumpyFloat32Array> ReadFloat32ArrayList(byte[] pickle, string source)
    {
        var result = PickleMachine.Run(pickle, source, new NumpyArrayObjects());
        if (result is not List<object?> list)
            throw new InvalidDataException($"{source}: the pickle holds {PickleMachine.Describe(result)}, expected a list of numpy arrays");
        return list.Select((item, i) => item is PendingArray { Array: { } array }
            ? array
            : throw new InvalidDataException($"{source}: list item {i} is {(item is PendingArray ? "an array whose state was never set" : PickleMachine.Describe(item))}, expected a float32 numpy array"))
            .ToList();
    }

    /// <summary>An ndarray made by _reconstruct, complete once BUILD has given it its state.</summary>
    private sealed class PendingArray
    {
        public NumpyFloat32Array? Array { get; set; }
    }

    /// <summary>A numpy.dtype('f4'), complete once BUILD has given it its byte order.</summary>
    private sealed class PendingDtype
    {
        public bool HasByteOrder { get; set; }
    }

    private sealed class NumpyArrayObjects : IPickleObjects
    {
        public bool AllowsGlobal(string module, string name) => (module, name) is
            ("numpy.core.multiarray", "_reconstruct") or ("numpy._core.multiarray", "_reconstruct") or ("numpy", "ndarray") or ("numpy", "dtype");

        public object? Call(PickleGlobal callable, PickleTuple arguments, out string? refusal)
        {
            refusal = null;
            var a = arguments.Items;
            switch (callable.Name)
            {
                case "_reconstruct":
                    if (a.Count == 3 && a[0] is PickleGlobal { Module: "numpy", Name: "ndarray" }
                        && a[1] is PickleTuple { Items: [0L] } && Text(a[2]) == "b")
                        return new PendingArray();
                    refusal = $"expected _reconstruct(numpy.ndarray, (0,), b'b'), got ({string.Join(", ", a.Select(PickleMachine.Describe))})";
                    return null;
                case "dtype":
                    if (a.Count == 3 && Text(a[0]) is { } code && IsFlag(a[1], false) && IsFlag(a[2], true))
                    {
                        if (code == "f4") return new PendingDtype();
                        refusal = $"dtype '{code}' is not supported (only float32, 'f4')";
                        return null;
                    }
                    refusal = $"expected dtype('f4', False, True), got ({string.Join(", ", a.Select(PickleMachine.Describe))})";
                    return null;
                default:
                    refusal = "it is not a function this reader calls";
                    return null;
            }
        }

        public string? SetState(object? target, object? state)
        {
            if (state is not PickleTuple { Items: var s })
                return $"BUILD expects a state tuple, got {PickleMachine.Describe(state)}";
            switch (target)
            {
                case PendingDtype { HasByteOrder: false } dtype:
                    // numpy's dtype state: (version 3 or 4, byte order, subarray, names, fields, elsize, alignment, flags[, metadata]).
                    if (s.Count is not (8 or 9) || s[0] is not (3L or 4L) || s[2] is not null || s[3] is not null || s[4] is not null)
                        return "the dtype state is not that of a plain scalar dtype";
                    if (Text(s[1]) != "<")
                        return $"dtype byte order '{Text(s[1])}' is not supported (only little-endian, '<')";
                    dtype.HasByteOrder = true;
                    return null;
                case PendingArray { Array: null } array:
                    if (s.Count != 5 || s[0] is not 1L)
                        return "the array state is not (1, shape, dtype, fortran, data)";
                    if (s[2] is not PendingDtype { HasByteOrder: true })
                        return $"the array's dtype is {PickleMachine.Describe(s[2])}, expected a complete float32 dtype";
                    if (s[1] is not PickleTuple { Items: var dims } || dims.Any(d => d is not long { } n || n < 0))
                        return $"the array shape is {PickleMachine.Describe(s[1])}, expected a tuple of non-negative integers";
                    var shape = dims.Cast<long>().ToArray();
                    if (s[3] is not (bool or 0L or 1L))
                        return $"the fortran flag is {PickleMachine.Describe(s[3])}, expected a boolean";
                    if (s[3] is (true or 1L) && shape.Length > 1)
                        return "Fortran-ordered arrays are not supported (only C order)";
                    var bytes = RawBytes(s[4]);
                    if (bytes is null)
                        return $"the array data is {PickleMachine.Describe(s[4])}, expected bytes";
                    long count = 1;
                    foreach (var d in shape)
                    {
                        // Checked against the data before multiplying, so that no shape can overflow.
                        if (d != 0 && count > bytes.Length / sizeof(float) / d)
                            return $"shape [{string.Join(", ", shape)}] needs more than the {bytes.Length} bytes of data";
                        count *= d;
                    }
                    if (count * sizeof(float) != bytes.Length)
                        return $"shape [{string.Join(", ", shape)}] needs {count * sizeof(float)} bytes of float32 data, found {bytes.Length}";
                    array.Array = new NumpyFloat32Array(shape, ToFloats(bytes, (int)count));
                    return null;
                default:
                    return $"BUILD on {PickleMachine.Describe(target)} is not supported (only on a new numpy array or dtype)";
            }
        }

        /// <summary>Short text arguments: bytes in protocol 2+ (b'b'), Python-2 str in protocol 0, unicode for type codes.</summary>
        private static string? Text(object? value) => value switch
        {
            string s => s,
            byte[] b when b.Length <= 16 => System.Text.Encoding.Latin1.GetString(b),
            _ => null,
        };

        private static bool IsFlag(object? value, bool expected) => value is bool b ? b == expected : value is long n && n == (expected ? 1 : 0);

        /// <summary>Python 2 str and Python 3 bytes hold the data as bytes; a pickle loaded with encoding='latin1' and
        /// re-pickled holds it as a str whose characters are the bytes.</summary>
        private static byte[]? RawBytes(object? value)
        {
            if (value is byte[] bytes) return bytes;
            if (value is not string text || text.Any(c => c > 0xff)) return null;
            return System.Text.Encoding.Latin1.GetBytes(text);
        }

        private static float[] ToFloats(byte[] bytes, int count)
        {
            var values = new float[count];
            if (BitConverter.IsLittleEndian) Buffer.BlockCopy(bytes, 0, values, 0, count * sizeof(float));
            else
                for (var i = 0; i < count; i++) values[i] = BinaryPrimitives.ReadSingleLittleEndian(bytes.AsSpan(i * sizeof(float)));
            return values;
        }
    }
}
