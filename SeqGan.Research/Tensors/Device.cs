using System.Globalization;

namespace SeqGan.Research.Tensors;

public enum DeviceType
{
    Cpu = 0,
    Cuda = 1,
}

/// <summary>Where a tensor lives. <see cref="Default"/> is CUDA when the loaded libtorch has a GPU, else CPU.</summary>
public readonly record struct Device(DeviceType Type, int Index = -1)
{
    public static Device Cpu { get; } = new(DeviceType.Cpu);

    public static Device Cuda(int index = 0) => new(DeviceType.Cuda, index);

    public static bool IsCudaAvailable => Torch.CudaDeviceCount > 0;

    public static Device Default => IsCudaAvailable ? Cuda() : Cpu;

    /// <summary>Parses "cpu", "cuda", "cuda:1" or "auto" (= <see cref="Default"/>).</summary>
    public static Device Parse(string text)
    {
        var value = text.Trim().ToLowerInvariant();
        if (value == "cpu") return Cpu;
        if (value == "auto") return Default;
        if (value == "cuda") return Cuda();
        // Digits only after "cuda:": no sign, no inner spaces ("cuda: 1" is a typo, not device 1).
        if (value.StartsWith("cuda:", StringComparison.Ordinal)
            && int.TryParse(value.AsSpan(5), NumberStyles.None, CultureInfo.InvariantCulture, out var index))
            return Cuda(index);
        throw new FormatException($"device '{text}' is not one of: cpu, cuda, cuda:N, auto");
    }

    public override string ToString() => Type == DeviceType.Cpu ? "cpu" : Index < 0 ? "cuda" : $"cuda:{Index}";
}
