using SeqGan.Research.Nn;
using SeqGan.Research.Tensors;

namespace SeqGan.Research.Diagnostics;

/// <summary>
/// Compares autograd's gradients with central finite differences, in float64 so that the differences are accurate to
/// ~1e-9 and a relative tolerance of 1e-6 separates right from wrong. The variables may live on any device.
/// </summary>
public static class GradientCheck
{
    public const double Step = 1e-6;
    public const double RelativeTolerance = 1e-6;

    // Coordinates whose true gradient is 0 (dead ReLUs, unused embedding rows) still show
    // rounding noise of about 1e-16 · |loss| / Step in the finite difference.
    public const double AbsoluteFloor = 1e-8;

    /// <summary>Converts the module's parameters to float64 in place; their identity is kept, so the
    /// module's own forward code runs on them.</summary>
    public static T InFloat64<T>(T module) where T : Module
    {
        using var scope = Torch.NewDisposeScope();
        using var noGrad = Torch.NoGrad();
        foreach (var parameter in module.Parameters()) parameter.SetData(parameter.To(DType.Float64));
        return module;
    }

    /// <summary>
    /// Every coordinate of every variable where autograd and the finite difference of <paramref name="loss"/> disagree
    /// (at most <paramref name="limit"/> lines), plus variables that are not float64, get no gradient, or get an all-zero
    /// gradient (which would prove nothing). Empty when the gradients are right.
    /// </summary>
    public static IReadOnlyList<string> Disagreements(Func<Tensor> loss, IReadOnlyList<(string Name, Tensor Variable)> variables, int limit = 20)
    {
        foreach (var (_, variable) in variables) variable.ClearGrad();
        using (Torch.NewDisposeScope()) loss().Backward();

        var failures = new List<string>();
        foreach (var (name, variable) in variables)
        {
            if (variable.DType != DType.Float64)
            {
                failures.Add($"{name} is {variable.DType}, not Float64 (finite differences need float64)");
                continue;
            }
            double[] analytic;
            using (Torch.NewDisposeScope())
            {
                var gradient = variable.Grad;
                if (gradient is null)
                {
                    failures.Add($"{name} received no gradient");
                    continue;
                }
                analytic = gradient.ToArray<double>();
            }
            if (!analytic.Any(g => Math.Abs(g) > 1e-6))
            {
                failures.Add($"{name}: the analytic gradient is all zero, so the check would prove nothing");
                continue;
            }

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
                var tolerance = RelativeTolerance * Math.Max(Math.Abs(numeric), Math.Abs(analytic[k])) + AbsoluteFloor;
                if (Math.Abs(numeric - analytic[k]) > tolerance && failures.Count < limit)
                    failures.Add($"{name}[{k}]: autograd {analytic[k]:R}, finite difference {numeric:R}");
            }
            Overwrite(variable, original);
        }
        return failures;
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
