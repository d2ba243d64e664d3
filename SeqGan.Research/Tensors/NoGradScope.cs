namespace SeqGan.Research.Tensors;

/// <summary>Disables autograd recording on this thread until disposed, then restores the previous mode.
/// libtorch's grad mode is thread-local: never <c>await</c> inside one of these.</summary>
public readonly struct NoGradScope : IDisposable
{
    private readonly bool wasEnabled;

    internal NoGradScope(bool enable)
    {
        wasEnabled = NativeMethods.sg_is_grad_enabled() != 0;
        NativeMethods.sg_set_grad_enabled(enable ? 1 : 0);
    }

    public void Dispose() => NativeMethods.sg_set_grad_enabled(wasEnabled ? 1 : 0);
}
