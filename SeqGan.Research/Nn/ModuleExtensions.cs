using SeqGan.Research.Tensors;

namespace SeqGan.Research.Nn;

public static class ModuleExtensions
{
    /// <summary>Moves every parameter of <paramref name="module"/> to <paramref name="device"/> in place (optimizers keep
    /// working on them) and returns the module as its own type: <c>var d = new Discriminator(config).To(device);</c>.</summary>
    public static T To<T>(this T module, Device device) where T : Module
    {
        module.MoveTo(device);
        return module;
    }

    /// <summary>The name of the first parameter holding a NaN or an infinity, or null when all are finite numbers.</summary>
    public static string? FirstNonFiniteParameter(this IModule module) =>
        module.NamedParameters().Where(p => !p.Parameter.AllFinite()).Select(p => p.Name).FirstOrDefault();
}
