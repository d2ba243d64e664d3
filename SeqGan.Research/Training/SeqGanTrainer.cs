using SeqGan.Research.Models;
using SeqGan.Research.Nn;
using SeqGan.Research.Tensors;

namespace SeqGan.Research.Training;

/// <summary>
/// Algorithm 1 of the paper, once, for every experiment: pretrain G by MLE on the real sequences (cached per seed),
/// then run <see cref="TrainingMethod"/>s from that generator — the MLE and scheduled-sampling baselines, or the
/// adversarial loop (pretrain D on fresh negatives, then g-steps of policy gradient with rollout rewards and d-steps of
/// discriminator rounds) with any reward. The parts come from <see cref="SeqGanSettings"/> (generator, discriminator,
/// reward factories); the evaluation hook gives the curve and the final scores. Every run is a checkpointed session
/// (<c>CheckpointDirectory/seedN/SESSION</c>) that resumes to exactly the numbers of an uninterrupted run, and a stop
/// request (Ctrl+C, a kernel interrupt) is honoured before every generator step and between batches.
/// </summary>
/// <remarks>
/// The trainer owns the order in which modules and optimizers are created and seeded: initialisation draws from the
/// seeded RNG, so that order is part of "same seed, same numbers".
/// </remarks>
public sealed class SeqGanTrainer : IDisposable
{
    /// <summary>The method label of the pretraining curve.</summary>
    public const string PretrainingLabel = "MLE pretraining";
    public const string PretrainingSession = "pretrain";
    private const string DiscriminatorSession = "d-pretrain";

    private readonly SeqGanSettings settings;
    private readonly Tensor real;
    private readonly RunOptions options;
    private readonly IEvaluator evaluator;
    private readonly IProgress<TrainingProgress>? progress;
    private readonly CancellationToken cancellation;
    private ModuleSnapshot? pretrainedGenerator;
    private ModuleSnapshot? pretrainedDiscriminator;
    private Evaluation? untrained;
    private Evaluation? pretrained;
    private double pretrainingSeconds;

    /// <param name="realSequences">the real training sequences [N, T] (int64, on <c>options.Device</c>): MLE's data,
    /// the discriminator's positives and PG-BLEU's references; the caller keeps ownership</param>
    /// <param name="shape">vocabulary, length and start token the generator and discriminator are built for</param>
    /// <param name="evaluator">the curve and the final scores; null: none</param>
    public SeqGanTrainer(SeqGanSettings settings, Tensor realSequences, SequenceShape shape, RunOptions options,
        IEvaluator? evaluator = null, IProgress<TrainingProgress>? progress = null, CancellationToken cancellation = default)
    {
        settings.Validate();
        if (realSequences.Dimensions != 2 || realSequences.Size(1) != shape.SequenceLength)
            throw new ArgumentException($"real sequences must be [N, {shape.SequenceLength}], got [{string.Join(", ", realSequences.Shape)}]", nameof(realSequences));
        if (realSequences.Size(0) < settings.BatchSize)
            throw new ArgumentException($"{realSequences.Size(0)} training sequences do not fill one batch of {settings.BatchSize}", nameof(realSequences));
        this.settings = settings;
        real = realSequences;
        Shape = shape;
        this.options = options;
        this.evaluator = evaluator ?? NoEvaluation.Instance;
        this.progress = progress;
        this.cancellation = cancellation;
    }

    public SequenceShape Shape { get; }

    /// <summary>The pretraining curve (from the untrained generator at epoch 0 to the end of MLE pretraining).</summary>
    public IReadOnlyList<CurvePoint> PretrainingCurve { get; private set; } = [];

