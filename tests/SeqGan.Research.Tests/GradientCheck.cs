using SeqGan.Research.Nn;
using SeqGan.Research.Tensors;

namespace SeqGan.Research.Tests;

/// <summary>Compares autograd's gradients with central finite differences, in float64 so that the
/// differences are accurate to ~1e-9 and a relative tolerance of 1e-6 separates right from wrong.</summary>
internal static class GradientCheck
{
    private const double Step = 1e-6;

    // Coordinates whose true gradient is 0 (dead ReLUs, unused embedding rows) still show
    // rounding noise of about 1e-16 · |loss| / Step in the finite difference.
    private const double AbsoluteFloor = 1e-8;

    /// <summary>Converts the module's parameters to float64 in place; their identity is kept, so the
    /// module's own forward code runs on them.</summary>
    public static T InFloat64<T>(T module) where T : Module
    {
        using var scope = Torch.NewDisposeScope();
        using var noGrad = Torch.NoGrad();
        foreach (var parameter in module.Parameters()) parameter.SetData(parameter.To(DType.Float64));
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
        foreach (var (_, variable) in variables) variable.ClearGrad();
        using (Torch.NewDisposeScope()) loss().Backward();

        var failures = new List<string>();
        foreach (var (name, variable) in variables)
        {
            Assert.Equal(DType.Float64, variable.DType);
            double[] analytic;
            using (Torch.NewDisposeScope())
                analytic = (variable.Grad ?? throw new InvalidOperationException($"{name} received no gradient")).ToArray<double>();
            Assert.True(analytic.Any(g => Math.Abs(g) > 1e-6), $"{name}: the analytic gradient is all zero, so the check would prove nothing");

            var original = variable.ToArray<double>();
            var values = (double[])original.Clone();
            for (var k = 0; k < values.Length; k++)
            {
                values[k] = original[k] + Step;
                var plus = Evaluate(loss, variable, values);
                values[k] = original[k] - Step;
                var minus = Evaluate(loss, variable, values);
                values[k] = original[k];
                var numeric = (plus - minus) / (2 * Step);
                var tolerance = 1e-6 * Math.Max(Math.Abs(numeric), Math.Abs(analytic[k])) + AbsoluteFloor;
                if (Math.Abs(numeric - analytic[k]) > tolerance)
                    failures.Add($"{name}[{k}]: autograd {analytic[k]:R}, finite difference {numeric:R}");
            }
            Overwrite(variable, original);
        }
        Assert.True(failures.Count == 0, $"{failures.Count} gradient coordinates disagree:\n{string.Join("\n", failures.Take(20))}");
    }

    private static double Evaluate(Func<Tensor> loss, Tensor variable, double[] values)
    {
        Overwrite(variable, values);
        using var scope = Torch.NewDisposeScope();
        using var noGrad = Torch.NoGrad();
        return loss().Item();
    }

    private static void Overwrite(Tensor variable, double[] values)
    {
        using var scope = Torch.NewDisposeScope();
        using var noGrad = Torch.NoGrad();
        variable.CopyInPlace(Tensor.From(values, variable.Shape));
    }
}
