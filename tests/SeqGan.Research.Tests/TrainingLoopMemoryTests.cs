using System.Diagnostics;
using Xunit.Abstractions;
using SeqGan.Research.Nn;
using SeqGan.Research.Tensors;

namespace SeqGan.Research.Tests;

/// <summary>A training loop whose steps run in dispose scopes holds its memory flat: no native
/// tensor, autograd graph or optimizer buffer outlives its step.</summary>
public class TrainingLoopMemoryTests(ITestOutputHelper output)
{
    private const int WarmUpSteps = 500, MeasuredSteps = 10_000;
    private const long AllowedGrowthBytes = 8L * 1024 * 1024;

    [Fact]
    public void TenThousandScopedTrainingStepsKeepResidentMemoryFlat()
    {
        Torch.ManualSeed(30);
        using var linear = new Linear(16, 16);
        using var adam = new Adam(linear.Parameters(), learningRate: 1e-3);
        using var data = Tensor.Randn([32, 16]).DetachFromDisposeScope();
        using var target = Tensor.Randn([32, 16]).DetachFromDisposeScope();

        double Step()
        {
            using var scope = Torch.NewDisposeScope();
            adam.ZeroGrad();
            var loss = (linear.Forward(data) - target).Square().Mean();
            loss.Backward();
            adam.Step();
            return loss.Item();
        }

        var firstLoss = Step();
        for (var i = 1; i < WarmUpSteps; i++) Step();
        var before = ResidentBytes();
        var lastLoss = 0.0;
        for (var i = 0; i < MeasuredSteps; i++) lastLoss = Step();
        var after = ResidentBytes();

        output.WriteLine($"resident memory {before} -> {after} bytes ({(after - before) / 1024.0 / 1024.0:+0.0;-0.0} MiB)");
        Assert.True(lastLoss < firstLoss, $"the loop did not train: loss {firstLoss} -> {lastLoss}");
        Assert.True(after - before < AllowedGrowthBytes,
            $"resident memory grew by {(after - before) / 1024.0 / 1024.0:F1} MiB over {MeasuredSteps} steps ({before} -> {after} bytes)");
    }

    /// <summary>Resident set size from /proc/self/statm. An ordinary GC keeps the regions it freed
    /// resident (~12 MiB as its gen0 budget grows); an aggressive one returns them, so what remains
    /// is native memory plus JIT warm-up.</summary>
    private static long ResidentBytes()
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Aggressive, blocking: true, compacting: true);
        var fields = File.ReadAllText("/proc/self/statm").Split(' ');
        Debug.Assert(fields.Length > 1);
        return long.Parse(fields[1]) * Environment.SystemPageSize;
    }
}
