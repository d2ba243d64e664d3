using SeqGan.Research.Data;
using SeqGan.Research.Metrics;
using SeqGan.Research.Models;
using SeqGan.Research.Tensors;
using SeqGan.Research.Training;

namespace SeqGan.Research.Experiments;

/// <summary>
/// One seed of ORGAN's music experiment over <see cref="SeqGanTrainer"/>. The generator is pretrained by MLE once (that
/// generator is the table's MLE row) and the discriminator once against it
/// (<see cref="DiscriminatorPretraining.OncePerSeed"/>); every (objective, λ) run then starts from those two, each in
/// its own checkpointed session. (The original repeated both pretrainings inside each of its 18 runs; only their
/// unseeded initialisation differed.)
/// </summary>
public sealed class OrganRun : IDisposable
{
    private readonly OrganPreset preset;
    private readonly int seed;
    private readonly Tensor training;
    private readonly SeqGanTrainer trainer;
    private readonly Dictionary<string, OrganResult> finished = [];

    public OrganRun(AbcCorpus corpus, OrganPreset preset, RunOptions options, IProgress<TrainingProgress>? progress = null, CancellationToken cancellation = default)
    {
        preset.Validate();
        if (corpus.SequenceLength != preset.SequenceLength)
            throw new ArgumentException($"preset {preset.Name}: sequence length {preset.SequenceLength}, but the corpus is padded to {corpus.SequenceLength}");
        if (corpus.Rows.Length < preset.BatchSize)
            throw new ArgumentException($"{corpus.Rows.Length} tunes do not fill one batch of {preset.BatchSize}");
        Corpus = corpus;
        this.preset = preset;
        seed = options.Seed;
        var flat = corpus.Rows.SelectMany(r => r).ToArray();
        // In file order, no shuffling, the last partial batch dropped: the original loader.
        training = Tensor.FromSpan<long>(flat, [corpus.Rows.Length, corpus.SequenceLength], options.Device).DetachFromDisposeScope();
        trainer = new SeqGanTrainer(preset, training, preset.Shape(corpus.Vocabulary.Size), options, new OrganEvaluator(corpus, preset, null), progress, cancellation);
    }

    public AbcCorpus Corpus { get; }

    /// <summary>The MLE row: the pretrained generator's samples (pretrains on first use).</summary>
    public OrganResult Mle() => finished.TryGetValue("mle", out var done) ? done
        : finished["mle"] = Result(trainer.Run(new PretrainedMethod()), "", double.NaN);

    /// <summary>One of the paper's music objectives at <paramref name="lambda"/>.</summary>
    public OrganResult Run(MusicObjectiveKind objective, double lambda) =>
        Run(new AbcMusicObjective(Corpus.Vocabulary, objective), lambda);

    /// <summary>
    /// Any objective at <paramref name="lambda"/> from the pretrained generator and discriminator. λ = 1 ignores the
    /// objective, so every λ = 1 request shares one session ("SeqGAN").
    /// </summary>
    public OrganResult Run(IObjective objective, double lambda)
    {
        var method = preset.OrganMethod(objective, lambda);
        if (finished.TryGetValue(method.Session, out var done)) return done with { Objective = objective.Name };
        var result = trainer.Run(method, new OrganEvaluator(Corpus, preset, lambda == 1 ? null : objective));
        return finished[method.Session] = Result(result, objective.Name, lambda);
    }

    private OrganResult Result(RunResult run, string objective, double lambda)
    {
        var metrics = run.Evaluation.Metrics;
        return new OrganResult(objective, lambda, seed,
            new MusicScores(metrics[OrganEvaluator.Tonality], metrics[OrganEvaluator.Melodicity], metrics[OrganEvaluator.RatioOfSteps]),
            metrics[OrganEvaluator.Diversity], metrics.GetValueOrDefault(OrganEvaluator.Objective, double.NaN), metrics[OrganEvaluator.Distinct],
            run.WallSeconds);
    }

    public void Dispose()
    {
        trainer.Dispose();
        training.Dispose();
    }
}

/// <summary>
/// ORGAN's scores of a generator, as the paper reports them: the three music metrics averaged over
/// <c>EvaluationSamples</c> samples, diversity over the first <c>DiversitySamples</c>, the mean of the run's objective
/// (absent without one) and the share of distinct samples. No curve.
/// </summary>
internal sealed class OrganEvaluator(AbcCorpus corpus, OrganPreset preset, IObjective? objective) : IEvaluator
{
    public const string Tonality = "tonality", Melodicity = "melodicity", RatioOfSteps = "ratio of steps",
        Diversity = "diversity", Objective = "objective", Distinct = "distinct fraction";

    public IReadOnlyDictionary<string, double> Curve(ISequencePolicy generator) => Evaluation.Empty.Metrics;

    public Evaluation Final(ISequencePolicy generator, EvaluationContext context)
    {
        using var scope = Torch.NewDisposeScope();
        var rows = TokenRows.ToHost(generator.Sample(preset.EvaluationSamples, 2048));
        var decoded = rows.Select(r => corpus.Vocabulary.Decode(r)).ToList();
        var scores = AbcMusicMetrics.Mean(decoded);
        var metrics = new Dictionary<string, double>
        {
            [Tonality] = scores.Tonality,
            [Melodicity] = scores.Melodicity,
            [RatioOfSteps] = scores.RatioOfSteps,
            [Diversity] = MusicDiversity.Compute(rows.Take(preset.DiversitySamples).Select(r => corpus.Vocabulary.DecodeTokens(r)).ToList(), preset.SequenceLength),
            [Distinct] = decoded.Distinct().Count() / (double)decoded.Count,
        };
        if (objective is not null) metrics[Objective] = objective.Score(rows).Average();
        return new Evaluation(metrics, []);
    }
}
