using SeqGan.Research.Metrics;
using SeqGan.Research.Models;

namespace SeqGan.Research.Experiments;

/// <summary>
/// Every setting of ORGAN's music experiment (Guimaraes et al. 2017, the 2017 pipeline of
/// shared/data/organ_music/METRICS.md §5). Presets are data: <see cref="Smoke"/> (seconds, tests), <see cref="Quick"/>
/// (minutes on a 2-core CPU) and <see cref="Paper"/> (the original runs' schedule, meant for a GPU).
/// </summary>
public sealed record OrganPreset
{
    public required string Name { get; init; }

    // ---- data ----
    /// <summary>MAX_LENGTH: tunes shorter than this are kept, and every row is padded to it.</summary>
    public int SequenceLength { get; init; } = 80;

    // ---- generator ----
    public int EmbeddingSize { get; init; } = 32;
    public int HiddenSize { get; init; } = 32;
    public double GeneratorInitStd { get; init; } = 0.1;
    /// <summary>Adam's rate in pretraining (the original's Generator overrides the default 0.01 with 0.002).</summary>
    public double GeneratorLearningRate { get; init; } = 0.002;
    /// <summary>Adam's rate of the policy-gradient updates (0.002 in the original).</summary>
    public double AdversarialLearningRate { get; init; } = 0.002;
    public double GradientClip { get; init; } = 5.0;
    public int BatchSize { get; init; } = 64;
    public int PretrainEpochs { get; init; } = 240;

    // ---- discriminator ----
    /// <summary>Vocabulary and length are taken from the corpus; the rest is the original's text classifier.</summary>
    public DiscriminatorConfig Discriminator { get; init; } = new();
    public int DiscriminatorPretrainRounds { get; init; } = 50;
    /// <summary>Epochs of each discriminator round, in pretraining and in every adversarial batch.</summary>
    public int DiscriminatorEpochs { get; init; } = 3;
    /// <summary>Negatives per discriminator round, in generator batches (int(664 / 64) = 10 batches of 64 in the original).</summary>
    public int NegativeBatches { get; init; } = 10;

    // ---- adversarial phase ----
    /// <summary>Generator updates; the paper's table reads the samples drawn at the start of batch 199 of 200, i.e. after 199 updates.</summary>
    public int AdversarialIterations { get; init; } = 199;
    public int Rollouts { get; init; } = 16;
    /// <summary>ORGAN's (U/B)/c(Y) penalty on the objective term (the original always applied it).</summary>
    public bool UniquenessWeighting { get; init; } = true;

    // ---- evaluation ----
    public int EvaluationSamples { get; init; } = 6400;
    /// <summary>The diversity sample: the first this-many of the evaluation samples (2,000 in the original).</summary>
    public int DiversitySamples { get; init; } = MusicDiversity.PaperSamples;

    // ---- the λ sweep ----
    public MusicObjectiveKind SweepObjective { get; init; } = MusicObjectiveKind.Tonality;
    public IReadOnlyList<double> SweepLambdas { get; init; } = [0, 0.2, 0.4, 0.6, 0.8, 1.0];

    public int CheckpointEvery { get; init; } = 10;

    /// <summary>ORGAN's λ in the paper's table: 0.6 for tonality and melodicity, 0.8 for ratio of steps.</summary>
    public static double OrganLambda(MusicObjectiveKind objective) => objective == MusicObjectiveKind.RatioOfSteps ? 0.8 : 0.6;

    /// <summary>Discriminator rounds per adversarial batch: max(int(5λ), 1); λ = 0 trains no discriminator at all.</summary>
    public static int DiscriminatorRounds(double lambda) => lambda == 0 ? 0 : Math.Max((int)Math.Floor(5 * lambda + 1e-9), 1);

    public static OrganPreset Paper { get; } = new() { Name = "paper" };

