using System.Diagnostics;
using SeqGan.Research.Metrics;
using SeqGan.Research.Models;
using SeqGan.Research.Nn;
using SeqGan.Research.Tensors;
using SeqGan.Research.Training;

namespace SeqGan.Research.Experiments;

/// <summary>Where and how one seed of an oracle experiment runs.</summary>
public sealed record OracleRunOptions
{
    public int Seed { get; init; } = 1;
    public Device Device { get; init; } = Device.Cpu;
    /// <summary>Checkpoint root; null disables checkpoints.</summary>
    public string? CheckpointDirectory { get; init; }
    public bool Resume { get; init; }
    /// <summary>The paper's oracle parameters (target_params.safetensors or the original target_params.pkl), or null for the seeded random oracle.</summary>
    public string? PaperOracleParameters { get; init; }
    /// <summary>Scores rollouts for PG-BLEU: built from the training sequences (host int ids [N][T]).</summary>
    public Func<long[][], ISequenceScorer>? BleuScorerFactory { get; init; }
}

/// <summary>
/// One seed of the synthetic experiment: builds the world, pretrains the generator by MLE once (checkpointed),
/// then runs each requested method from that same pretrained generator, each in its own checkpointed session.
/// </summary>
public sealed class OracleRun : IDisposable
{
    private readonly OraclePreset preset;
    private readonly OracleRunOptions options;
    private readonly IProgress<TrainingProgress>? progress;
    private readonly CancellationToken cancellation;
    private readonly OracleWorld world;
    private Dictionary<string, Tensor>? pretrainedGenerator;
    private Dictionary<string, Tensor>? pretrainedOptimizer;
    private long pretrainedOptimizerSteps;

    public OracleRun(OraclePreset preset, OracleRunOptions options, IProgress<TrainingProgress>? progress = null, CancellationToken cancellation = default)
    {
        preset.Validate();
        this.preset = preset;
        this.options = options;
        this.progress = progress;
        this.cancellation = cancellation;
        world = OracleWorld.Create(preset, options.Seed, options.Device, options.PaperOracleParameters);
    }

    public OracleWorld World => world;

    /// <summary>The pretraining curve (the generator's NLL-oracle from epoch 0 to the end of MLE pretraining).</summary>
    public IReadOnlyList<CurvePoint> PretrainingCurve { get; private set; } = [];

    /// <summary>NLL-oracle and NLL-test of the untrained generator (Table 1's "Random").</summary>
    public MethodResult? RandomResult { get; private set; }

    private string? SessionDirectory(string name) =>
        options.CheckpointDirectory is null ? null : Path.Combine(options.CheckpointDirectory, $"seed{options.Seed}", name);

    private Generator NewGenerator() => (Generator)new Generator(preset.Model, preset.GeneratorInitStd).To(options.Device);

    private Adam NewGeneratorOptimizer(Generator generator) => new(generator.Parameters(), preset.GeneratorLearningRate);

    private double Evaluate(Generator generator) => OracleMetrics.NllOracle(generator, world.Oracle, preset.EvaluationSamples);

    private void Report(string run, string phase, int step, int total, string? metric = null, double? value = null) =>
        progress?.Report(new TrainingProgress(run, phase, step, total, metric, value));

    /// <summary>MLE pretraining, shared by every method of this seed; runs (or resumes) once.</summary>
    public void Pretrain()
    {
        if (pretrainedGenerator is not null) return;
        var watch = Stopwatch.StartNew();
        Torch.ManualSeed(SeedFor("pretrain"));
        using var generator = NewGenerator();
        using var optimizer = NewGeneratorOptimizer(generator);
        var session = new TrainingSession(SessionDirectory("pretrain"), options.Resume);
        session.Register("generator", generator);
        session.Register("mle", optimizer);
        session.Restore();

        session.CompletePhase("random", () =>
        {
            var nll = Evaluate(generator);
            session.Curve.Add(new CurvePoint("MLE pretraining", options.Seed, "pretrain", 0, nll));
            session.Values["randomNllOracle"] = nll;
            session.Values["randomNllTest"] = OracleMetrics.NllTest(generator, world.Test);
            Report("pretrain", "random", 1, 1, "NLL-oracle", nll);
        });
        session.RunPhase("mle-pretrain", preset.PretrainEpochs, preset.CheckpointEvery, epoch =>
        {
            var loss = MleTraining.TrainEpoch(generator, optimizer, world.Training, preset.BatchSize, preset.GradientClip, cancellation: cancellation);
            double? nll = null;
            if (preset.EvaluatesAfterPretrainEpoch(epoch))
            {
                nll = Evaluate(generator);
                session.Curve.Add(new CurvePoint("MLE pretraining", options.Seed, "pretrain", epoch + 1, nll.Value));
            }
            Report("pretrain", "mle-pretrain", epoch + 1, preset.PretrainEpochs, nll is null ? "loss" : "NLL-oracle", nll ?? loss);
        }, cancellation);

        PretrainingCurve = session.Curve.ToList();
        RandomResult = new MethodResult(OracleMethod.Random.Label(), options.Seed,
            session.Values["randomNllOracle"]!.GetValue<double>(), session.Values["randomNllTest"]!.GetValue<double>(),
            [session.Curve[0]], watch.Elapsed.TotalSeconds);
        pretrainedGenerator = generator.StateDict();
        var (moments, steps) = optimizer.State();
        pretrainedOptimizer = moments;
        pretrainedOptimizerSteps = steps;
    }

