namespace SeqGan.Research.Tensors;

/// <summary>An error raised inside libtorch (bad shape, dtype, index, ...), carrying libtorch's own message.
/// The native bridge catches every C++ exception, so the process keeps running after one.</summary>
public sealed class TorchException(string message) : Exception(message);
