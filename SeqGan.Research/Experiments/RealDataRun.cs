using System.Diagnostics;
using System.Text.Json.Nodes;
using SeqGan.Research.Data.Corpora;
using SeqGan.Research.Metrics;
using SeqGan.Research.Models;
using SeqGan.Research.Nn;
using SeqGan.Research.Tensors;
using SeqGan.Research.Training;

namespace SeqGan.Research.Experiments;

/// <summary>The rows of the real-data tables.</summary>
public static class RealDataMethods
{
    /// <summary>Held-in real sequences scored like generated ones: the ceiling a generator can reach.</summary>
    public const string RealData = "Real data";
    public const string Mle = "MLE";
    public const string SeqGan = "SeqGAN";
}

/// <summary>Where and how one seed of a real-data experiment runs.</summary>
public sealed record RealDataRunOptions
{
    public int Seed { get; init; } = 1;
    public Device Device { get; init; } = Device.Cpu;
    /// <summary>Checkpoint root; null disables checkpoints.</summary>
    public string? CheckpointDirectory { get; init; }
    public bool Resume { get; init; }
}

/// <summary>Outcome of one row on one seed: metric name → value, a few decoded samples, and the wall time.</summary>
public sealed record RealDataResult(string Method, int Seed, IReadOnlyDictionary<string, double> Metrics, IReadOnlyList<string> Examples, double WallSeconds);

/// <summary>
/// One seed of a real-data experiment: MLE pretraining on the training side of a split (once, checkpointed), then
/// continued MLE and SeqGAN (Algorithm 1, through <see cref="AdversarialTraining"/>) from that same generator, each
/// in its own checkpointed session; every row is scored on samples against the test side.
/// </summary>
public sealed class RealDataRun : IDisposable
{
    private readonly RealDataTask task;
    private readonly RealDataPreset preset;
    private readonly RealDataRunOptions options;
    private readonly IProgress<TrainingProgress>? progress;
    private readonly CancellationToken cancellation;
    private readonly LstmModelSize size;
    private readonly Tensor training;
    private readonly Tensor test;
    private readonly IReadOnlyList<int[]> trainingRows;
    private readonly IReadOnlyList<IReadOnlyList<int>> referenceContent;
    private readonly IReadOnlyList<IReadOnlyList<int>> referenceRows;
    private readonly Dictionary<int, BleuReferenceSet> referenceSets = [];
    private Dictionary<string, Tensor>? pretrainedGenerator;
    private Dictionary<string, Tensor>? pretrainedOptimizer;
    private long pretrainedOptimizerSteps;

    public RealDataRun(RealDataTask task, CorpusSplit split, RealDataPreset preset, RealDataRunOptions options,
        IProgress<TrainingProgress>? progress = null, CancellationToken cancellation = default)
    {
        preset.Validate();
        this.task = task;
        this.preset = preset;
        this.options = options;
        this.progress = progress;
        this.cancellation = cancellation;
        Split = split;
        var corpus = split.Corpus;
        size = preset.GeneratorSize(corpus.Vocabulary.Count, corpus.SequenceLength);
        trainingRows = split.Train.Take(preset.MaxTrainingSequences ?? int.MaxValue).ToList();
        var references = split.Test.Take(preset.MaxReferences ?? int.MaxValue).ToList();
        if (trainingRows.Count < preset.BatchSize)
            throw new ArgumentException($"{corpus.SourceFile}: {trainingRows.Count} training sequences do not fill one batch of {preset.BatchSize}");
        if (trainingRows.Count < 2 || references.Count < 1)
            throw new ArgumentException($"{corpus.SourceFile}: too few sequences for training and test ({trainingRows.Count} and {references.Count})");
        referenceRows = references;
        referenceContent = references.Select(r => (IReadOnlyList<int>)corpus.Vocabulary.Content(r.Select(i => (long)i))).ToList();
        training = ToTensor(trainingRows, corpus.SequenceLength, options.Device);
        test = ToTensor(references, corpus.SequenceLength, options.Device);
    }

    public CorpusSplit Split { get; }

    /// <summary>Sequences the generator trains on (after the preset's cap).</summary>
    public int TrainingCount => trainingRows.Count;

    /// <summary>Test sequences used as references (after the preset's cap).</summary>
    public int ReferenceCount => referenceRows.Count;

    private string? SessionDirectory(string name) =>
        options.CheckpointDirectory is null ? null : Path.Combine(options.CheckpointDirectory, $"seed{options.Seed}", name);

    private Generator NewGenerator() => (Generator)new Generator(size, preset.GeneratorInitStd).To(options.Device);

    private Adam NewGeneratorOptimizer(Generator generator) => new(generator.Parameters(), preset.GeneratorLearningRate);

