using SeqGan.Research.Storage;
using SeqGan.Research.Tensors;

namespace SeqGan.Research.Nn;

/// <summary>
/// A tree of named parameters and sub-modules. Parameters are owned by their module (outside any
/// dispose scope) and addressed by dotted names ("lstm.W"), which is also how they are saved.
/// </summary>
public abstract class Module : IModule
{
    private readonly List<(string Name, Tensor Tensor)> parameters = [];
    private readonly List<(string Name, Module Module)> children = [];

    public bool IsTraining { get; private set; } = true;

    /// <summary>Registers <paramref name="tensor"/> as a trainable parameter of this module.</summary>
    protected Tensor RegisterParameter(string name, Tensor tensor)
    {
        ValidateName(name);
        tensor.DetachFromDisposeScope();
        tensor.RequiresGrad = true;
        parameters.Add((name, tensor));
        return tensor;
    }

    protected T RegisterModule<T>(string name, T module) where T : Module
    {
        ValidateName(name);
        children.Add((name, module));
        return module;
    }

    private void ValidateName(string name)
    {
        if (string.IsNullOrEmpty(name) || name.Contains('.'))
            throw new ArgumentException($"parameter and module names must be non-empty and contain no '.', got '{name}'", nameof(name));
        if (parameters.Any(p => p.Name == name) || children.Any(c => c.Name == name))
            throw new ArgumentException($"{GetType().Name} already has a member named '{name}'", nameof(name));
    }

    /// <summary>All parameters, depth first, with dotted names.</summary>
    public IEnumerable<(string Name, Tensor Parameter)> NamedParameters()
    {
        foreach (var (name, tensor) in parameters) yield return (name, tensor);
        foreach (var (childName, child) in children)
            foreach (var (name, tensor) in child.NamedParameters())
                yield return ($"{childName}.{name}", tensor);
    }

    public IEnumerable<Tensor> Parameters() => NamedParameters().Select(p => p.Parameter);

    public long ParameterCount => Parameters().Sum(p => p.NumberOfElements);

    /// <summary>Training mode (dropout active) for this module and all sub-modules.</summary>
    public Module Train(bool training = true)
    {
        IsTraining = training;
        foreach (var (_, child) in children) child.Train(training);
        return this;
    }

    public Module Eval() => Train(false);

    /// <summary>Moves every parameter to <paramref name="device"/> in place (optimizers keep working on them);
    /// <see cref="ModuleExtensions.To{T}"/> is the call that returns the module as its own type.</summary>
    internal void MoveTo(Device device)
    {
        using var scope = Torch.NewDisposeScope();
        using var noGrad = Torch.NoGrad();
        foreach (var parameter in Parameters())
            if (parameter.Device != device)
                parameter.SetData(parameter.To(device));
    }

    public Device Device => Parameters().FirstOrDefault()?.Device ?? Device.Cpu;

    public void ZeroGrad()
    {
        foreach (var parameter in Parameters()) parameter.ClearGrad();
    }

    /// <summary>Detached copies of all parameters by name (the caller disposes them).</summary>
    public Dictionary<string, Tensor> StateDict()
    {
        using var noGrad = Torch.NoGrad();
        return NamedParameters().ToDictionary(p => p.Name, p => p.Parameter.Detach().Clone().DetachFromDisposeScope());
    }

    /// <summary>Copies tensors into the parameters of the same name; names and shapes must match exactly.</summary>
    public void LoadStateDict(IReadOnlyDictionary<string, Tensor> state, string source = "state")
    {
        var own = NamedParameters().ToList();
        var missing = own.Select(p => p.Name).Where(n => !state.ContainsKey(n)).ToList();
        var unexpected = state.Keys.Where(k => own.All(p => p.Name != k)).ToList();
        if (missing.Count > 0 || unexpected.Count > 0)
            throw new InvalidDataException(
                $"{source} does not fit {GetType().Name}: missing [{string.Join(", ", missing)}], unexpected [{string.Join(", ", unexpected)}]");
        using var scope = Torch.NewDisposeScope();
        using var noGrad = Torch.NoGrad();
        foreach (var (name, parameter) in own)
        {
            var value = state[name];
            if (!value.Shape.SequenceEqual(parameter.Shape))
                throw new InvalidDataException(
                    $"{source}: '{name}' has shape [{string.Join(", ", value.Shape)}], {GetType().Name} expects [{string.Join(", ", parameter.Shape)}]");
            parameter.CopyInPlace(value.To(parameter.DType, parameter.Device));
        }
    }

    /// <summary>Writes all parameters to a safetensors file, atomically.</summary>
    public void Save(string path, IReadOnlyDictionary<string, string>? metadata = null)
    {
        var state = StateDict();
        try { Safetensors.Save(path, state, metadata); }
        finally { foreach (var t in state.Values) t.Dispose(); }
    }

    /// <summary>Loads parameters saved by <see cref="Save"/> (or any safetensors file with the same names and shapes).</summary>
    public void Load(string path)
    {
        var state = Safetensors.Load(path);
        try { LoadStateDict(state, path); }
        finally { foreach (var t in state.Values) t.Dispose(); }
    }

    public void Dispose()
    {
        foreach (var (_, tensor) in parameters) tensor.Dispose();
        foreach (var (_, child) in children) child.Dispose();
        GC.SuppressFinalize(this);
    }
}