    /// <summary>Lines 1–2: MLE pretraining of G on the real sequences, shared by every run of this seed; runs (or
    /// resumes) once. The curve starts with the untrained generator (epoch 0).</summary>
    public void Pretrain()
    {
        if (pretrainedGenerator is not null) return;
        Torch.ManualSeed(Seed(PretrainingSession));
        using var generator = NewGenerator();
        using var optimizer = new Adam(generator.Parameters(), settings.GeneratorLearningRate);
        var session = new TrainingSession(SessionDirectory(PretrainingSession), options.Resume);
        session.Register("generator", generator);
        session.Register("mle", optimizer);
        session.Restore();

        session.CompletePhase("untrained", () =>
        {
            var (metric, value) = CurvePoints(session, generator, PretrainingLabel, PretrainingSession, 0);
            if (settings.EvaluateUntrained) session.Evaluations["untrained"] = evaluator.Final(generator, Context(PretrainingSession));
            Report(PretrainingSession, "untrained", 1, 1, metric, value, isEvaluation: metric is not null);
        });
        session.RunPhase("mle-pretrain", settings.PretrainEpochs, settings.CheckpointEvery, epoch =>
        {
            var loss = MleTraining.TrainEpoch(generator, optimizer, real, settings.BatchSize, settings.GradientClip, cancellation: cancellation);
            EvaluateIfDue(session, generator, PretrainingLabel, PretrainingSession, "mle-pretrain", epoch + 1, settings.PretrainEpochs,
                settings.EvaluatesAfterPretrainEpoch(epoch), 0, "loss", loss);
        }, cancellation);
        if (settings.EvaluatePretrained)
            session.CompletePhase("evaluate", () => session.Evaluations["pretrained"] = evaluator.Final(generator, Context(PretrainingSession)));

        PretrainingCurve = session.Curve.ToList();
        untrained = session.Evaluations.GetValueOrDefault("untrained");
        pretrained = session.Evaluations.GetValueOrDefault("pretrained");
        pretrainedGenerator = ModuleSnapshot.Of(generator, optimizer);
        pretrainingSeconds = session.TrainingSeconds;
    }

    /// <summary>
    /// Runs <paramref name="method"/> from the pretrained generator (pretraining first if needed) in its own session and
    /// scores it with <paramref name="evaluator"/> (default: the trainer's). <paramref name="trained"/>, when given, sees
    /// the trained generator before it is disposed (to save it, to sample from it).
    /// </summary>
    public RunResult Run(TrainingMethod method, IEvaluator? evaluator = null, Action<ISequencePolicy>? trained = null)
    {
        Pretrain();
        evaluator ??= this.evaluator;
        switch (method)
        {
            case UntrainedMethod:
                if (trained is not null) WithUntrainedGenerator(trained);
                return new RunResult(method.Label, options.Seed, method.Session, PretrainingCurve.Where(p => p.Epoch == 0).ToList(),
                    untrained ?? throw new InvalidOperationException($"'{method.Label}' needs the untrained generator's scores: set EvaluateUntrained in the preset"),
                    pretrainingSeconds);
            case PretrainedMethod:
                if (trained is not null)
                    using (var generator = PretrainedGenerator()) trained(generator);
                return new RunResult(method.Label, options.Seed, method.Session, PretrainingCurve,
                    pretrained ?? throw new InvalidOperationException($"'{method.Label}' needs the pretrained generator's scores: set EvaluatePretrained in the preset"),
                    pretrainingSeconds);
            case EarlyStoppedMleMethod earlyStopped:
                return EarlyStoppedMle(earlyStopped, evaluator, trained);
            case MleMethod or ScheduledSamplingMethod:
                return Baseline(method, evaluator, trained);
            case AdversarialMethod adversarial:
                return Adversarial(adversarial, evaluator, trained);
            default:
                throw new ArgumentException($"the trainer cannot run a {method.GetType().Name}", nameof(method));
        }
    }

    /// <summary>The untrained generator, rebuilt as <see cref="Pretrain"/> built it (the same seed, then the same
    /// initialisation), so that a resumed pretraining can still show it.</summary>
    private void WithUntrainedGenerator(Action<ISequencePolicy> use)
    {
        Torch.ManualSeed(Seed(PretrainingSession));
        using var generator = NewGenerator();
        use(generator);
    }

