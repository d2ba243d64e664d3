using SeqGan.Research.Tensors;

namespace SeqGan.Research.Nn;

/// <summary>
/// Adam (Kingma &amp; Ba 2015, Algorithm 1) with optional L2 weight decay added to the gradient.
/// Moments live on each parameter's device; a step makes no host round-trip. On the CPU each parameter's
/// update is one fused pass over memory (<see cref="Tensor.AdamStepInPlace(Tensor, Tensor, Tensor, double, double, double, double, double, double)"/>).
/// </summary>
public sealed class Adam : IDisposable
{
    private readonly IReadOnlyList<Tensor> parameters;
    private readonly Tensor[] firstMoments;
    private readonly Tensor[] secondMoments;

    public double LearningRate { get; set; }
    public double Beta1 { get; }
    public double Beta2 { get; }
    public double Epsilon { get; }
    public double WeightDecay { get; }
    public long StepCount { get; private set; }

    /// <summary>
    /// Update all parameters with libtorch's multi-tensor operators (a few kernel launches per step on a GPU) instead of
    /// one fused pass per parameter (fastest on the CPU). Null, the default, chooses by device: multi-tensor off the CPU.
    /// Both give the same update; on the CPU the multi-tensor path equals the unfused one exactly.
    /// </summary>
    public bool? MultiTensor { get; set; }

    public Adam(IEnumerable<Tensor> parameters, double learningRate = 1e-3, double beta1 = 0.9, double beta2 = 0.999,
        double epsilon = 1e-8, double weightDecay = 0.0)
    {
        if (learningRate <= 0) throw new ArgumentOutOfRangeException(nameof(learningRate), learningRate, "must be positive");
        if (beta1 is < 0 or >= 1) throw new ArgumentOutOfRangeException(nameof(beta1), beta1, "must be in [0, 1)");
        if (beta2 is < 0 or >= 1) throw new ArgumentOutOfRangeException(nameof(beta2), beta2, "must be in [0, 1)");
        if (weightDecay < 0) throw new ArgumentOutOfRangeException(nameof(weightDecay), weightDecay, "must be non-negative");
        this.parameters = parameters.ToList();
        LearningRate = learningRate;
        Beta1 = beta1;
        Beta2 = beta2;
        Epsilon = epsilon;
        WeightDecay = weightDecay;
        firstMoments = this.parameters.Select(ZerosLike).ToArray();
        secondMoments = this.parameters.Select(ZerosLike).ToArray();
    }

    private static Tensor ZerosLike(Tensor p) => Tensor.Zeros(p.Shape, p.DType, p.Device).DetachFromDisposeScope();

    public void ZeroGrad()
    {
        foreach (var p in parameters) p.ClearGrad();
    }

    public void Step()
    {
        // Before any parameter moves: an interrupted notebook cell leaves the model as of the last whole step.
        Interruption.ThrowIfRequested();
        using var scope = Torch.NewDisposeScope();
        using var noGrad = Torch.NoGrad();
        StepCount++;
        var correction1 = 1 - Math.Pow(Beta1, StepCount);
        var correction2 = 1 - Math.Pow(Beta2, StepCount);
        if (MultiTensor ?? (parameters.Count > 0 && parameters[0].Device.Type != DeviceType.Cpu))
        {
            var withGradient = Enumerable.Range(0, parameters.Count).Where(i => parameters[i].Grad is not null).ToList();
            Tensor.MultiTensorAdamStep(withGradient.Select(i => parameters[i]).ToList(), withGradient.Select(i => parameters[i].Grad!).ToList(),
                withGradient.Select(i => firstMoments[i]).ToList(), withGradient.Select(i => secondMoments[i]).ToList(),
                Beta1, Beta2, LearningRate / correction1, Math.Sqrt(correction2), Epsilon, WeightDecay);
            return;
        }
        for (var i = 0; i < parameters.Count; i++)
        {
            var gradient = parameters[i].Grad;
            if (gradient is null) continue;
            parameters[i].AdamStepInPlace(gradient, firstMoments[i], secondMoments[i], Beta1, Beta2,
                LearningRate / correction1, Math.Sqrt(correction2), Epsilon, WeightDecay);
        }
    }

    /// <summary>The optimizer's state (moments and step count) for checkpoints; the caller disposes the tensors.</summary>
    public (Dictionary<string, Tensor> Tensors, long StepCount) State()
    {
        var tensors = new Dictionary<string, Tensor>();
        for (var i = 0; i < parameters.Count; i++)
        {
            tensors[$"m.{i}"] = firstMoments[i].Clone().DetachFromDisposeScope();
            tensors[$"v.{i}"] = secondMoments[i].Clone().DetachFromDisposeScope();
        }
        return (tensors, StepCount);
    }

    public void LoadState(IReadOnlyDictionary<string, Tensor> tensors, long stepCount, string source = "optimizer state")
    {
        using var scope = Torch.NewDisposeScope();
        for (var i = 0; i < parameters.Count; i++)
        {
            foreach (var (key, target) in new[] { ($"m.{i}", firstMoments[i]), ($"v.{i}", secondMoments[i]) })
            {
                if (!tensors.TryGetValue(key, out var value))
                    throw new InvalidDataException($"{source}: missing '{key}' (the optimizer has {parameters.Count} parameters)");
                if (!value.Shape.SequenceEqual(target.Shape))
                    throw new InvalidDataException($"{source}: '{key}' has shape [{string.Join(", ", value.Shape)}], expected [{string.Join(", ", target.Shape)}]");
                target.CopyInPlace(value.To(target.DType, target.Device));
            }
        }
        StepCount = stepCount;
    }

    public void Dispose()
    {
        foreach (var t in firstMoments.Concat(secondMoments)) t.Dispose();
    }
}
