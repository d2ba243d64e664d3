using static SeqGan.Research.Tensors.NativeMethods;

namespace SeqGan.Research.Tensors;

// Indexing, joining and reshaping. Negative dims count from the end, as in libtorch.
public sealed partial class Tensor
{
    public unsafe Tensor Reshape(params long[] shape)
    {
        nint r;
        fixed (long* s = shape) Check(sg_reshape(Handle, s, shape.Length, out r));
        return new Tensor(r);
    }

    /// <summary>Broadcasts size-1 dims to <paramref name="shape"/> without copying (-1 keeps a dim).</summary>
    public unsafe Tensor Expand(params long[] shape)
    {
        nint r;
        fixed (long* s = shape) Check(sg_expand(Handle, s, shape.Length, out r));
        return new Tensor(r);
    }

    public unsafe Tensor Permute(params long[] order)
    {
        nint r;
        fixed (long* s = order) Check(sg_permute(Handle, s, order.Length, out r));
        return new Tensor(r);
    }

    public Tensor Transpose(long dim0, long dim1) => Wrap(sg_transpose(Handle, dim0, dim1, out var r), r);
    public Tensor Unsqueeze(long dim) => Wrap(sg_unsqueeze(Handle, dim, out var r), r);
    public Tensor Squeeze(long dim) => Wrap(sg_squeeze(Handle, dim, out var r), r);

    /// <summary>The slice [start, start + length) along <paramref name="dim"/> (a view).</summary>
    public Tensor Narrow(long dim, long start, long length) => Wrap(sg_narrow(Handle, dim, start, length, out var r), r);

    /// <summary>Index <paramref name="index"/> along <paramref name="dim"/>, dropping that dim (a view).</summary>
    public Tensor Select(long dim, long index) => Wrap(sg_select(Handle, dim, index, out var r), r);

    /// <summary>Each slice along <paramref name="dim"/> repeated <paramref name="repeats"/> times in place: [a, b] -> [a, a, b, b].</summary>
    public Tensor RepeatInterleave(long repeats, long dim) => Wrap(sg_repeat_interleave(Handle, repeats, dim, out var r), r);

    public Tensor Gather(long dim, Tensor index) => Wrap(sg_gather(Handle, dim, index.Handle, out var r), r);
    public Tensor IndexSelect(long dim, Tensor index) => Wrap(sg_index_select(Handle, dim, index.Handle, out var r), r);

    public static Tensor Cat(IReadOnlyList<Tensor> tensors, long dim) => Join(tensors, dim, stack: false);
    public static Tensor Stack(IReadOnlyList<Tensor> tensors, long dim) => Join(tensors, dim, stack: true);

    private static unsafe Tensor Join(IReadOnlyList<Tensor> tensors, long dim, bool stack)
    {
        if (tensors.Count == 0) throw new ArgumentException("need at least one tensor to join", nameof(tensors));
        var raw = new nint[tensors.Count];
        for (var i = 0; i < raw.Length; i++)
        {
            ObjectDisposedException.ThrowIf(tensors[i].IsDisposed, tensors[i]);
            raw[i] = tensors[i].Handle.DangerousGetHandle();
        }
        nint r;
        fixed (nint* p = raw)
            Check(stack ? sg_stack(p, raw.Length, dim, out r) : sg_cat(p, raw.Length, dim, out r));
        GC.KeepAlive(tensors);
        return new Tensor(r);
    }
}