    /// <summary>The MLE and scheduled-sampling baselines: pretraining continued with its own Adam.</summary>
    private RunResult Baseline(TrainingMethod method, IEvaluator evaluator, Action<ISequencePolicy>? trained)
    {
        using var generator = PretrainedGenerator();
        using var optimizer = new Adam(generator.Parameters(), settings.GeneratorLearningRate);
        pretrainedGenerator!.LoadOptimizer(optimizer);
        Torch.ManualSeed(Seed(method.Session));
        var session = OpenRun(method, generator, parts => parts.Register("mle", optimizer));
        session.RunPhase(method.Session, settings.BaselineEpochs, settings.CheckpointEvery, epoch =>
        {
            var loss = method is ScheduledSamplingMethod ss
                ? ScheduledSampling.TrainEpoch(generator, optimizer, real, settings.BatchSize, settings.GradientClip,
                    ss.Schedule.TeacherForcingAt(epoch, settings.BaselineEpochs), cancellation)
                : MleTraining.TrainEpoch(generator, optimizer, real, settings.BatchSize, settings.GradientClip, cancellation: cancellation);
            EvaluateIfDue(session, generator, method.Label, method.Session, method.Session, epoch + 1, settings.BaselineEpochs,
                Due(epoch + 1, settings.BaselineEpochs, settings.EvaluateEveryEpochs), settings.PretrainEpochs, "loss", loss);
        }, cancellation);
        return Finish(method, session, generator, evaluator, trained);
    }

    /// <summary>The metric name of the early-stopped MLE's validation curve.</summary>
    public const string ValidationNllName = "NLL-validation";

    /// <summary><see cref="EarlyStoppedMleMethod"/>: MLE on the training data less a validation split, the best epoch kept.</summary>
    private RunResult EarlyStoppedMle(EarlyStoppedMleMethod method, IEvaluator evaluator, Action<ISequencePolicy>? trained)
    {
        if (!(method.ValidationFraction > 0 && method.ValidationFraction < 1))
            throw new ArgumentOutOfRangeException(nameof(method), method.ValidationFraction, $"'{method.Label}': the validation fraction must be between 0 and 1");
        Torch.ManualSeed(Seed(method.Session));
        var count = real.Size(0);
        var validationCount = Math.Max(1, (long)Math.Round(count * method.ValidationFraction));
        if (count - validationCount < settings.BatchSize)
            throw new ArgumentException($"'{method.Label}': {count - validationCount} sequences are left for training after the validation split, less than one batch of {settings.BatchSize}");
        using var permutation = Tensor.RandPerm(count, real.Device);
        using var validation = real.IndexSelect(0, permutation.Narrow(0, 0, validationCount));
        using var training = real.IndexSelect(0, permutation.Narrow(0, validationCount, count - validationCount));
        using var generator = NewGenerator();
        using var best = NewGenerator();
        using var optimizer = new Adam(generator.Parameters(), settings.GeneratorLearningRate);
        // Not OpenRun: a fresh generator's curve does not start where pretraining's ended.
        var session = new TrainingSession(SessionDirectory(method.Session), options.Resume);
        session.Register("generator", generator);
        session.Register("best", best);
        session.Register("mle", optimizer);
        session.Restore();
        var epochs = settings.PretrainEpochs + settings.BaselineEpochs;
        session.RunPhase(method.Session, epochs, settings.CheckpointEvery, epoch =>
        {
            MleTraining.TrainEpoch(generator, optimizer, training, settings.BatchSize, settings.GradientClip, cancellation: cancellation);
            var nll = generator.MeanNegativeLogLikelihood(validation);
            var bestSoFar = session.Curve.Where(p => p.Metric == ValidationNllName).Select(p => p.Value).DefaultIfEmpty(double.PositiveInfinity).Min();
            session.Curve.Add(new CurvePoint(method.Label, options.Seed, method.Session, epoch + 1, ValidationNllName, nll));
            if (nll < bestSoFar)
            {
                var state = generator.StateDict();
                try { best.LoadStateDict(state, "the early-stopped generator"); }
                finally { foreach (var tensor in state.Values) tensor.Dispose(); }
            }
            EvaluateIfDue(session, generator, method.Label, method.Session, method.Session, epoch + 1, epochs,
                Due(epoch + 1, epochs, settings.EvaluateEveryEpochs), 0, ValidationNllName, nll);
        }, cancellation);
        // The run's last curve point is the selected generator's, which is what a table reads as the method's result.
        session.CompletePhase("selected", () => CurvePoints(session, best, method.Label, "selected", epochs));
        return Finish(method, session, best, evaluator, trained);
    }