    /// <summary>Runs one method (SeqGAN with <paramref name="strategy"/>, default the preset's) from the pretrained generator.</summary>
    public MethodResult Run(OracleMethod method, AdversarialStrategy? strategy = null, string? label = null)
    {
        Pretrain();
        if (method == OracleMethod.Random) return RandomResult!;
        var watch = Stopwatch.StartNew();
        strategy ??= preset.Strategy;
        label ??= method.Label();
        var sessionName = method == OracleMethod.SeqGan && strategy != preset.Strategy
            ? $"seqgan-g{strategy.GeneratorSteps}-d{strategy.DiscriminatorSteps}-k{strategy.DiscriminatorEpochs}"
            : method.ToString().ToLowerInvariant();

        using var generator = NewGenerator();
        using var mleOptimizer = NewGeneratorOptimizer(generator);
        generator.LoadStateDict(pretrainedGenerator!, "pretrained generator");
        mleOptimizer.LoadState(pretrainedOptimizer!, pretrainedOptimizerSteps);
        Torch.ManualSeed(SeedFor(sessionName));
        var session = new TrainingSession(SessionDirectory(sessionName), options.Resume);
        session.Register("generator", generator);
        session.Register("mle", mleOptimizer);

        var start = preset.PretrainEpochs;
        var pretrainedNll = PretrainingCurve[^1].NllOracle;
        void Point(int epoch, double nll) => session.Curve.Add(new CurvePoint(label, options.Seed, sessionName, epoch, nll));

        switch (method)
        {
            case OracleMethod.Mle:
            case OracleMethod.ScheduledSampling:
                session.Restore();
                if (session.Curve.Count == 0) Point(start, pretrainedNll);
                session.RunPhase(sessionName, preset.BaselineEpochs, preset.CheckpointEvery, epoch =>
                {
                    var loss = method == OracleMethod.Mle
                        ? MleTraining.TrainEpoch(generator, mleOptimizer, world.Training, preset.BatchSize, preset.GradientClip, cancellation: cancellation)
                        : ScheduledSampling.TrainEpoch(generator, mleOptimizer, world.Training, preset.BatchSize, preset.GradientClip,
                            preset.ScheduledSampling.TeacherForcingAt(epoch, preset.BaselineEpochs), cancellation);
                    double? nll = null;
                    if ((epoch + 1) % preset.EvaluateEveryEpochs == 0 || epoch + 1 == preset.BaselineEpochs)
                    {
                        nll = Evaluate(generator);
                        Point(start + epoch + 1, nll.Value);
                    }
                    Report(label, sessionName, epoch + 1, preset.BaselineEpochs, nll is null ? "loss" : "NLL-oracle", nll ?? loss);
                }, cancellation);
                break;

            case OracleMethod.PgBleu:
            {
                var factory = options.BleuScorerFactory
                    ?? throw new InvalidOperationException("PG-BLEU needs OracleRunOptions.BleuScorerFactory (a BLEU scorer over the training data)");
                var scorer = factory(ToHostRows(world.Training));
                using var adversarialOptimizer = NewGeneratorOptimizer(generator);
                session.Register("adversarial", adversarialOptimizer);
                session.Restore();
                if (session.Curve.Count == 0) Point(start, pretrainedNll);
                AdversarialLoop(session, sessionName, label, generator, adversarialOptimizer, scorer, rolloutPolicy: generator,
                    afterGeneratorSteps: () => { }, discriminatorRound: null, strategy, Point);
                break;
            }

            case OracleMethod.SeqGan:
            {
                using var modules = new SeqGanModules(generator, preset.Discriminator, preset.GeneratorLearningRate,
                    preset.RolloutPolicy, preset.RolloutUpdateRate, options.Device, session);
                var (discriminator, discriminatorOptimizer, adversarialOptimizer, rollout) =
                    (modules.Discriminator, modules.DiscriminatorOptimizer, modules.AdversarialOptimizer, modules.Rollout);
                session.Restore();
                if (session.Curve.Count == 0) Point(start, pretrainedNll);

                void DiscriminatorRound(int epochs) =>
                    session.Values["discriminatorLoss"] = AdversarialTraining.DiscriminatorRound(discriminator, discriminatorOptimizer, generator,
                        world.Training, preset.NegativeSamples, epochs, preset.BatchSize, cancellation);
                session.RunPhase("d-pretrain", preset.DiscriminatorPretrainRounds, preset.CheckpointEvery, round =>
                {
                    DiscriminatorRound(preset.DiscriminatorPretrainEpochs);
                    Report(label, "d-pretrain", round + 1, preset.DiscriminatorPretrainRounds, "D loss", session.Values["discriminatorLoss"]!.GetValue<double>());
                }, cancellation);
                var scorer = new SequenceScorers.DiscriminatorScorer(discriminator);
                AdversarialLoop(session, sessionName, label, generator, adversarialOptimizer, scorer, rollout.Policy,
                    afterGeneratorSteps: rollout.Update, discriminatorRound: () => DiscriminatorRound(strategy.DiscriminatorEpochs), strategy, Point);
                break;
            }

            default:
                throw new ArgumentOutOfRangeException(nameof(method), method, "not a trainable method");
        }

        var nllTest = OracleMetrics.NllTest(generator, world.Test);
        return new MethodResult(label, options.Seed, session.Curve[^1].NllOracle, nllTest, session.Curve.ToList(), watch.Elapsed.TotalSeconds);
    }

