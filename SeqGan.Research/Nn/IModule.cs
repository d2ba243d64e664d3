using SeqGan.Research.Tensors;

namespace SeqGan.Research.Nn;

/// <summary>
/// What training code needs of a module — its parameters, their state, training mode and device — so that a model
/// can be passed around as an interface (a sequence policy, a discriminator) and still be optimised, copied and
/// checkpointed. <see cref="Module"/> implements it.
/// </summary>
public interface IModule : IDisposable
{
    /// <summary>All parameters, depth first, with dotted names ("lstm.W").</summary>
    IEnumerable<(string Name, Tensor Parameter)> NamedParameters();

    IEnumerable<Tensor> Parameters();

    bool IsTraining { get; }

    /// <summary>Training mode (dropout active) for this module and all sub-modules.</summary>
    Module Train(bool training = true);

    Device Device { get; }

    /// <summary>Detached copies of all parameters by name (the caller disposes them).</summary>
    Dictionary<string, Tensor> StateDict();

    /// <summary>Copies tensors into the parameters of the same name; names and shapes must match exactly.</summary>
    void LoadStateDict(IReadOnlyDictionary<string, Tensor> state, string source = "state");
}
