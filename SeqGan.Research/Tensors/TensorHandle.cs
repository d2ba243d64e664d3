using System.Runtime.InteropServices;

namespace SeqGan.Research.Tensors;

/// <summary>Owns one reference to a native at::Tensor; releasing it frees that reference.</summary>
internal sealed class TensorHandle : SafeHandle
{
    public TensorHandle() : base(IntPtr.Zero, ownsHandle: true) { }

    public TensorHandle(nint raw) : base(IntPtr.Zero, ownsHandle: true) => SetHandle(raw);

    public override bool IsInvalid => handle == IntPtr.Zero;

    protected override bool ReleaseHandle()
    {
        NativeMethods.sg_free(handle);
        return true;
    }
}
