using System.Diagnostics;
using SeqGan.Research.Data.Corpora;
using SeqGan.Research.Metrics;
using SeqGan.Research.Models;
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

/// <summary>Outcome of one row on one seed: metric name → value, a few decoded samples, and the wall time.</summary>
public sealed record RealDataResult(string Method, int Seed, IReadOnlyDictionary<string, double> Metrics, IReadOnlyList<string> Examples, double WallSeconds);

/// <summary>
/// One seed of a real-data experiment: <see cref="SeqGanTrainer"/> on the training side of a split (MLE pretraining once,
/// checkpointed), then the preset's methods (continued MLE, SeqGAN) from that same generator, each in its own
/// checkpointed session; every row is scored on samples against the test side.
/// </summary>
public sealed class RealDataRun : IDisposable
{
    private readonly RealDataPreset preset;
    private readonly int seed;
    private readonly Tensor training;
    private readonly IReadOnlyList<int[]> trainingRows;
    private readonly RealDataEvaluator evaluator;
    private readonly SeqGanTrainer trainer;

    public RealDataRun(RealDataTask task, CorpusSplit split, RealDataPreset preset, RunOptions options,
        IProgress<TrainingProgress>? progress = null, CancellationToken cancellation = default)
    {
        preset.Validate();
        this.preset = preset;
        seed = options.Seed;
        Split = split;
        var corpus = split.Corpus;
        trainingRows = split.Train.Take(preset.MaxTrainingSequences ?? int.MaxValue).ToList();
        var references = split.Test.Take(preset.MaxReferences ?? int.MaxValue).ToList();
        if (trainingRows.Count < preset.BatchSize)
            throw new ArgumentException($"{corpus.SourceFile}: {trainingRows.Count} training sequences do not fill one batch of {preset.BatchSize}");
        if (trainingRows.Count < 2 || references.Count < 1)
            throw new ArgumentException($"{corpus.SourceFile}: too few sequences for training and test ({trainingRows.Count} and {references.Count})");
        ReferenceCount = references.Count;
        training = ToTensor(trainingRows, corpus.SequenceLength, options.Device);
        evaluator = new RealDataEvaluator(task, corpus, references, preset.EvaluationSamples, ToTensor(references, corpus.SequenceLength, options.Device));
        trainer = new SeqGanTrainer(preset, training, new SequenceShape(corpus.Vocabulary.Count, corpus.SequenceLength), options, evaluator, progress, cancellation);
    }

    public CorpusSplit Split { get; }

    /// <summary>Sequences the generator trains on (after the preset's cap).</summary>
    public int TrainingCount => trainingRows.Count;

    /// <summary>Test sequences used as references (after the preset's cap).</summary>
    public int ReferenceCount { get; }

    /// <summary>The metrics of held-in real sequences (as many as the generators are scored on), drawn from the training side.</summary>
    public RealDataResult RealData()
    {
        var watch = Stopwatch.StartNew();
        var rows = trainingRows.Take(preset.EvaluationSamples).Select(r => r.Select(i => (long)i).ToArray()).ToArray();
        return new RealDataResult(RealDataMethods.RealData, seed, evaluator.Score(rows), evaluator.Examples(rows), watch.Elapsed.TotalSeconds);
    }

    /// <summary>Trains <paramref name="method"/> (one of <see cref="RealDataPreset.Methods"/>, or any other) from the pretrained
    /// generator and scores it; <paramref name="trained"/>, when given, sees the trained generator before it is disposed (e.g. to save it).</summary>
    public RealDataResult Run(TrainingMethod method, Action<ISequencePolicy>? trained = null)
    {
        var result = trainer.Run(method, trained: trained);
        return new RealDataResult(result.Label, seed, result.Evaluation.Metrics, result.Evaluation.Samples, result.WallSeconds);
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
        trainer.Dispose();
        evaluator.Dispose();
        training.Dispose();
    }
}

/// <summary>
/// The real-data tables' scores of a generator: BLEU-n and Self-BLEU-n of <paramref name="samples"/> generated sequences
/// for the task's orders (MSE for melodies) against the references, NLL-test of the references, and five decoded samples.
/// Sampling draws from a seed of its own (seed, session), so the scores are the same whether or not the run was resumed.
/// </summary>
internal sealed class RealDataEvaluator(RealDataTask task, TokenCorpus corpus, IReadOnlyList<int[]> references, int samples, Tensor test) : IEvaluator, IDisposable
{
    private readonly IReadOnlyList<IReadOnlyList<int>> referenceContent =
        references.Select(r => (IReadOnlyList<int>)corpus.Vocabulary.Content(r.Select(i => (long)i))).ToList();
    private readonly Dictionary<int, BleuReferenceSet> referenceSets = [];

    public IReadOnlyDictionary<string, double> Curve(ISequencePolicy generator) => Evaluation.Empty.Metrics;

    public Evaluation Final(ISequencePolicy generator, EvaluationContext context)
    {
        Torch.ManualSeed(SessionSeeds.For(context.Seed, context.Session + "/evaluate"));
        using var scope = Torch.NewDisposeScope();
        var rows = TokenRows.ToHost(generator.Sample(samples, 2048));
        var metrics = Score(rows);
        metrics[RealDataMetrics.NllTest] = generator.MeanNegativeLogLikelihood(test);
        return new Evaluation(metrics, Examples(rows));
    }

    /// <summary>BLEU-n and Self-BLEU-n for the task's orders (and MSE for melodies) of id sequences against the references.</summary>
    public Dictionary<string, double> Score(IReadOnlyList<long[]> rows)
    {
        var vocabulary = corpus.Vocabulary;
        var content = rows.Select(r => (IReadOnlyList<int>)vocabulary.Content(r)).ToList();
        var metrics = new Dictionary<string, double>();
        foreach (var order in task.BleuOrders)
        {
            if (!referenceSets.TryGetValue(order, out var set))
                referenceSets[order] = set = new BleuReferenceSet(referenceContent, order);
            metrics[RealDataMetrics.BleuName(order)] = Bleu.AverageSentence(set, content);
            metrics[RealDataMetrics.SelfBleuName(order)] = SelfBleu.Score(content, order);
        }
        if (task.ReportsMse)
            metrics[RealDataMetrics.Mse] = MelodyMse.NearestReference(references.Select(r => (IReadOnlyList<int>)r).ToList(),
                rows.Select(r => (IReadOnlyList<int>)r.Select(i => (int)i).ToArray()).ToList());
        return metrics;
    }

    public List<string> Examples(IEnumerable<long[]> rows) => rows.Take(5).Select(corpus.Decode).ToList();

    public void Dispose() => test.Dispose();
}