    /// <summary>Algorithm 1's loop: g-steps policy-gradient updates with rollout rewards, then d-steps discriminator rounds.</summary>
    private void AdversarialLoop(TrainingSession session, string phase, string label, Generator generator, Adam optimizer,
        ISequenceScorer scorer, LstmLanguageModel rolloutPolicy, Action afterGeneratorSteps, Action? discriminatorRound,
        AdversarialStrategy strategy, Action<int, double> point)
    {
        var start = preset.PretrainEpochs;
        var iterations = preset.AdversarialIterations;
        session.RunPhase(phase, iterations, preset.CheckpointEvery, iteration =>
        {
            for (var g = 0; g < strategy.GeneratorSteps; g++)
            {
                // A step's rollouts take seconds at the paper's size: stop between steps, not only between iterations.
                Interruption.ThrowIfRequested(cancellation);
                AdversarialTraining.GeneratorStep(generator, optimizer, rolloutPolicy, scorer, preset.BatchSize, preset.Rollouts, preset.GradientClip);
                afterGeneratorSteps();
            }
            if (discriminatorRound is not null)
                for (var d = 0; d < strategy.DiscriminatorSteps; d++) discriminatorRound();
            double? nll = null;
            if ((iteration + 1) % preset.EvaluateEveryIterations == 0 || iteration + 1 == iterations)
            {
                nll = Evaluate(generator);
                point(start + iteration + 1, nll.Value);
            }
            Report(label, phase, iteration + 1, iterations, nll is null ? null : "NLL-oracle", nll);
        }, cancellation);
    }

    private static long[][] ToHostRows(Tensor tokens)
    {
        var width = (int)tokens.Size(1);
        var flat = tokens.To(DType.Int64, Device.Cpu).ToArray<long>();
        return Enumerable.Range(0, (int)tokens.Size(0)).Select(i => flat.AsSpan(i * width, width).ToArray()).ToArray();
    }

    /// <summary>A seed per (run seed, session) so that each method's randomness does not depend on which others ran.</summary>
    private ulong SeedFor(string session) => SessionSeeds.For(options.Seed, session);

    public void Dispose()
    {
        world.Dispose();
        foreach (var t in pretrainedGenerator?.Values.AsEnumerable() ?? []) t.Dispose();
        foreach (var t in pretrainedOptimizer?.Values.AsEnumerable() ?? []) t.Dispose();
    }
}
