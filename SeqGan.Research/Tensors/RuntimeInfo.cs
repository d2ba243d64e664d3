namespace SeqGan.Research.Tensors;

/// <summary>Facts about the native libraries this process actually loaded — what `seqgan info` reports.</summary>
public static class RuntimeInfo
{
    /// <summary>Paths of the loaded BLAS/LAPACK libraries, read from /proc/self/maps after the bridge is loaded.</summary>
    public static IReadOnlyList<string> LoadedBlasLibraries()
    {
        _ = Torch.Threads;  // loads the bridge (and with it libtorch's BLAS)
        const string maps = "/proc/self/maps";
        if (!File.Exists(maps)) return [];
        return File.ReadLines(maps)
            .Select(line => line.Split(' ', StringSplitOptions.RemoveEmptyEntries).LastOrDefault() ?? "")
            .Where(path => path.StartsWith('/') && (path.Contains("blas", StringComparison.OrdinalIgnoreCase) || path.Contains("lapack", StringComparison.OrdinalIgnoreCase) || path.Contains("libmkl", StringComparison.OrdinalIgnoreCase)))
            .Distinct()
            .ToList();
    }

    /// <summary>A one-line description of the BLAS in use, with a warning when it is the slow reference BLAS.</summary>
    public static string DescribeBlas()
    {
        var libraries = LoadedBlasLibraries();
        var blas = libraries.FirstOrDefault(p => p.Contains("blas", StringComparison.OrdinalIgnoreCase) && !p.Contains("lapack", StringComparison.OrdinalIgnoreCase));
        if (blas is null) return libraries.Count > 0 ? string.Join(", ", libraries) : "none loaded (BLAS linked statically into libtorch?)";
        var resolved = new FileInfo(blas).ResolveLinkTarget(returnFinalTarget: true)?.FullName ?? blas;
        if (resolved.Contains("openblas-openmp")) return $"OpenBLAS (OpenMP) — {resolved}";
        if (resolved.Contains("openblas")) return $"OpenBLAS — {resolved}";
        if (resolved.Contains("mkl")) return $"Intel MKL — {resolved}";
        if (resolved.Contains("/blas/")) return $"reference BLAS (slow: apt-get install libopenblas0-openmp) — {resolved}";
        return resolved;
    }
}
