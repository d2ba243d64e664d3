using System.Diagnostics;
using System.Globalization;
using SeqGan.Research.Experiments;
using SeqGan.Research.Metrics;
using SeqGan.Research.Models;
using SeqGan.Research.Nn;
using SeqGan.Research.Tensors;
using SeqGan.Research.Training;

namespace SeqGan.Research.Benchmarks;

/// <summary>What one step of each part of Algorithm 1 costs on a device: wall time, ATen operators (leaf operators
/// bound kernel launches from above), operators that stop the host for the device, and host reads.</summary>
public sealed record StepCost(string Name, double Seconds, OperatorCounts Operators, long HostReads);

/// <summary>
/// The costs of one preset's training steps on one device, measured at the preset's sizes, and what they add up to
/// for one seed of Table 1 under that preset's schedule (an estimate: evaluation and host-side BLEU included, data
/// generation and start-up not). `seqgan profile` prints it; scripts/gpu-run.sh uses the estimate to choose how many
/// seeds fit its time budget.
/// </summary>
public sealed record TrainingStepProfile(string Preset, string Device, IReadOnlyList<StepCost> Steps, IReadOnlyDictionary<string, double> PhaseSeconds)
{
    public double SeedSeconds => PhaseSeconds.Values.Sum();

    public StepCost Step(string name) => Steps.First(s => s.Name == name);

    /// <param name="discriminatorSteps">discriminator steps timed (their mean is reported)</param>
    public static TrainingStepProfile Measure(OraclePreset preset, Device device, int discriminatorSteps, IProgress<string>? progress = null)
    {
        if (discriminatorSteps < 1) throw new ArgumentOutOfRangeException(nameof(discriminatorSteps), discriminatorSteps, "must be at least 1");
        using var scope = Torch.NewDisposeScope();
        Torch.ManualSeed(17);
        using var oracle = (OracleLstm)new OracleLstm(preset.Model, seed: 17).To(device);
        using var generator = preset.Generator.Create(oracle.Shape, device);
        using var discriminator = preset.Discriminator.Create(oracle.Shape, device);
        using var generatorAdam = new Adam(generator.Parameters(), preset.GeneratorLearningRate);
        using var discriminatorAdam = new Adam(discriminator.Parameters(), preset.Discriminator.LearningRate);
        var batch = preset.BatchSize;
        var data = oracle.Sample(Math.Max(preset.TrainingSequences, 2 * batch), 2048);
        var steps = new List<StepCost>();

        progress?.Report("discriminator step");
        var positives = data.Narrow(0, 0, Math.Min(data.Size(0), (long)discriminatorSteps * batch / 2 + batch));
        var negatives = generator.Sample(positives.Size(0), 2048);
        var dSteps = (int)(2 * positives.Size(0) / batch);
        steps.Add(PerStep("discriminator step", dSteps,
            () => DiscriminatorTraining.Train(discriminator, discriminatorAdam, positives, negatives, 1, batch)));

        progress?.Report("MLE step");
        var mleBatches = (int)Math.Min(data.Size(0) / batch, 20);
        var mleData = data.Narrow(0, 0, (long)mleBatches * batch);
        steps.Add(PerStep("MLE step", mleBatches, () => MleTraining.TrainEpoch(generator, generatorAdam, mleData, batch, preset.GradientClip)));
        steps.Add(PerStep("scheduled-sampling step", mleBatches,
            () => ScheduledSampling.TrainEpoch(generator, generatorAdam, mleData, batch, preset.GradientClip, 0.75)));

        progress?.Report("generator steps");
        var discriminatorScorer = new SequenceScorers.DiscriminatorScorer(discriminator);
        steps.Add(PerStep("SeqGAN generator step", 1, () => AdversarialTraining.GeneratorStep(generator, generatorAdam, generator,
            discriminatorScorer, batch, preset.Rollouts, preset.GradientClip)));
        var bleu = preset.PgBleuReward.Create(new RewardContext(null, data.Narrow(0, 0, preset.TrainingSequences)));
        steps.Add(PerStep("PG-BLEU generator step", 1, () => AdversarialTraining.GeneratorStep(generator, generatorAdam, generator,
            bleu, batch, preset.PgBleuRollouts, preset.GradientClip)));

        progress?.Report("sampling and evaluation");
        steps.Add(PerStep($"sample {preset.NegativeSamples:N0} negatives", 1, () =>
        {
            using var sample = Torch.NewDisposeScope();
            generator.Sample(preset.NegativeSamples, 2048).Sum().Item();   // the read waits for the device
        }));
        steps.Add(PerStep("NLL-oracle evaluation", 1, () => OracleMetrics.NllOracle(generator, oracle, preset.EvaluationSamples)));

        return new TrainingStepProfile(preset.Name, device.ToString(), steps, Schedule(preset, steps));
    }

