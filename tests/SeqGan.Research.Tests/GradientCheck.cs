using SeqGan.Research.Nn;
using SeqGan.Research.Tensors;
using LibraryGradientCheck = SeqGan.Research.Diagnostics.GradientCheck;

namespace SeqGan.Research.Tests;

/// <summary>The library's finite-difference check (<see cref="LibraryGradientCheck"/>, which `seqgan selftest` also runs)
/// as xunit assertions, plus the random inputs the gradient tests use.</summary>
internal static class GradientCheck
{
    /// <summary>Converts the module's parameters to float64 in place (see <see cref="LibraryGradientCheck.InFloat64"/>).</summary>
    public static T InFloat64<T>(T module) where T : Module
    {
        LibraryGradientCheck.InFloat64(module);
        Assert.All(module.Parameters(), p => Assert.Equal(DType.Float64, p.DType));
        return module;
    }

    /// <summary>A float64 leaf of standard normal draws that records gradients.</summary>
    public static Tensor RandomLeaf(params long[] shape)
    {
        var leaf = Tensor.Randn(shape, DType.Float64);
        leaf.RequiresGrad = true;
        return leaf;
    }

    /// <summary>Fixed random weights for a scalar loss Σ output ⊙ weights: unlike a plain sum, every
    /// output element then contributes differently, so a gradient routed to the wrong place shows.</summary>
    public static Tensor RandomWeights(params long[] shape) => Tensor.Randn(shape, DType.Float64);

    public static void AssertMatches(Func<Tensor> loss, params (string Name, Tensor Variable)[] variables)
    {
        var failures = LibraryGradientCheck.Disagreements(loss, variables);
        Assert.True(failures.Count == 0, $"{failures.Count} gradient problems:\n{string.Join("\n", failures)}");
    }
}
