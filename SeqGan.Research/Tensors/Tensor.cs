using System.Runtime.InteropServices;
using static SeqGan.Research.Tensors.NativeMethods;

namespace SeqGan.Research.Tensors;

/// <summary>
/// A libtorch tensor. Every operation returns a new tensor that joins the innermost
/// <see cref="DisposeScope"/>; dispose tensors (or their scope) rather than waiting for the GC.
/// </summary>
public sealed partial class Tensor : IDisposable
{
    internal readonly TensorHandle Handle;
    private long[]? shape;

    internal Tensor(nint raw)
    {
        if (raw == IntPtr.Zero) throw new TorchException("native call returned no tensor");
        Handle = new TensorHandle(raw);
        DisposeScope.Adopt(this);
    }

    internal DisposeScope? OwnerScope { get; set; }

    public bool IsDisposed => Handle.IsClosed;

    public void Dispose() => Handle.Dispose();

    /// <summary>Takes this tensor out of any dispose scope: its owner must dispose it (modules do so for parameters).</summary>
    public Tensor DetachFromDisposeScope()
    {
        OwnerScope = null;
        return this;
    }

    /// <summary>Hands this tensor to the scope enclosing the one that owns it.</summary>
    public Tensor MoveToOuterDisposeScope() => OwnerScope?.MoveToOuter(this) ?? this;

    internal static Tensor Wrap(int status, nint raw)
    {
        Check(status);
        return new Tensor(raw);
    }

    // ---- metadata ----
    public unsafe long[] Shape
    {
        get
        {
            if (shape is not null) return shape;
            var dims = sg_ndim(Handle);
            var result = new long[dims];
            fixed (long* p = result) Check(sg_shape(Handle, p, dims));
            return shape = result;
        }
    }

    public int Dimensions => Shape.Length;

    public long Size(int dim) => Shape[dim < 0 ? dim + Shape.Length : dim];

    public long NumberOfElements => sg_numel(Handle);

    public DType DType => (DType)sg_dtype(Handle);

    public Device Device => new((DeviceType)sg_device_type(Handle), sg_device_index(Handle));

    public bool RequiresGrad
    {
        get => sg_requires_grad(Handle) != 0;
        set => Check(sg_set_requires_grad(Handle, value ? 1 : 0));
    }

    public override string ToString() => $"Tensor[{string.Join(", ", Shape)}] {DType} on {Device}";

    // ---- creation ----
    public static unsafe Tensor FromSpan<T>(ReadOnlySpan<T> data, ReadOnlySpan<long> shape, Device? device = null) where T : unmanaged
    {
        var dtype = DTypeInfo.Of<T>();
        var target = device ?? Device.Cpu;
        nint raw;
        fixed (T* d = data)
        fixed (long* s = shape)
            Check(sg_from_host(d, (long)data.Length * sizeof(T), s, shape.Length, (int)dtype, (int)target.Type, target.Index, out raw));
        return new Tensor(raw);
    }

    /// <summary>A tensor holding a copy of <paramref name="data"/>; shape defaults to 1-D.</summary>
    public static Tensor From<T>(T[] data, params long[] shape) where T : unmanaged =>
        FromSpan<T>(data, shape.Length == 0 ? [data.LongLength] : shape);

    public static Tensor From<T>(T[] data, long[] shape, Device device) where T : unmanaged => FromSpan<T>(data, shape, device);

    /// <summary>A 0-dimensional tensor.</summary>
    public static Tensor Scalar(float value, Device? device = null) => FromSpan<float>([value], [], device);

    public static unsafe Tensor Zeros(long[] shape, DType dtype = DType.Float32, Device? device = null)
    {
        var d = device ?? Device.Cpu;
        nint raw;
        fixed (long* s = shape) Check(sg_zeros(s, shape.Length, (int)dtype, (int)d.Type, d.Index, out raw));
        return new Tensor(raw);
    }

    public static unsafe Tensor Full(long[] shape, double value, DType dtype = DType.Float32, Device? device = null)
    {
        var d = device ?? Device.Cpu;
        nint raw;
        fixed (long* s = shape) Check(sg_full(s, shape.Length, value, (int)dtype, (int)d.Type, d.Index, out raw));
        return new Tensor(raw);
    }

    public static Tensor Ones(long[] shape, DType dtype = DType.Float32, Device? device = null) => Full(shape, 1.0, dtype, device);

    public static Tensor Arange(long end, DType dtype = DType.Int64, Device? device = null)
    {
        var d = device ?? Device.Cpu;
        return Wrap(sg_arange(end, (int)dtype, (int)d.Type, d.Index, out var raw), raw);
    }

    /// <summary>Uniform [0, 1) draws from libtorch's seeded generator.</summary>
    public static unsafe Tensor Rand(long[] shape, DType dtype = DType.Float32, Device? device = null)
    {
        var d = device ?? Device.Cpu;
        nint raw;
        fixed (long* s = shape) Check(sg_rand(s, shape.Length, (int)dtype, (int)d.Type, d.Index, out raw));
        return new Tensor(raw);
    }

