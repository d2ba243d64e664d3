namespace SeqGan.Research.Tests.Notebooks.Jupyter;

/// <summary>
/// One temporary Jupyter data folder with both C# kernels: the kit's (`seqgan kernel`, built beside the tests) and
/// .NET Interactive's `.net-csharp` (the pinned tool). Shared by the tests of <see cref="BothKernelsCollection"/>, so
/// .NET Interactive's kernelspec is written once per test run.
/// </summary>
public sealed class BothKernels : IDisposable
{
    public BothKernels() => Jupyter.InstallDotnetInteractive();

    internal JupyterEnvironment Jupyter { get; } = new();

    /// <summary>The two kernelspec names, the kit's first.</summary>
    public static IReadOnlyList<string> Kernels { get; } = [JupyterEnvironment.KernelName, JupyterEnvironment.DotnetInteractiveKernelName];

    public static TheoryData<string> KernelNames() => new(Kernels);

    public void Dispose() => Jupyter.Dispose();
}

[CollectionDefinition(nameof(BothKernelsCollection))]
public sealed class BothKernelsCollection : ICollectionFixture<BothKernels>;