    /// <summary>Seconds per phase of one seed: step costs times the preset's step counts.</summary>
    private static Dictionary<string, double> Schedule(OraclePreset p, IReadOnlyList<StepCost> steps)
    {
        double Cost(string name) => steps.First(s => s.Name == name || s.Name.StartsWith(name, StringComparison.Ordinal)).Seconds;
        var mleEpoch = p.TrainingSequences / p.BatchSize * Cost("MLE step");
        var ssEpoch = p.TrainingSequences / p.BatchSize * Cost("scheduled-sampling step");
        var evaluation = Cost("NLL-oracle evaluation");
        var dRound = Cost("sample ") + (p.TrainingSequences + p.NegativeSamples) / p.BatchSize * Cost("discriminator step");
        double Evaluations(int steps, int every) => (steps / every + 1) * evaluation;
        var g = p.Strategy.GeneratorSteps;
        return new Dictionary<string, double>
        {
            ["MLE pretraining"] = p.PretrainEpochs * mleEpoch + Evaluations(p.PretrainEpochs, p.EvaluateEveryEpochs),
            ["MLE baseline"] = p.BaselineEpochs * mleEpoch + Evaluations(p.BaselineEpochs, p.EvaluateEveryEpochs),
            ["scheduled sampling"] = p.BaselineEpochs * ssEpoch + Evaluations(p.BaselineEpochs, p.EvaluateEveryEpochs),
            ["PG-BLEU"] = p.AdversarialIterations * g * Cost("PG-BLEU generator step") + Evaluations(p.AdversarialIterations, p.EvaluateEveryIterations),
            ["SeqGAN D pretraining"] = p.DiscriminatorPretrainRounds * (Cost("sample ") + p.DiscriminatorPretrainEpochs * (dRound - Cost("sample "))),
            ["SeqGAN adversarial"] = p.AdversarialIterations * (g * Cost("SeqGAN generator step")
                + p.Strategy.DiscriminatorSteps * (Cost("sample ") + p.Strategy.DiscriminatorEpochs * (dRound - Cost("sample "))))
                + Evaluations(p.AdversarialIterations, p.EvaluateEveryIterations),
        };
    }

    /// <summary>Runs <paramref name="work"/> (which makes <paramref name="count"/> steps and ends by reading a result, so
    /// the device has finished) once to warm up, once timed, and once counting operators; costs per step.</summary>
    private static StepCost PerStep(string name, int count, Action work)
    {
        work();
        var watch = Stopwatch.StartNew();
        work();
        var seconds = watch.Elapsed.TotalSeconds / count;
        var readsBefore = Torch.HostReads;
        var operators = OperatorCounter.Measure(work);
        var reads = Torch.HostReads - readsBefore;
        return new StepCost(name, seconds,
            new OperatorCounts(operators.Operators / count, operators.LeafOperators / count, operators.DeviceSyncs), reads);
    }

    /// <summary>Lines for a log: each step's cost, then the estimate per phase of one seed.</summary>
    public IEnumerable<string> Describe()
    {
        string F(double v, string format = "F3") => v.ToString(format, CultureInfo.InvariantCulture);
        yield return $"profile of preset {Preset} on {Device} (per step; operators = ATen operators dispatched, leaf = upper bound on kernel launches; syncs and host reads per timed call)";
        foreach (var s in Steps)
            yield return $"  {s.Name}: {F(s.Seconds * 1000)} ms, {s.Operators.Operators} operators ({s.Operators.LeafOperators} leaf), {s.Operators.DeviceSyncs} device syncs, {s.HostReads} host reads";
        yield return $"estimated wall time of one {Preset}-preset seed (all five methods, one process): {F(SeedSeconds / 60, "F1")} min";
        foreach (var (phase, seconds) in PhaseSeconds) yield return $"  {phase}: {F(seconds / 60, "F1")} min";
    }
}
