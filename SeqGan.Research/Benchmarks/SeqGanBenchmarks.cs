using System.Diagnostics;
using SeqGan.Research.Models;
using SeqGan.Research.Nn;
using SeqGan.Research.Tensors;
using SeqGan.Research.Training;

namespace SeqGan.Research.Benchmarks;

/// <summary>
/// The SeqGAN training loop's four costs at the paper's sizes (vocabulary 5,000, length 20, batch 64,
/// paper discriminator): an MLE epoch over 10,000 sequences, sampling 10,000 sequences, one adversarial
/// generator step (16 rollouts for each of 19 prefixes scored by D, plus the policy-gradient update) and
/// one discriminator epoch over 10,000 real + 10,000 generated sequences.
/// </summary>
public static class SeqGanBenchmarks
{
    public static IEnumerable<BenchmarkResult> RunAll(int runs = 5, IProgress<string>? progress = null)
    {
        Torch.ManualSeed(7);
        using var oracle = new OracleLstm(new LstmModelSize(), seed: 7);
        using var generator = new Generator();
        using var discriminator = new Discriminator();
        using var scope = Torch.NewDisposeScope();
        var data = oracle.Sample(10_000, 2048);

        progress?.Report("MLE epoch, 10,000 sequences, batch 64");
        using (var optimizer = new Adam(generator.Parameters(), 0.01))
            yield return Time("MLE epoch (10,000 sequences, batch 64)", "s", runs,
                () => MleTraining.TrainEpoch(generator, optimizer, data, 64, 5.0));

        progress?.Report("sampling 10,000 sequences");
        yield return Time("sample 10,000 sequences", "s", runs, () => generator.Sample(10_000, 2048).Dispose());

        progress?.Report("adversarial generator step");
        using (var optimizer = new Adam(generator.Parameters(), 0.01))
        {
            var scorer = new SequenceScorers.DiscriminatorScorer(discriminator);
            yield return Time("adversarial generator step (64 × 19 prefixes × 16 rollouts + PG update)", "s", runs, () =>
            {
                using var step = Torch.NewDisposeScope();
                var samples = generator.Sample(64);
                var rewards = RolloutRewards.Compute(generator, samples, 16, scorer);
                PolicyGradient.Step(generator, optimizer, samples, rewards, 5.0);
            });
            yield return Time("  of which rollout completions (generator sampling)", "s", runs, () =>
            {
                using var step = Torch.NewDisposeScope();
                RolloutRewards.Complete(generator, generator.Sample(64), 16);
            });
            var completions = RolloutRewards.Complete(generator, generator.Sample(64), 16);
            yield return Time("  of which discriminator scoring of 19,456 completions", "s", runs, () =>
            {
                using var step = Torch.NewDisposeScope();
                scorer.Score(completions);
            });
        }

        progress?.Report("discriminator epoch");
        var negatives = generator.Sample(10_000, 2048);
        BenchmarkResult epoch;
        using (var optimizer = new Adam(discriminator.Parameters(), 1e-4))
            epoch = Time("discriminator epoch (10,000 real + 10,000 generated, batch 64)", "s", Math.Min(runs, 3),
                () => DiscriminatorTraining.Train(discriminator, optimizer, data, negatives, 1, 64));
        yield return epoch;

        // Achieved FLOP/s: training ≈ 3 × forward FLOPs (forward, input gradient, weight gradient).
        var flops = DiscriminatorFlops.TrainingStep(discriminator.Config, 64);
        var steps = 20_000 / 64;
        yield return new BenchmarkResult("  discriminator epoch, achieved", "GFLOP/s", flops * steps / epoch.Median / 1e9,
            epoch.Runs.Select(s => flops * steps / s / 1e9).ToList(), HigherIsBetter: true);

        progress?.Report("convolutions alone");
        var embedded = Tensor.Randn([64, discriminator.Config.SequenceLength, discriminator.Config.EmbeddingSize]);
        embedded.RequiresGrad = true;
        var convolutions = Time("  the same convolutions alone (forward + backward, batch 64, × 313)", "s", runs, () =>
        {
            for (var i = 0; i < steps; i++)
            {
                using var step = Torch.NewDisposeScope();
                discriminator.Features.Forward(embedded).Sum().Backward();
            }
        });
        yield return convolutions;
        var convolutionFlops = 3 * DiscriminatorFlops.ConvolutionForward(discriminator.Config, 64) * steps;
        yield return new BenchmarkResult("  the same convolutions alone, achieved", "GFLOP/s", convolutionFlops / convolutions.Median / 1e9,
            convolutions.Runs.Select(s => convolutionFlops / s / 1e9).ToList(), HigherIsBetter: true);
    }

    private static BenchmarkResult Time(string name, string unit, int runs, Action work)
    {
        work();  // warm-up: allocator, BLAS threads, lazy init
        var samples = new double[runs];
        for (var i = 0; i < runs; i++)
        {
            var watch = Stopwatch.StartNew();
            work();
            samples[i] = watch.Elapsed.TotalSeconds;
        }
        return BenchmarkResult.FromRuns(name, unit, samples);
    }
}