    /// <summary>Standard normal draws from libtorch's seeded generator.</summary>
    public static unsafe Tensor Randn(long[] shape, DType dtype = DType.Float32, Device? device = null)
    {
        var d = device ?? Device.Cpu;
        nint raw;
        fixed (long* s = shape) Check(sg_randn(s, shape.Length, (int)dtype, (int)d.Type, d.Index, out raw));
        return new Tensor(raw);
    }

    /// <summary>Integers uniform in [low, high), int64.</summary>
    public static unsafe Tensor RandInt(long low, long high, long[] shape, Device? device = null)
    {
        var d = device ?? Device.Cpu;
        nint raw;
        fixed (long* s = shape) Check(sg_randint(low, high, s, shape.Length, (int)d.Type, d.Index, out raw));
        return new Tensor(raw);
    }

    /// <summary>A tensor from raw little-endian element bytes (what safetensors stores).</summary>
    public static unsafe Tensor FromBytes(ReadOnlySpan<byte> bytes, DType dtype, ReadOnlySpan<long> shape, Device? device = null)
    {
        var target = device ?? Device.Cpu;
        nint raw;
        fixed (byte* d = bytes)
        fixed (long* s = shape)
            Check(sg_from_host(d, bytes.Length, s, shape.Length, (int)dtype, (int)target.Type, target.Index, out raw));
        return new Tensor(raw);
    }

    /// <summary>A random permutation of 0..n−1 (int64) from libtorch's seeded generator.</summary>
    public static Tensor RandPerm(long n, Device? device = null)
    {
        var d = device ?? Device.Cpu;
        return Wrap(sg_randperm(n, (int)d.Type, d.Index, out var raw), raw);
    }

    // ---- reading back ----
    /// <summary>The raw little-endian element bytes, row-major (copied to the host).</summary>
    public unsafe byte[] ToBytes()
    {
        var result = new byte[NumberOfElements * DType.ElementSize()];
        fixed (byte* p = result) Check(sg_copy_to_host(Handle, p, result.LongLength));
        return result;
    }

    /// <summary>Copies all elements (row-major) to a new array; the dtype must match <typeparamref name="T"/>.</summary>
    public unsafe T[] ToArray<T>() where T : unmanaged
    {
        var expected = DTypeInfo.Of<T>();
        if (DType != expected)
            throw new InvalidOperationException($"tensor has dtype {DType}, cannot read it as {typeof(T).Name} ({expected}); convert with .To({expected}) first");
        var result = new T[NumberOfElements];
        fixed (T* p = result) Check(sg_copy_to_host(Handle, p, (long)result.Length * sizeof(T)));
        return result;
    }

    /// <summary>The value of a one-element tensor.</summary>
    public double Item()
    {
        Check(sg_item_double(Handle, out var value));
        return value;
    }

    public long ItemInt64()
    {
        Check(sg_item_long(Handle, out var value));
        return value;
    }

    /// <summary>Whether every element is a finite number (no NaN, no ±infinity).</summary>
    public bool AllFinite()
    {
        Check(sg_all_finite(Handle, out var allFinite));
        return allFinite != 0;
    }

    // ---- conversion ----
    public Tensor To(DType dtype) => Wrap(sg_to(Handle, (int)dtype, sg_device_type(Handle), sg_device_index(Handle), out var r), r);

    public Tensor To(Device device) => Wrap(sg_to(Handle, sg_dtype(Handle), (int)device.Type, device.Index, out var r), r);

    public Tensor To(DType dtype, Device device) => Wrap(sg_to(Handle, (int)dtype, (int)device.Type, device.Index, out var r), r);

    public Tensor Clone() => Wrap(sg_clone(Handle, out var r), r);

    /// <summary>The same data, cut from the autograd graph.</summary>
    public Tensor Detach() => Wrap(sg_detach(Handle, out var r), r);

    public Tensor Contiguous() => Wrap(sg_contiguous(Handle, out var r), r);

    /// <summary>A second handle to the same tensor (same data and autograd identity).</summary>
    public Tensor Alias() => Wrap(sg_shallow_copy(Handle, out var r), r);

    /// <summary>Points this tensor at <paramref name="source"/>'s data, keeping its identity (used to move parameters).</summary>
    public void SetData(Tensor source)
    {
        Check(sg_set_data(Handle, source.Handle));
        shape = null;
    }

    // ---- autograd ----
    public void Backward() => Check(sg_backward(Handle, IntPtr.Zero));

    public void Backward(Tensor gradient)
    {
        Check(sg_backward(Handle, gradient.Handle.DangerousGetHandle()));
        GC.KeepAlive(gradient);
    }

    /// <summary>The accumulated gradient, or null before the first backward pass. The caller owns the returned handle.</summary>
    public Tensor? Grad
    {
        get
        {
            Check(sg_grad(Handle, out var raw));
            return raw == IntPtr.Zero ? null : new Tensor(raw);
        }
    }

    /// <summary>Drops the accumulated gradient (the next backward writes a fresh one).</summary>
    public void ClearGrad() => Check(sg_clear_grad(Handle));
}
