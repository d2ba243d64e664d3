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
/// one discriminator epoch over 10,000 real + 10,000 generated sequences; and, from their medians, one
/// iteration of the paper's schedule. Each timing carries its FLOP count, so achieved FLOP/s can be set
/// against the machine's peak, which the suite measures first (a large GEMM and a large convolution).
/// </summary>
public static class SeqGanBenchmarks
{
    public const int Batch = 64;
    public const int Rollouts = 16;
    public const int Sequences = 10_000;

    public static IEnumerable<BenchmarkResult> RunAll(int runs = 5, IProgress<string>? progress = null)
    {
        progress?.Report("machine peak: GEMM and convolution");
        yield return MachinePeak.Gemm(runs);
        yield return MachinePeak.Convolution(runs);

        Torch.ManualSeed(7);
        var size = new LstmModelSize();
        using var oracle = new OracleLstm(size, seed: 7);
        using var generator = new Generator(size);
        using var discriminator = new Discriminator();
        using var scope = Torch.NewDisposeScope();
        var data = oracle.Sample(Sequences, 2048);

        progress?.Report("MLE epoch, 10,000 sequences, batch 64");
        var trainedSequences = (long)TokenBatches.Count(Sequences, Batch) * Batch;
        BenchmarkResult mle;
        using (var optimizer = new Adam(generator.Parameters(), 0.01))
            mle = Time("MLE epoch (10,000 sequences, batch 64)", runs, "mle_epoch", GeneratorFlops.TeacherForcedTraining(size, trainedSequences),
                () => MleTraining.TrainEpoch(generator, optimizer, data, Batch, 5.0));
        yield return mle;

        progress?.Report("sampling 10,000 sequences");
        var sampling = Time("sample 10,000 sequences", runs, "sample_10k", GeneratorFlops.Sampling(size, Sequences),
            () => generator.Sample(Sequences, 2048).Dispose());
        yield return sampling;

        progress?.Report("adversarial generator step");
        BenchmarkResult adversarial;
        using (var optimizer = new Adam(generator.Parameters(), 0.01))
        {
            var scorer = new SequenceScorers.DiscriminatorScorer(discriminator);
            var completionFlops = GeneratorFlops.RolloutCompletions(size, Batch, Rollouts);
            var scoringFlops = DiscriminatorFlops.RolloutScoring(discriminator.Config, Batch, Rollouts);
            var updateFlops = GeneratorFlops.Sampling(size, Batch) + GeneratorFlops.TeacherForcedTraining(size, Batch);
            adversarial = Time("adversarial generator step (64 × 19 prefixes × 16 rollouts + PG update)", runs, "adversarial_step",
                completionFlops + scoringFlops + updateFlops, () =>
                {
                    using var step = Torch.NewDisposeScope();
                    var samples = generator.Sample(Batch);
                    var rewards = RolloutRewards.Compute(generator, samples, Rollouts, scorer);
                    PolicyGradient.Step(generator, optimizer, samples, rewards, 5.0);
                });
            yield return adversarial;

            // The step's stages, each timed on its own the way Compute runs it (no gradient, D's shared windows).
            var sequences = generator.Sample(Batch);
            yield return Time("  of which rollout completions (generator sampling)", runs, null, completionFlops, () =>
            {
                using var step = Torch.NewDisposeScope();
                RolloutRewards.Complete(generator, sequences, Rollouts);
            });
            var completions = RolloutRewards.Complete(generator, sequences, Rollouts);
            yield return Time($"  of which discriminator scoring of {completions.Size(0) + Batch:N0} sequences", runs, null, scoringFlops, () =>
            {
                using var step = Torch.NewDisposeScope();
                using var noGrad = Torch.NoGrad();
                scorer.ScoreCompletions(sequences, completions, Rollouts);
                scorer.Score(sequences);
            });
            var rewardsOfSequences = RolloutRewards.Compute(generator, sequences, Rollouts, scorer);
            yield return Time("  of which sampling 64 + policy-gradient update", runs, null, updateFlops, () =>
            {
                using var step = Torch.NewDisposeScope();
                generator.Sample(Batch);
                PolicyGradient.Step(generator, optimizer, sequences, rewardsOfSequences, 5.0);
            });
        }

        progress?.Report("discriminator epoch");
        var negatives = generator.Sample(Sequences, 2048);
        var steps = TokenBatches.Count(2 * Sequences, Batch);
        BenchmarkResult epoch;
        using (var optimizer = new Adam(discriminator.Parameters(), 1e-4))
            epoch = Time("discriminator epoch (10,000 real + 10,000 generated, batch 64)", Math.Min(runs, 3), "discriminator_epoch",
                steps * DiscriminatorFlops.TrainingStep(discriminator.Config, Batch),
                () => DiscriminatorTraining.Train(discriminator, optimizer, data, negatives, 1, Batch));
        yield return epoch;

        progress?.Report("convolutions alone");
        var embedded = Tensor.Randn([Batch, discriminator.Config.SequenceLength, discriminator.Config.EmbeddingSize]);
        embedded.RequiresGrad = true;
        yield return Time($"  the same convolutions alone (forward + backward, batch 64, × {steps})", runs, null,
            (DiscriminatorFlops.ConvolutionForward(discriminator.Config, Batch) + DiscriminatorFlops.ConvolutionBackward(discriminator.Config, Batch)) * steps, () =>
            {
                for (var i = 0; i < steps; i++)
                {
                    using var step = Torch.NewDisposeScope();
                    discriminator.Features.Forward(embedded).Sum().Backward();
                }
            });

        yield return PaperIteration(adversarial, sampling, epoch);
    }

    /// <summary>One iteration of the paper's schedule, from the medians (and run by run): 1 generator step, then
    /// 5 × (sample 10,000 negatives + 3 discriminator epochs) — sequence_gan.py's adversarial loop.</summary>
    public static BenchmarkResult PaperIteration(BenchmarkResult generatorStep, BenchmarkResult sampling, BenchmarkResult discriminatorEpoch)
    {
        static double Iteration(double g, double s, double d) => g + 5 * (s + 3 * d);
        var count = new[] { generatorStep.Runs.Count, sampling.Runs.Count, discriminatorEpoch.Runs.Count }.Min();
        var runs = Enumerable.Range(0, count)
            .Select(i => Iteration(generatorStep.Runs[i], sampling.Runs[i], discriminatorEpoch.Runs[i])).ToList();
        var flops = generatorStep.Flops + 5 * (sampling.Flops + 3 * discriminatorEpoch.Flops);
        return new BenchmarkResult("one paper iteration (1 G step + 5 × (10k samples + 3 D epochs)), from the medians", "s",
            Iteration(generatorStep.Median, sampling.Median, discriminatorEpoch.Median), runs, false, "paper_iteration", flops);
    }

    internal static BenchmarkResult Time(string name, int runs, string? key, double? flops, Action work)
    {
        if (runs < 1) throw new ArgumentOutOfRangeException(nameof(runs), runs, "need at least one run");
        work();  // warm-up: allocator, BLAS threads, lazy init
        var samples = new double[runs];
        for (var i = 0; i < runs; i++)
        {
            var watch = Stopwatch.StartNew();
            work();
            samples[i] = watch.Elapsed.TotalSeconds;
        }
        return BenchmarkResult.FromRuns(name, "s", samples, key: key, flops: flops);
    }
}
