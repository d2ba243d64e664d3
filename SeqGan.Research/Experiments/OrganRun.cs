using System.Diagnostics;
using System.Text.Json.Nodes;
using SeqGan.Research.Data;
using SeqGan.Research.Metrics;
using SeqGan.Research.Models;
using SeqGan.Research.Nn;
using SeqGan.Research.Tensors;
using SeqGan.Research.Training;

namespace SeqGan.Research.Experiments;

/// <summary>Where and how one seed of the ORGAN experiment runs.</summary>
public sealed record OrganRunOptions
{
    public int Seed { get; init; } = 1;
    public Device Device { get; init; } = Device.Cpu;
    /// <summary>Checkpoint root; null disables checkpoints.</summary>
    public string? CheckpointDirectory { get; init; }
    public bool Resume { get; init; }
}

/// <summary>
/// One seed of ORGAN's music experiment. The generator is pretrained by MLE once (that generator is the table's MLE
/// row) and the discriminator is pretrained once against it; every (objective, λ) run then starts from those two,
/// each in its own checkpointed session, so its numbers do not depend on which other runs happened. (The original
/// repeated both pretrainings inside each of its 18 runs; only their unseeded initialisation differed.)
/// </summary>
public sealed class OrganRun : IDisposable
{
    private readonly OrganPreset preset;
    private readonly OrganRunOptions options;
    private readonly IProgress<TrainingProgress>? progress;
    private readonly CancellationToken cancellation;
    private readonly Tensor training;
    private readonly Dictionary<string, OrganResult> finished = [];
    private Dictionary<string, Tensor>? pretrainedGenerator;
    private Dictionary<string, Tensor>? pretrainedDiscriminator;
    private Dictionary<string, Tensor>? pretrainedDiscriminatorAdam;
    private long pretrainedDiscriminatorAdamSteps;

    public OrganRun(AbcCorpus corpus, OrganPreset preset, OrganRunOptions options, IProgress<TrainingProgress>? progress = null, CancellationToken cancellation = default)
    {
        preset.Validate();
        if (corpus.SequenceLength != preset.SequenceLength)
            throw new ArgumentException($"preset {preset.Name}: sequence length {preset.SequenceLength}, but the corpus is padded to {corpus.SequenceLength}");
        if (corpus.Rows.Length < preset.BatchSize)
            throw new ArgumentException($"{corpus.Rows.Length} tunes do not fill one batch of {preset.BatchSize}");
        Corpus = corpus;
        this.preset = preset;
        this.options = options;
        this.progress = progress;
        this.cancellation = cancellation;
        var flat = corpus.Rows.SelectMany(r => r).ToArray();
        training = Tensor.FromSpan<long>(flat, [corpus.Rows.Length, corpus.SequenceLength], options.Device).DetachFromDisposeScope();
    }

    public AbcCorpus Corpus { get; }

    private LstmModelSize ModelSize => preset.ModelSize(Corpus.Vocabulary.Size);

    private string? SessionDirectory(string name) =>
        options.CheckpointDirectory is null ? null : Path.Combine(options.CheckpointDirectory, $"seed{options.Seed}", name);

    private Generator NewGenerator() => (Generator)new Generator(ModelSize, preset.GeneratorInitStd).To(options.Device);

    private Discriminator NewDiscriminator() => (Discriminator)new Discriminator(preset.DiscriminatorFor(Corpus.Vocabulary.Size)).To(options.Device);

    private void Report(string run, string phase, int step, int total, string? metric = null, double? value = null) =>
        progress?.Report(new TrainingProgress(run, phase, step, total, metric, value));

    /// <summary>The MLE row: the pretrained generator's samples (pretrains on first use).</summary>
    public OrganResult Mle()
    {
        PretrainGenerator();
        return finished["mle"];
    }

    /// <summary>One of the paper's music objectives at <paramref name="lambda"/>.</summary>
    public OrganResult Run(MusicObjectiveKind objective, double lambda) =>
        Run(new AbcMusicObjective(Corpus.Vocabulary, objective), lambda);

