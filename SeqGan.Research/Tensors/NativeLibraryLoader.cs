using System.Reflection;
using System.Runtime.InteropServices;

namespace SeqGan.Research.Tensors;

/// <summary>Finds libseqgan_native.so next to this assembly and runs the bridge's one-time init.
/// A load failure is turned into an error that says what to install or which variable to set.</summary>
internal static class NativeLibraryLoader
{
    public const string LibraryName = "seqgan_native";
    private const string FileName = "libseqgan_native.so";

    public static nint Resolve(string libraryName, Assembly assembly, DllImportSearchPath? searchPath)
    {
        if (libraryName != LibraryName) return IntPtr.Zero;
        var candidates = new[]
        {
            Path.Combine(Path.GetDirectoryName(assembly.Location) ?? "", FileName),
            Path.Combine(AppContext.BaseDirectory, FileName),
        };
        var path = candidates.FirstOrDefault(File.Exists)
            ?? throw new DllNotFoundException(
                $"{FileName} was not found next to the SeqGan.Research assembly (looked in: {string.Join(", ", candidates.Distinct())}). " +
                "It is built by `dotnet build`, which needs cmake, g++ and libtorch (apt-get install libtorch-dev libopenblas0-openmp cmake g++, or scripts/bootstrap.sh).");
        nint library;
        try
        {
            library = NativeLibrary.Load(path);
        }
        catch (DllNotFoundException e)
        {
            throw new DllNotFoundException(
                $"{path} could not be loaded: {e.Message}. If a libtorch library (libtorch.so, libc10.so) is missing: " +
                "apt-get install libtorch-dev libopenblas0-openmp (Debian's libtorch), or, if the bridge was built with LIBTORCH=/path, " +
                "make sure that libtorch is still there (or rebuild with `dotnet build` after setting LIBTORCH).", e);
        }
        Initialize(library);
        return library;
    }

    private static unsafe void Initialize(nint library)
    {
        var init = (delegate* unmanaged<int, int>)NativeLibrary.GetExport(library, "sg_init");
        var threads = int.TryParse(Environment.GetEnvironmentVariable("SEQGAN_NUM_THREADS"), out var n) && n > 0 ? n : 0;
        if (init(threads) != 0)
        {
            var lastError = (delegate* unmanaged<nint>)NativeLibrary.GetExport(library, "sg_last_error");
            throw new TorchException("native bridge init failed: " + Marshal.PtrToStringUTF8(lastError()));
        }
    }
}
