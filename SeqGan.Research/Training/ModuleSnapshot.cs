using SeqGan.Research.Nn;
using SeqGan.Research.Tensors;

namespace SeqGan.Research.Training;

/// <summary>A module's parameters and its optimizer's state, copied: what every run of a seed starts from (the
/// pretrained generator, the shared pretrained discriminator).</summary>
internal sealed class ModuleSnapshot : IDisposable
{
    private readonly Dictionary<string, Tensor> parameters;
    private readonly Dictionary<string, Tensor> moments;
    private readonly long steps;

    private ModuleSnapshot(Dictionary<string, Tensor> parameters, Dictionary<string, Tensor> moments, long steps)
    {
        this.parameters = parameters;
        this.moments = moments;
        this.steps = steps;
    }

    public static ModuleSnapshot Of(IModule module, Adam optimizer)
    {
        var (moments, steps) = optimizer.State();
        return new ModuleSnapshot(module.StateDict(), moments, steps);
    }

    public void LoadInto(IModule module, string source) => module.LoadStateDict(parameters, source);

    public void LoadOptimizer(Adam optimizer) => optimizer.LoadState(moments, steps);

    public void LoadInto(IModule module, Adam optimizer)
    {
        LoadInto(module, "pretrained discriminator");
        LoadOptimizer(optimizer);
    }

    public void Dispose()
    {
        foreach (var t in parameters.Values) t.Dispose();
        foreach (var t in moments.Values) t.Dispose();
    }
}