    /// <summary>Lines 4–19 with the method's reward and strategy.</summary>
    private RunResult Adversarial(AdversarialMethod method, IEvaluator evaluator, Action<ISequencePolicy>? trained)
    {
        var usesDiscriminator = method.Reward.UsesDiscriminator;
        var shared = usesDiscriminator && settings.DiscriminatorPretraining == DiscriminatorPretraining.OncePerSeed;
        if (shared) PretrainDiscriminator();
        using var generator = PretrainedGenerator();
        if (method.Rollouts is < 1) throw new ArgumentOutOfRangeException(nameof(method), method.Rollouts, $"'{method.Label}': Rollouts must be at least 1");
        if (method.LearningRate is { } rate && !(rate > 0 && double.IsFinite(rate)))
            throw new ArgumentOutOfRangeException(nameof(method), rate, $"'{method.Label}': LearningRate must be a finite number above 0");
        using var optimizer = new Adam(generator.Parameters(), method.LearningRate ?? settings.AdversarialRate);
        // A shared discriminator is built and loaded before the run's seed is set, a per-run one after it: the order
        // each experiment has always had (and so its numbers).
        using var discriminator = shared ? NewDiscriminator() : null;
        using var discriminatorOptimizer = discriminator is null ? null : new Adam(discriminator.Parameters(), settings.Discriminator.LearningRate);
        if (discriminator is not null) pretrainedDiscriminator!.LoadInto(discriminator, discriminatorOptimizer!);
        Torch.ManualSeed(Seed(method.Session));
        using var fresh = usesDiscriminator && !shared ? NewDiscriminator() : null;
        using var freshOptimizer = fresh is null ? null : new Adam(fresh.Parameters(), settings.Discriminator.LearningRate);
        var (d, dOptimizer) = discriminator is not null ? (discriminator, discriminatorOptimizer) : (fresh, freshOptimizer);
        using var rollout = new RolloutPolicy(generator, settings.RolloutPolicy, settings.RolloutUpdateRate, NewGenerator);   // line 3: β ← θ

        var session = OpenRun(method, generator, parts =>
        {
            parts.Register("adversarial", optimizer);
            if (d is not null)
            {
                parts.Register("discriminator", d);
                parts.Register("discriminatorAdam", dOptimizer!);
            }
            if (rollout.DelayedCopy is { } delayed) parts.Register("rollout", delayed);
        });

        if (fresh is not null)
            session.RunPhase("d-pretrain", settings.DiscriminatorPretrainRounds, settings.CheckpointEvery, round =>   // lines 4–5
            {
                var loss = DiscriminatorRound(generator, fresh, freshOptimizer!, settings.DiscriminatorPretrainEpochs);
                Report(method.Label, "d-pretrain", round + 1, settings.DiscriminatorPretrainRounds, "D loss", loss);
            }, cancellation);
        var reward = method.Reward.Create(new RewardContext(d, real, Seed($"{method.Session}/reward")));
        var rollouts = method.Rollouts ?? settings.Rollouts;
        var strategy = method.Strategy;
        session.RunPhase(method.Session, settings.AdversarialIterations, settings.CheckpointEvery, iteration =>   // lines 6–19
        {
            for (var g = 0; g < strategy.GeneratorSteps; g++)   // lines 7–13
            {
                // A step's rollouts take seconds at the paper's size: stop between steps, not only between iterations.
                Interruption.ThrowIfRequested(cancellation);
                AdversarialTraining.GeneratorStep(generator, optimizer, rollout.Policy, reward, settings.BatchSize, rollouts, settings.GradientClip);
            }
            rollout.Update();   // line 18, where the original code does it: after the g-steps (e2b52fb sequence_gan.py:160)
            double? loss = null;
            if (d is not null)
                for (var step = 0; step < strategy.DiscriminatorSteps; step++)   // lines 14–17
                    loss = DiscriminatorRound(generator, d, dOptimizer!, strategy.DiscriminatorEpochs);
            EvaluateIfDue(session, generator, method.Label, method.Session, method.Session, iteration + 1, settings.AdversarialIterations,
                Due(iteration + 1, settings.AdversarialIterations, settings.EvaluateEveryIterations), settings.PretrainEpochs, loss is null ? null : "D loss", loss);
        }, cancellation);
        return Finish(method, session, generator, evaluator, trained);
    }

