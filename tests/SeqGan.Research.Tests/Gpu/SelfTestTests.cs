using SeqGan.Research.Diagnostics;
using SeqGan.Research.Tensors;

namespace SeqGan.Research.Tests.Gpu;

public class SelfTestTests
{
    [Fact]
    public void EveryCheckPassesOnTheCpuAndTheCrossDeviceCheckSaysWhyItIsSkipped()
    {
        var reported = new List<SelfTestCheck>();
        var report = new SelfTest(Device.Cpu).Run(new SynchronousProgress<SelfTestCheck>(reported.Add));

        Assert.True(report.Passed, string.Join("\n", report.Checks.Where(c => c.Outcome == SelfTestOutcome.Failed).Select(c => $"{c.Name}: {c.Detail}")));
        Assert.Equal(6, report.Count(SelfTestOutcome.Passed));
        var skipped = Assert.Single(report.Checks, c => c.Outcome == SelfTestOutcome.Skipped);
        Assert.Contains("the device is the CPU", skipped.Detail);
        Assert.Equal(report.Checks, reported);
        Assert.StartsWith("selftest on cpu: OK — 6 of 7 checks passed, 1 skipped", report.Summary);
    }

    [Fact]
    public void AnInvisibleCudaDeviceFailsAtOnceNamingTheLibtorch()
    {
        var report = new SelfTest(Device.Cuda(Torch.CudaDeviceCount)).Run();

        var check = Assert.Single(report.Checks);
        Assert.Equal(SelfTestOutcome.Failed, check.Outcome);
        Assert.Contains(Torch.LibtorchVersion, check.Detail);
        Assert.False(report.Passed);
        Assert.Contains("FAILED", report.Summary);
    }

    private sealed class SynchronousProgress<T>(Action<T> report) : IProgress<T>
    {
        public void Report(T value) => report(value);
    }
}
