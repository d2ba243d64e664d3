namespace SeqGan.Research.Tensors;

/// <summary>Element types the bridge supports. The numeric values are shared with Native/bridge_core.cpp.</summary>
public enum DType
{
    Float32 = 0,
    Float64 = 1,
    Int64 = 2,
    Bool = 3,
    Int32 = 4,
}

public static class DTypeInfo
{
    public static int ElementSize(this DType type) => type switch
    {
        DType.Float32 => 4,
        DType.Float64 => 8,
        DType.Int64 => 8,
        DType.Bool => 1,
        DType.Int32 => 4,
        _ => throw new ArgumentOutOfRangeException(nameof(type), type, "unknown dtype"),
    };

    /// <summary>The dtype that stores .NET type <typeparamref name="T"/>.</summary>
    public static DType Of<T>() where T : unmanaged =>
        typeof(T) == typeof(float) ? DType.Float32
        : typeof(T) == typeof(double) ? DType.Float64
        : typeof(T) == typeof(long) ? DType.Int64
        : typeof(T) == typeof(bool) ? DType.Bool
        : typeof(T) == typeof(int) ? DType.Int32
        : throw new NotSupportedException($"no tensor dtype for .NET type {typeof(T).Name}; use float, double, long, int or bool");
}