    /// <summary>Lines 4–5 once per seed (<see cref="DiscriminatorPretraining.OncePerSeed"/>), against the pretrained generator.</summary>
    private void PretrainDiscriminator()
    {
        if (pretrainedDiscriminator is not null) return;
        using var generator = PretrainedGenerator();
        using var discriminator = NewDiscriminator();
        using var optimizer = new Adam(discriminator.Parameters(), settings.Discriminator.LearningRate);
        Torch.ManualSeed(Seed(DiscriminatorSession));
        var session = new TrainingSession(SessionDirectory(DiscriminatorSession), options.Resume);
        session.Register("discriminator", discriminator);
        session.Register("discriminatorAdam", optimizer);
        session.Restore();
        session.RunPhase(DiscriminatorSession, settings.DiscriminatorPretrainRounds, settings.CheckpointEvery, round =>
        {
            var loss = DiscriminatorRound(generator, discriminator, optimizer, settings.DiscriminatorPretrainEpochs);
            Report("discriminator", DiscriminatorSession, round + 1, settings.DiscriminatorPretrainRounds, "D loss", loss);
        }, cancellation);
        pretrainedDiscriminator = ModuleSnapshot.Of(discriminator, optimizer);
    }

    /// <summary>Lines 15–16: fresh negatives from G against real sequences, k epochs; returns D's mean loss of the last epoch.</summary>
    private double DiscriminatorRound(ISequencePolicy generator, ISequenceDiscriminator discriminator, Adam optimizer, int epochs)
    {
        using var scope = Torch.NewDisposeScope();
        var positives = settings.Positives == DiscriminatorPositives.AsManyAsNegatives && real.Size(0) > settings.NegativeSamples
            ? real.IndexSelect(0, Tensor.RandPerm(real.Size(0), real.Device).Narrow(0, 0, settings.NegativeSamples))
            : real;
        return AdversarialTraining.DiscriminatorRound(discriminator, optimizer, generator, positives, settings.NegativeSamples, epochs,
            settings.BatchSize, cancellation);
    }

    /// <summary>A run's session with the generator and the run's other parts registered and restored; a new curve
    /// starts where pretraining's ended.</summary>
    private TrainingSession OpenRun(TrainingMethod method, ISequencePolicy generator, Action<TrainingSession> registerParts)
    {
        var session = new TrainingSession(SessionDirectory(method.Session), options.Resume);
        session.Register("generator", generator);
        registerParts(session);
        session.Restore();
        if (session.Curve.Count == 0 && PretrainingCurve.Count > 0)
            foreach (var point in PretrainingCurve.Where(p => p.Epoch == PretrainingCurve[^1].Epoch))
                session.Curve.Add(point with { Method = method.Label, Phase = method.Session });
        return session;
    }