    private void Report(string run, string phase, int step, int total, string? metric = null, double? value = null) =>
        progress?.Report(new TrainingProgress(run, phase, step, total, metric, value));

    /// <summary>The metrics of held-in real sequences (as many as the generators are scored on), drawn from the training side.</summary>
    public RealDataResult RealData()
    {
        var watch = Stopwatch.StartNew();
        var rows = trainingRows.Take(preset.EvaluationSamples).Select(r => r.Select(i => (long)i).ToArray()).ToArray();
        var metrics = Score(rows);
        return new RealDataResult(RealDataMethods.RealData, options.Seed, metrics, Examples(rows), watch.Elapsed.TotalSeconds);
    }

    /// <summary>MLE pretraining, shared by both methods of this seed; runs (or resumes) once.</summary>
    public void Pretrain()
    {
        if (pretrainedGenerator is not null) return;
        Torch.ManualSeed(SessionSeeds.For(options.Seed, "pretrain"));
        using var generator = NewGenerator();
        using var optimizer = NewGeneratorOptimizer(generator);
        var session = new TrainingSession(SessionDirectory("pretrain"), options.Resume);
        session.Register("generator", generator);
        session.Register("mle", optimizer);
        session.Restore();
        session.RunPhase("mle-pretrain", preset.PretrainEpochs, preset.CheckpointEvery, epoch =>
        {
            var loss = MleTraining.TrainEpoch(generator, optimizer, training, preset.BatchSize, preset.GradientClip, cancellation: cancellation);
            Report("pretrain", "mle-pretrain", epoch + 1, preset.PretrainEpochs, "loss", loss);
        }, cancellation);
        pretrainedGenerator = generator.StateDict();
        var (moments, steps) = optimizer.State();
        pretrainedOptimizer = moments;
        pretrainedOptimizerSteps = steps;
    }

    /// <summary>Trains <paramref name="method"/> (MLE or SeqGAN) from the pretrained generator and scores it;
    /// <paramref name="trained"/>, when given, sees the trained generator before it is disposed (e.g. to save it).</summary>
    public RealDataResult Run(string method, Action<Generator>? trained = null)
    {
        if (method is not (RealDataMethods.Mle or RealDataMethods.SeqGan))
            throw new ArgumentException($"unknown method '{method}' (expected {RealDataMethods.Mle} or {RealDataMethods.SeqGan})", nameof(method));
        Pretrain();
        var watch = Stopwatch.StartNew();
        var sessionName = method.ToLowerInvariant();
        using var generator = NewGenerator();
        using var mleOptimizer = NewGeneratorOptimizer(generator);
        generator.LoadStateDict(pretrainedGenerator!, "pretrained generator");
        mleOptimizer.LoadState(pretrainedOptimizer!, pretrainedOptimizerSteps);
        Torch.ManualSeed(SessionSeeds.For(options.Seed, sessionName));
        var session = new TrainingSession(SessionDirectory(sessionName), options.Resume);
        session.Register("generator", generator);
        session.Register("mle", mleOptimizer);

        // Scoring draws its samples from a seed of its own, so it is the same whether or not the run was resumed.
        // It runs while every registered module is alive: the session checkpoints them all when the phase completes.
        void Evaluate() => session.CompletePhase("evaluate", () =>
        {
            Torch.ManualSeed(SessionSeeds.For(options.Seed, sessionName + "/evaluate"));
            var samples = HostRows(generator.Sample(preset.EvaluationSamples, 2048));
            var metrics = Score(samples);
            metrics[RealDataMetrics.NllTest] = generator.MeanNegativeLogLikelihood(test);
            session.Values["metrics"] = new JsonObject(metrics.Select(kv => KeyValuePair.Create(kv.Key, (JsonNode?)kv.Value)));
            session.Values["examples"] = new JsonArray(Examples(samples).Select(e => (JsonNode)e).ToArray());
            Report(method, "evaluate", 1, 1);
        });

        if (method == RealDataMethods.Mle)
        {
            session.Restore();
            session.RunPhase(sessionName, preset.BaselineEpochs, preset.CheckpointEvery, epoch =>
            {
                var loss = MleTraining.TrainEpoch(generator, mleOptimizer, training, preset.BatchSize, preset.GradientClip, cancellation: cancellation);
                Report(method, sessionName, epoch + 1, preset.BaselineEpochs, "loss", loss);
            }, cancellation);
            Evaluate();
        }
        else
        {
            using var modules = new SeqGanModules(generator, preset.DiscriminatorFor(size.VocabularySize, size.SequenceLength),
                preset.GeneratorLearningRate, preset.RolloutPolicy, preset.RolloutUpdateRate, options.Device, session);
            var (discriminator, discriminatorOptimizer, adversarialOptimizer, rollout) =
                (modules.Discriminator, modules.DiscriminatorOptimizer, modules.AdversarialOptimizer, modules.Rollout);
            session.Restore();

            double DiscriminatorRound(int epochs)
            {
                using var scope = Torch.NewDisposeScope();
                var positives = training.Size(0) <= preset.NegativeSamples
                    ? training
                    : training.IndexSelect(0, Tensor.RandPerm(training.Size(0), training.Device).Narrow(0, 0, preset.NegativeSamples));
                return AdversarialTraining.DiscriminatorRound(discriminator, discriminatorOptimizer, generator,
                    positives, preset.NegativeSamples, epochs, preset.BatchSize, cancellation);
            }
            session.RunPhase("d-pretrain", preset.DiscriminatorPretrainRounds, preset.CheckpointEvery, round =>
            {
                var loss = DiscriminatorRound(preset.DiscriminatorPretrainEpochs);
                Report(method, "d-pretrain", round + 1, preset.DiscriminatorPretrainRounds, "D loss", loss);
            }, cancellation);
            var scorer = new SequenceScorers.DiscriminatorScorer(discriminator);
            var strategy = preset.Strategy;
            session.RunPhase(sessionName, preset.AdversarialIterations, preset.CheckpointEvery, iteration =>
            {
                for (var g = 0; g < strategy.GeneratorSteps; g++)
                {
                    AdversarialTraining.GeneratorStep(generator, adversarialOptimizer, rollout.Policy, scorer, preset.BatchSize, preset.Rollouts, preset.GradientClip);
                    rollout.Update();
                }
                double? loss = null;
                for (var d = 0; d < strategy.DiscriminatorSteps; d++) loss = DiscriminatorRound(strategy.DiscriminatorEpochs);
                Report(method, sessionName, iteration + 1, preset.AdversarialIterations, loss is null ? null : "D loss", loss);
            }, cancellation);
            Evaluate();
        }

        trained?.Invoke(generator);
        var saved = session.Values["metrics"]!.AsObject().ToDictionary(kv => kv.Key, kv => kv.Value!.GetValue<double>());
        var examples = session.Values["examples"]!.AsArray().Select(e => e!.GetValue<string>()).ToList();
        return new RealDataResult(method, options.Seed, saved, examples, watch.Elapsed.TotalSeconds);
    }

