using SeqGan.Research.Tensors;

namespace SeqGan.Research.Tests.Cuda;

/// <summary>A test that needs a CUDA device; skipped, with the reason shown, where the loaded libtorch sees none.</summary>
public sealed class CudaFactAttribute : FactAttribute
{
    public CudaFactAttribute()
    {
        if (!Device.IsCudaAvailable)
            Skip = "no CUDA device visible to the loaded libtorch (build with LIBTORCH=<a CUDA libtorch> on a GPU machine to run it; " +
                "without the .NET SDK there, `seqgan selftest --device cuda` from scripts/publish-bundle.sh's bundle checks the same)";
    }
}