    /// <summary>The run's final scores (checkpointed while every part of the run is still registered), then the result.</summary>
    private RunResult Finish(TrainingMethod method, TrainingSession session, ISequencePolicy generator, IEvaluator evaluator,
        Action<ISequencePolicy>? trained)
    {
        session.CompletePhase("evaluate", () =>
        {
            session.Evaluations["final"] = evaluator.Final(generator, Context(method.Session));
            Report(method.Label, "evaluate", 1, 1);
        });
        trained?.Invoke(generator);
        return new RunResult(method.Label, options.Seed, method.Session, session.Curve.ToList(), session.Evaluations["final"], session.TrainingSeconds);
    }

    /// <summary>Evaluate after <paramref name="step"/> of <paramref name="total"/>: every <paramref name="every"/> steps and at the end.</summary>
    private static bool Due(int step, int total, int every) => step % every == 0 || step == total;

    /// <summary>Curve points after <paramref name="step"/> of <paramref name="total"/> when <paramref name="due"/>, and the
    /// progress report: the first curve metric if evaluated, else <paramref name="fallbackMetric"/>.</summary>
    private void EvaluateIfDue(TrainingSession session, ISequencePolicy generator, string label, string curvePhase, string phase,
        int step, int total, bool due, int epochOffset, string? fallbackMetric, double? fallback)
    {
        ThrowIfLossNotFinite(label, phase, step, fallbackMetric, fallback);
        (string? Metric, double? Value) evaluated = (null, null);
        if (due) evaluated = CurvePoints(session, generator, label, curvePhase, epochOffset + step);
        var isEvaluation = evaluated.Metric is not null;
        Report(label, phase, step, total, isEvaluation ? evaluated.Metric : fallbackMetric, isEvaluation ? evaluated.Value : fallback, isEvaluation);
    }

    /// <summary>Adds the evaluator's curve metrics at <paramref name="epoch"/>; returns the first (null when it has none).</summary>
    private (string? Metric, double? Value) CurvePoints(TrainingSession session, ISequencePolicy generator, string label, string phase, int epoch)
    {
        (string?, double?) first = (null, null);
        foreach (var (metric, value) in evaluator.Curve(generator))
        {
            session.Curve.Add(new CurvePoint(label, options.Seed, phase, epoch, metric, value));
            if (first.Item1 is null) first = (metric, value);
        }
        return first;
    }

    private ISequencePolicy NewGenerator() => settings.Generator.Create(Shape, options.Device);

    private ISequencePolicy PretrainedGenerator()
    {
        var generator = NewGenerator();
        pretrainedGenerator!.LoadInto(generator, "pretrained generator");
        return generator;
    }

    private ISequenceDiscriminator NewDiscriminator() => settings.Discriminator.Create(Shape, options.Device);

    private EvaluationContext Context(string session) => new(options.Seed, session);

    private ulong Seed(string session) => SessionSeeds.For(options.Seed, session, settings.SeedScope);

    private string? SessionDirectory(string name) =>
        options.CheckpointDirectory is null ? null : Path.Combine(options.CheckpointDirectory, $"seed{options.Seed}", name);

    private void Report(string run, string phase, int step, int total, string? metric = null, double? value = null, bool isEvaluation = false)
    {
        if (!isEvaluation) ThrowIfLossNotFinite(run, phase, step, metric, value);
        progress?.Report(new TrainingProgress(run, phase, step, total, metric, value, isEvaluation));
    }

    /// <summary>A training loss that is NaN or infinite stops the run here, naming it (the session's own check after the
    /// step names the parameter that followed it).</summary>
    private static void ThrowIfLossNotFinite(string run, string phase, int step, string? metric, double? value)
    {
        if (metric is not null && value is { } loss && !double.IsFinite(loss))
            throw new TrainingDivergedException($"training diverged in phase '{phase}' of {run} at step {step}: the {metric} is {loss}, not a number");
    }

    public void Dispose()
    {
        pretrainedGenerator?.Dispose();
        pretrainedDiscriminator?.Dispose();
    }
}