    /// <summary>
    /// The paper's generator and data on a schedule a contended 2-core CPU finishes in about a quarter of an hour.
    /// Rollouts dominate the cost: (T − 1)·N·B completions of T = 80 tokens per update. So: batches of 32, 2 rollouts,
    /// a smaller discriminator, and 30 updates at a 10× higher rate so that the trends show in 30 steps, not 199.
    /// The sweep reuses the table's λ = 0, 0.6 and 1 runs.
    /// </summary>
    public static OrganPreset Quick { get; } = new()
    {
        Name = "quick",
        BatchSize = 32,
        PretrainEpochs = 60,
        AdversarialLearningRate = 0.02,
        Discriminator = new DiscriminatorConfig
        {
            EmbeddingSize = 16,
            FilterWidths = [1, 2, 3, 4, 5, 10, 15, 20],
            FilterCounts = [8, 16, 16, 16, 16, 8, 8, 8],
        },
        DiscriminatorPretrainRounds = 5,
        DiscriminatorEpochs = 1,
        AdversarialIterations = 30,
        Rollouts = 2,
        EvaluationSamples = 1600,
        DiversitySamples = 400,
        SweepLambdas = [0, 0.6, 1.0],
        CheckpointEvery = 5,
    };

    /// <summary>Tiny models and one update per run on the real corpus: end to end in seconds (tests and notebook smoke runs).</summary>
    public static OrganPreset Smoke { get; } = new()
    {
        Name = "smoke",
        EmbeddingSize = 8,
        HiddenSize = 8,
        BatchSize = 16,
        PretrainEpochs = 1,
        AdversarialLearningRate = 0.01,
        Discriminator = new DiscriminatorConfig { EmbeddingSize = 8, FilterWidths = [1, 2, 3], FilterCounts = [4, 4, 4] },
        DiscriminatorPretrainRounds = 1,
        DiscriminatorEpochs = 1,
        NegativeBatches = 2,
        AdversarialIterations = 1,
        Rollouts = 1,
        EvaluationSamples = 64,
        DiversitySamples = 16,
        SweepLambdas = [0, 0.6, 1.0],
        CheckpointEvery = 1,
    };

    public static OrganPreset ByName(string name) => name.ToLowerInvariant() switch
    {
        "smoke" => Smoke,
        "quick" => Quick,
        "paper" => Paper,
        _ => throw new ArgumentException($"unknown preset '{name}' (expected smoke, quick or paper)", nameof(name)),
    };

    public LstmModelSize ModelSize(int vocabularySize) => new(vocabularySize, EmbeddingSize, HiddenSize, SequenceLength, StartToken: 0);

    public DiscriminatorConfig DiscriminatorFor(int vocabularySize) =>
        Discriminator with { VocabularySize = vocabularySize, SequenceLength = SequenceLength };

    /// <summary>Checks the settings fit together; throws naming the offending setting.</summary>
    public void Validate()
    {
        void Positive(int value, string name) { if (value < 1) throw new ArgumentException($"preset {Name}: {name} must be at least 1, got {value}"); }
        Positive(SequenceLength, nameof(SequenceLength));
        Positive(BatchSize, nameof(BatchSize));
        Positive(Rollouts, nameof(Rollouts));
        Positive(EvaluationSamples, nameof(EvaluationSamples));
        Positive(DiversitySamples, nameof(DiversitySamples));
        Positive(NegativeBatches, nameof(NegativeBatches));
        Positive(CheckpointEvery, nameof(CheckpointEvery));
        if (DiversitySamples > EvaluationSamples)
            throw new ArgumentException($"preset {Name}: {nameof(DiversitySamples)} ({DiversitySamples}) exceeds {nameof(EvaluationSamples)} ({EvaluationSamples})");
        if (Discriminator.FilterWidths.Max() > SequenceLength)
            throw new ArgumentException($"preset {Name}: the widest discriminator filter ({Discriminator.FilterWidths.Max()}) exceeds the sequence length {SequenceLength}");
        foreach (var lambda in SweepLambdas)
            if (lambda is < 0 or > 1) throw new ArgumentException($"preset {Name}: sweep λ {lambda} is outside [0, 1]");
    }
}