    /// <summary>BLEU-n and Self-BLEU-n for the task's orders (and MSE for melodies) of id sequences against the references.</summary>
    public Dictionary<string, double> Score(IReadOnlyList<long[]> rows)
    {
        var vocabulary = Split.Corpus.Vocabulary;
        var content = rows.Select(r => (IReadOnlyList<int>)vocabulary.Content(r)).ToList();
        var metrics = new Dictionary<string, double>();
        foreach (var order in task.BleuOrders)
        {
            if (!referenceSets.TryGetValue(order, out var references))
                referenceSets[order] = references = new BleuReferenceSet(referenceContent, order);
            metrics[RealDataMetrics.BleuName(order)] = Bleu.AverageSentence(references, content);
            metrics[RealDataMetrics.SelfBleuName(order)] = SelfBleu.Score(content, order);
        }
        if (task.ReportsMse)
            metrics[RealDataMetrics.Mse] = MelodyMse.NearestReference(referenceRows.Select(r => (IReadOnlyList<int>)r).ToList(),
                rows.Select(r => (IReadOnlyList<int>)r.Select(i => (int)i).ToArray()).ToList());
        return metrics;
    }

    private List<string> Examples(IEnumerable<long[]> rows) => rows.Take(5).Select(Split.Corpus.Decode).ToList();

    private static long[][] HostRows(Tensor tokens)
    {
        var width = (int)tokens.Size(1);
        var flat = tokens.To(DType.Int64, Device.Cpu).ToArray<long>();
        return Enumerable.Range(0, (int)tokens.Size(0)).Select(i => flat.AsSpan(i * width, width).ToArray()).ToArray();
    }

    private static Tensor ToTensor(IReadOnlyList<int[]> rows, int length, Device device)
    {
        var flat = new long[rows.Count * length];
        for (var i = 0; i < rows.Count; i++)
            for (var t = 0; t < length; t++) flat[i * length + t] = rows[i][t];
        return Tensor.FromSpan<long>(flat, [rows.Count, length], device);
    }

    public void Dispose()
    {
        training.Dispose();
        test.Dispose();
        foreach (var t in pretrainedGenerator?.Values.AsEnumerable() ?? []) t.Dispose();
        foreach (var t in pretrainedOptimizer?.Values.AsEnumerable() ?? []) t.Dispose();
    }
}