    /// <summary>
    /// Any objective at <paramref name="lambda"/> from the pretrained generator and discriminator. λ = 1 ignores the
    /// objective, so every λ = 1 request shares one session ("SeqGAN").
    /// </summary>
    public OrganResult Run(IObjective objective, double lambda)
    {
        if (lambda is < 0 or > 1 || double.IsNaN(lambda)) throw new ArgumentOutOfRangeException(nameof(lambda), lambda, "λ must be in [0, 1]");
        var sessionName = lambda == 1 ? "seqgan" : $"{Slug(objective.Name)}-lambda{lambda:0.###}";
        if (finished.TryGetValue(sessionName, out var done)) return done with { Objective = objective.Name };
        PretrainGenerator();
        if (lambda > 0) PretrainDiscriminator();
        var watch = Stopwatch.StartNew();
        var label = $"{OrganAlgorithmNames.ForLambda(lambda).Label()} {objective.Name} λ={lambda:0.###}";

        using var generator = NewGenerator();
        generator.LoadStateDict(pretrainedGenerator!, "pretrained generator");
        using var optimizer = new Adam(generator.Parameters(), preset.AdversarialLearningRate);
        using var discriminator = lambda > 0 ? NewDiscriminator() : null;
        using var discriminatorAdam = discriminator is null ? null : new Adam(discriminator.Parameters(), discriminator.Config.LearningRate);
        if (discriminator is not null)
        {
            discriminator.LoadStateDict(pretrainedDiscriminator!, "pretrained discriminator");
            discriminatorAdam!.LoadState(pretrainedDiscriminatorAdam!, pretrainedDiscriminatorAdamSteps);
        }
        Torch.ManualSeed(SeedFor(sessionName));
        var session = new TrainingSession(SessionDirectory(sessionName), options.Resume);
        session.Register("generator", generator);
        session.Register("adversarial", optimizer);
        if (discriminator is not null)
        {
            session.Register("discriminator", discriminator);
            session.Register("discriminatorAdam", discriminatorAdam!);
        }
        session.Restore();

        var scorer = new ObjectiveRewardScorer(
            discriminator is null ? null : new SequenceScorers.DiscriminatorScorer(discriminator), objective, lambda, preset.UniquenessWeighting);
        var rounds = OrganPreset.DiscriminatorRounds(lambda);
        session.RunPhase("adversarial", preset.AdversarialIterations, preset.CheckpointEvery, iteration =>
        {
            // An update's rollouts take seconds: a stop request (Ctrl+C, a kernel interrupt) is honoured before them.
            Interruption.ThrowIfRequested(cancellation);
            using (var scope = Torch.NewDisposeScope())
            {
                var samples = generator.Sample(preset.BatchSize);
                var rewards = RolloutRewards.Compute(generator, samples, preset.Rollouts, scorer);
                PolicyGradient.Step(generator, optimizer, samples, rewards, preset.GradientClip);
            }
            for (var round = 0; round < rounds; round++)
                DiscriminatorRound(discriminator!, discriminatorAdam!, generator);
            Report(label, "adversarial", iteration + 1, preset.AdversarialIterations);
        }, cancellation);
        session.CompletePhase("evaluate", () => Store(session.Values, Evaluate(generator, lambda == 1 ? null : objective)));
        var result = Load(session.Values, objective.Name, lambda, watch.Elapsed.TotalSeconds);
        finished[sessionName] = result;
        return result;
    }

    private void PretrainGenerator()
    {
        if (pretrainedGenerator is not null) return;
        var watch = Stopwatch.StartNew();
        Torch.ManualSeed(SeedFor("pretrain"));
        using var generator = NewGenerator();
        using var optimizer = new Adam(generator.Parameters(), preset.GeneratorLearningRate);
        var session = new TrainingSession(SessionDirectory("pretrain"), options.Resume);
        session.Register("generator", generator);
        session.Register("mle", optimizer);
        session.Restore();
        session.RunPhase("mle-pretrain", preset.PretrainEpochs, preset.CheckpointEvery, epoch =>
        {
            // In file order, no shuffling, the last partial batch dropped: the original loader.
            var loss = MleTraining.TrainEpoch(generator, optimizer, training, preset.BatchSize, preset.GradientClip, cancellation: cancellation);
            Report("MLE", "pretrain", epoch + 1, preset.PretrainEpochs, "loss", loss);
        }, cancellation);
        session.CompletePhase("evaluate", () => Store(session.Values, Evaluate(generator, null)));
        finished["mle"] = Load(session.Values, "", double.NaN, watch.Elapsed.TotalSeconds);
        pretrainedGenerator = generator.StateDict();
    }

