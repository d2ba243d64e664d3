using SeqGan.Research.Tensors;

namespace SeqGan.Research.Nn;

/// <summary>The accumulated gradients of a module's parameters as one vector (what gradient diagnostics compare).</summary>
public static class ParameterGradients
{
    /// <summary>Every parameter's gradient, flattened in <see cref="Module.Parameters"/> order; a parameter that received
    /// none contributes zeros.</summary>
    public static double[] Flatten(IEnumerable<Tensor> parameters)
    {
        var result = new List<double>();
        foreach (var parameter in parameters)
        {
            using var scope = Torch.NewDisposeScope();
            var gradient = parameter.Grad;
            if (gradient is null) result.AddRange(new double[parameter.NumberOfElements]);
            else result.AddRange(gradient.To(DType.Float64, Device.Cpu).ToArray<double>());
        }
        return result.ToArray();
    }
}
