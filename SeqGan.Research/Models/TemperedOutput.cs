using SeqGan.Research.Nn;
using SeqGan.Research.Tensors;

namespace SeqGan.Research.Models;

/// <summary>
/// Sampling from softmax(α · (h·Wᵀ + b)) through the bridge's fused hidden-state sampler: α · (h·Wᵀ + b) = h·(αW)ᵀ + αb,
/// so the temperature scales the output layer's [V, H] weight and [V] bias, never a [B, V] logits matrix. At α = 1 the
/// layer's own tensors go to the bridge untouched: the tokens are bit for bit those of a model without temperature.
/// </summary>
public static class TemperedOutput
{
    public static Tensor Sample(Tensor hidden, Linear output, Tensor uniforms, double inverseTemperature)
    {
        if (SequencePolicy.CheckInverseTemperature(inverseTemperature) == 1)
            return hidden.SampleFromHidden(output.Weight, output.Bias!, uniforms);
        using var scope = Torch.NewDisposeScope();
        return scope.MoveToOuter(hidden.SampleFromHidden(output.Weight * inverseTemperature, output.Bias! * inverseTemperature, uniforms));
    }
}
