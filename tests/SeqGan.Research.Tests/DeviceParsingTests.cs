using SeqGan.Research.Tensors;

namespace SeqGan.Research.Tests;

// Parsing only: nothing here touches a GPU, so these hold on CPU-only libtorch builds too.
public class DeviceParsingTests
{
    [Theory]
    [InlineData("cpu", DeviceType.Cpu, -1)]
    [InlineData(" CPU ", DeviceType.Cpu, -1)]
    [InlineData("cuda", DeviceType.Cuda, 0)]
    [InlineData("cuda:1", DeviceType.Cuda, 1)]
    [InlineData("CUDA:12", DeviceType.Cuda, 12)]
    public void ParsesTheDevicesItNames(string text, DeviceType type, int index)
    {
        var device = Device.Parse(text);
        Assert.Equal(new Device(type, index), device);
        Assert.Equal(device, Device.Parse(device.ToString()));
    }

    [Theory]
    [InlineData("gpu")]
    [InlineData("")]
    [InlineData("cuda:")]
    [InlineData("cuda:x")]
    [InlineData("cuda:-1")]
    [InlineData("cpu:0")]
    [InlineData("cuda1")]
    [InlineData("cuda: 1")]
    [InlineData("cuda:+1")]
    public void RejectsAnythingElseNamingTheText(string text)
    {
        var error = Assert.Throws<FormatException>(() => Device.Parse(text));
        Assert.Contains($"'{text}'", error.Message);
    }

    [Fact]
    public void CpuTensorsReportTheCpuDevice()
    {
        using var scope = Torch.NewDisposeScope();
        Assert.Equal(Device.Cpu, Tensor.Zeros([2]).Device);
        Assert.Equal("cpu", Tensor.Zeros([2]).Device.ToString());
        Assert.Equal(Device.Cpu, Tensor.Zeros([2], device: Device.Parse("cpu")).Device);
    }
}