    private void PretrainDiscriminator()
    {
        if (pretrainedDiscriminator is not null) return;
        using var generator = NewGenerator();
        generator.LoadStateDict(pretrainedGenerator!, "pretrained generator");
        using var discriminator = NewDiscriminator();
        using var adam = new Adam(discriminator.Parameters(), discriminator.Config.LearningRate);
        Torch.ManualSeed(SeedFor("d-pretrain"));
        var session = new TrainingSession(SessionDirectory("d-pretrain"), options.Resume);
        session.Register("discriminator", discriminator);
        session.Register("discriminatorAdam", adam);
        session.Restore();
        session.RunPhase("d-pretrain", preset.DiscriminatorPretrainRounds, preset.CheckpointEvery, round =>
        {
            var loss = DiscriminatorRound(discriminator, adam, generator);
            Report("discriminator", "pretrain", round + 1, preset.DiscriminatorPretrainRounds, "D loss", loss);
        }, cancellation);
        pretrainedDiscriminator = discriminator.StateDict();
        (pretrainedDiscriminatorAdam, pretrainedDiscriminatorAdamSteps) = adam.State();
    }

    /// <summary>One round: fresh negatives from G against all real tunes, <c>DiscriminatorEpochs</c> epochs.</summary>
    private double DiscriminatorRound(Discriminator discriminator, Adam adam, Generator generator)
    {
        using var scope = Torch.NewDisposeScope();
        var negatives = generator.Sample((long)preset.NegativeBatches * preset.BatchSize, 2048);
        return DiscriminatorTraining.Train(discriminator, adam, training, negatives, preset.DiscriminatorEpochs, preset.BatchSize, cancellation);
    }

    /// <summary>Samples the generator and scores the samples as the paper reports them.</summary>
    private Evaluation Evaluate(Generator generator, IObjective? objective)
    {
        using var scope = Torch.NewDisposeScope();
        var samples = generator.Sample(preset.EvaluationSamples, 2048);
        var width = (int)samples.Size(1);
        var flat = samples.To(DType.Int64, Device.Cpu).ToArray<long>();
        var rows = Enumerable.Range(0, preset.EvaluationSamples).Select(i => flat.AsSpan(i * width, width).ToArray()).ToArray();
        var decoded = rows.Select(r => Corpus.Vocabulary.Decode(r)).ToList();
        var scores = AbcMusicMetrics.Mean(decoded);
        var diversity = MusicDiversity.Compute(rows.Take(preset.DiversitySamples).Select(r => Corpus.Vocabulary.DecodeTokens(r)).ToList(), preset.SequenceLength);
        var objectiveScore = objective is null ? double.NaN : objective.Score(rows).Average();
        return new Evaluation(scores, diversity, objectiveScore, decoded.Distinct().Count() / (double)decoded.Count);
    }

    private sealed record Evaluation(MusicScores Scores, double Diversity, double ObjectiveScore, double DistinctFraction);

    private static void Store(JsonObject values, Evaluation e)
    {
        values["tonality"] = e.Scores.Tonality;
        values["melodicity"] = e.Scores.Melodicity;
        values["ratioOfSteps"] = e.Scores.RatioOfSteps;
        values["diversity"] = e.Diversity;
        // JSON has no NaN: "no objective" is stored as null.
        values["objective"] = double.IsNaN(e.ObjectiveScore) ? null : e.ObjectiveScore;
        values["distinct"] = e.DistinctFraction;
    }

    private OrganResult Load(JsonObject values, string objective, double lambda, double seconds) => new(
        objective, lambda, options.Seed,
        new MusicScores(values["tonality"]!.GetValue<double>(), values["melodicity"]!.GetValue<double>(), values["ratioOfSteps"]!.GetValue<double>()),
        values["diversity"]!.GetValue<double>(),
        values["objective"]?.GetValue<double>() ?? double.NaN,
        values["distinct"]!.GetValue<double>(),
        seconds);

    private static string Slug(string name) =>
        new string(name.ToLowerInvariant().Select(c => char.IsAsciiLetterOrDigit(c) ? c : '-').ToArray()).Trim('-');

    /// <summary>A seed per (run seed, session): a run's randomness does not depend on which others ran before it.</summary>
    private ulong SeedFor(string session)
    {
        ulong hash = 14695981039346656037UL;
        foreach (var c in $"organ/{options.Seed}/{session}") hash = (hash ^ c) * 1099511628211UL;
        return hash;
    }

    public void Dispose()
    {
        training.Dispose();
        foreach (var t in pretrainedGenerator?.Values.AsEnumerable() ?? []) t.Dispose();
        foreach (var t in pretrainedDiscriminator?.Values.AsEnumerable() ?? []) t.Dispose();
        foreach (var t in pretrainedDiscriminatorAdam?.Values.AsEnumerable() ?? []) t.Dispose();
    }
}
