using System.Runtime.InteropServices;

namespace SeqGan.Research.Tensors;

/// <summary>Process-wide facts and switches of the loaded libtorch.</summary>
public static class Torch
{
    /// <summary>Seeds libtorch's generators (CPU and CUDA): same seed, same numbers.</summary>
    public static void ManualSeed(ulong seed) => NativeMethods.Check(NativeMethods.sg_manual_seed(seed));

    /// <summary>The CPU generator's full state (for checkpoints): restoring it replays the same random numbers.</summary>
    public static unsafe byte[] GetCpuRngState()
    {
        NativeMethods.Check(NativeMethods.sg_cpu_rng_state(null, 0, out var size));
        var state = new byte[size];
        fixed (byte* p = state) NativeMethods.Check(NativeMethods.sg_cpu_rng_state(p, size, out _));
        return state;
    }

    public static unsafe void SetCpuRngState(byte[] state)
    {
        fixed (byte* p = state) NativeMethods.Check(NativeMethods.sg_set_cpu_rng_state(p, state.Length));
    }

    public static string LibtorchVersion => Marshal.PtrToStringUTF8(NativeMethods.sg_torch_version()) ?? "unknown";

    /// <summary>libtorch's own description of how it was built (BLAS, OpenMP, CUDA, CPU capability).</summary>
    public static string BuildConfiguration => Marshal.PtrToStringUTF8(NativeMethods.sg_build_config()) ?? "";

    public static int CudaDeviceCount => NativeMethods.sg_cuda_device_count();

    /// <summary>The libtorch_cuda.so the bridge loaded at start ("" for a libtorch without CUDA, "failed to load …" on an error).</summary>
    public static string CudaLibrary => Marshal.PtrToStringUTF8(NativeMethods.sg_cuda_library()) ?? "";

    /// <summary>Reads of tensor data into .NET memory (Item, ToArray) since the process started: each waits for the device.
    /// The difference across a piece of work says how many host round trips it made.</summary>
    public static long HostReads => NativeMethods.sg_host_reads();

    /// <summary>Intra-op threads. The bridge sets it to the core count at load (SEQGAN_NUM_THREADS overrides).</summary>
    public static int Threads
    {
        get => NativeMethods.sg_get_num_threads();
        set => NativeMethods.Check(NativeMethods.sg_set_num_threads(value));
    }

    public static bool IsGradEnabled => NativeMethods.sg_is_grad_enabled() != 0;

    /// <summary><c>using (Torch.NoGrad()) { ... }</c>: no autograd graph is recorded inside.</summary>
    public static NoGradScope NoGrad() => new(enable: false);

    /// <summary>Re-enables autograd inside an enclosing <see cref="NoGrad"/>.</summary>
    public static NoGradScope EnableGrad() => new(enable: true);

    /// <summary><c>using (Torch.NewDisposeScope()) { ... }</c>: tensors created inside are freed at its end.</summary>
    public static DisposeScope NewDisposeScope() => DisposeScope.Enter();
}
