using System.Diagnostics;
using SeqGan.Research.Models;
using SeqGan.Research.Nn;
using SeqGan.Research.Tensors;

namespace SeqGan.Research.Benchmarks;

/// <summary>
/// The foundation's speed facts: the cost of one bridge call, one generator sampling step, and one
/// discriminator training step at the paper's sizes. scripts/bench_python_reference.py times the same
/// work in Python torch over the same libtorch, so the two can be compared as ratios.
/// </summary>
public static class FoundationBenchmarks
{
    public static IEnumerable<BenchmarkResult> RunAll(int runs = 5, IProgress<string>? progress = null)
    {
        progress?.Report("bridge call overhead");
        yield return CallOverhead(runs);
        foreach (var batch in new[] { 64, 1024 })
        {
            progress?.Report($"generator step, batch {batch}");
            yield return GeneratorStep(batch, runs);
        }
        progress?.Report("discriminator forward+backward, batch 1024");
        yield return DiscriminatorStep(1024, runs);
    }

    /// <summary>Microseconds per trivial op (adding two one-element tensors, result disposed).</summary>
    public static BenchmarkResult CallOverhead(int runs, int callsPerRun = 100_000)
    {
        using var scope = Torch.NewDisposeScope();
        var a = Tensor.From(new[] { 1f });
        var b = Tensor.From(new[] { 2f });
        for (var i = 0; i < 10_000; i++) (a + b).Dispose();
        var samples = Repeat(runs, () =>
        {
            var watch = Stopwatch.StartNew();
            for (var i = 0; i < callsPerRun; i++) (a + b).Dispose();
            return watch.Elapsed.TotalMicroseconds / callsPerRun;
        });
        return BenchmarkResult.FromRuns("bridge call overhead (1-element add)", "µs/call", samples);
    }

    /// <summary>Generator sampling steps per second: embedding + LSTM cell + projection to 5,000 + softmax + sampling.</summary>
    public static BenchmarkResult GeneratorStep(int batch, int runs, int stepsPerRun = 200)
    {
        Torch.ManualSeed(1);
        using var generator = new Generator();
        using var noGrad = Torch.NoGrad();
        using var outer = Torch.NewDisposeScope();
        var state = generator.StartState(batch);
        var tokens = Tensor.Zeros([batch], DType.Int64);
        double RunSteps(int steps)
        {
            var watch = Stopwatch.StartNew();
            for (var i = 0; i < steps; i++)
            {
                using var scope = Torch.NewDisposeScope();
                generator.Logits(generator.Advance(state, tokens)).SampleRows(areLogits: true);
            }
            return steps / watch.Elapsed.TotalSeconds;
        }
        RunSteps(20);
        var samples = Repeat(runs, () => RunSteps(stepsPerRun));
        return BenchmarkResult.FromRuns($"generator step, batch {batch}", "steps/s", samples, higherIsBetter: true);
    }

    /// <summary>Milliseconds per discriminator training step (forward, loss, backward) at the paper's sizes.</summary>
    public static BenchmarkResult DiscriminatorStep(int batch, int runs, int stepsPerRun = 3)
    {
        Torch.ManualSeed(1);
        using var discriminator = new Discriminator();
        using var outer = Torch.NewDisposeScope();
        var tokens = Tensor.RandInt(0, 5000, [batch, 20]);
        var labels = Tensor.RandInt(0, 2, [batch]);
        double RunSteps(int steps)
        {
            var watch = Stopwatch.StartNew();
            for (var i = 0; i < steps; i++)
            {
                using var scope = Torch.NewDisposeScope();
                discriminator.ZeroGrad();
                discriminator.Loss(tokens, labels).Backward();
            }
            return watch.Elapsed.TotalMilliseconds / steps;
        }
        RunSteps(1);
        var samples = Repeat(runs, () => RunSteps(stepsPerRun));
        return BenchmarkResult.FromRuns($"discriminator forward+backward, batch {batch}", "ms/step", samples);
    }

    private static double[] Repeat(int runs, Func<double> measure)
    {
        if (runs < 1) throw new ArgumentOutOfRangeException(nameof(runs), runs, "need at least one run");
        return Enumerable.Range(0, runs).Select(_ => measure()).ToArray();
    }
}
