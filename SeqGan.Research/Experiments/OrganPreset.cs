using SeqGan.Research.Metrics;
using SeqGan.Research.Models;
using SeqGan.Research.Training;

namespace SeqGan.Research.Experiments;

/// <summary>
/// Every setting of ORGAN's music experiment (Guimaraes et al. 2017, the 2017 pipeline of
/// shared/data/organ_music/METRICS.md §5): Algorithm 1's (<see cref="SeqGanSettings"/>, with the original ORGAN
/// code's values) and the music data and metrics'. Presets are data: <see cref="Smoke"/> (seconds, tests),
/// <see cref="Quick"/> (minutes on a 2-core CPU) and <see cref="Paper"/> (the original runs' schedule, meant for a GPU).
/// </summary>
public sealed record OrganPreset : SeqGanSettings
{
    public OrganPreset()
    {
        // Adam's rate in pretraining and of the policy-gradient updates: the original's Generator overrides the default 0.01 with 0.002.
        GeneratorLearningRate = 0.002;
        AdversarialLearningRate = 0.002;
        PretrainEpochs = 240;
        // Negatives per discriminator round: int(664 / 64) = 10 generator batches of 64 in the original.
        NegativeSamples = 640;
        // Generator updates: the paper's table reads the samples drawn at the start of batch 199 of 200, i.e. after 199 updates.
        AdversarialIterations = 199;
        // d-steps per update come from λ (DiscriminatorRounds); k = 3 epochs per round, in pretraining too.
        Strategy = new(1, 5, 3);
        DiscriminatorPretraining = DiscriminatorPretraining.OncePerSeed;
        EvaluatePretrained = true;   // the table's MLE row
        SeedScope = "organ";
    }

    // ---- data ----
    /// <summary>MAX_LENGTH: tunes shorter than this are kept, and every row is padded to it.</summary>
    public int SequenceLength { get; init; } = 80;

    // ---- reward ----
    /// <summary>ORGAN's (U/B)/c(Y) penalty on the objective term (the original always applied it).</summary>
    public bool UniquenessWeighting { get; init; } = true;

    // ---- evaluation ----
    public int EvaluationSamples { get; init; } = 6400;
    /// <summary>The diversity sample: the first this-many of the evaluation samples (2,000 in the original).</summary>
    public int DiversitySamples { get; init; } = MusicDiversity.PaperSamples;

    // ---- the λ sweep ----
    public MusicObjectiveKind SweepObjective { get; init; } = MusicObjectiveKind.Tonality;
    public IReadOnlyList<double> SweepLambdas { get; init; } = [0, 0.2, 0.4, 0.6, 0.8, 1.0];

    /// <summary>ORGAN's λ in the paper's table: 0.6 for tonality and melodicity, 0.8 for ratio of steps.</summary>
    public static double OrganLambda(MusicObjectiveKind objective) => objective == MusicObjectiveKind.RatioOfSteps ? 0.8 : 0.6;

    /// <summary>Discriminator rounds per adversarial batch: max(int(5λ), 1); λ = 0 trains no discriminator at all.</summary>
    public static int DiscriminatorRounds(double lambda) => lambda == 0 ? 0 : Math.Max((int)Math.Floor(5 * lambda + 1e-9), 1);

    /// <summary>The run of <paramref name="objective"/> at <paramref name="lambda"/>: reward λ·D + (1 − λ)·O·w, d-steps by λ.
    /// λ = 1 ignores the objective, so every λ = 1 run is one session ("seqgan").</summary>
    public AdversarialMethod OrganMethod(IObjective objective, double lambda) => new(
        $"{OrganAlgorithmNames.ForLambda(lambda).Label()} {objective.Name} λ={lambda:0.###}",
        lambda == 1 ? "seqgan" : $"{Slug(objective.Name)}-lambda{lambda:0.###}",
        Rewards.Organ(objective, lambda, UniquenessWeighting),
        Strategy with { DiscriminatorSteps = DiscriminatorRounds(lambda) });

    private static string Slug(string name) =>
        new string(name.ToLowerInvariant().Select(c => char.IsAsciiLetterOrDigit(c) ? c : '-').ToArray()).Trim('-');

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
        Discriminator = new CnnDiscriminatorFactory(new DiscriminatorConfig
        {
            EmbeddingSize = 16,
            FilterWidths = [1, 2, 3, 4, 5, 10, 15, 20],
            FilterCounts = [8, 16, 16, 16, 16, 8, 8, 8],
        }),
        DiscriminatorPretrainRounds = 5,
        DiscriminatorPretrainEpochs = 1,
        NegativeSamples = 320,
        Strategy = new(1, 5, 1),
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
        Generator = new LstmGeneratorFactory(EmbeddingSize: 8, HiddenSize: 8),
        BatchSize = 16,
        PretrainEpochs = 1,
        AdversarialLearningRate = 0.01,
        Discriminator = new CnnDiscriminatorFactory(new DiscriminatorConfig { EmbeddingSize = 8, FilterWidths = [1, 2, 3], FilterCounts = [4, 4, 4] }),
        DiscriminatorPretrainRounds = 1,
        DiscriminatorPretrainEpochs = 1,
        NegativeSamples = 32,
        Strategy = new(1, 5, 1),
        AdversarialIterations = 1,
        Rollouts = 1,
        EvaluationSamples = 64,
        DiversitySamples = 16,
        SweepLambdas = [0, 0.6, 1.0],
        CheckpointEvery = 1,
    };

    public static OrganPreset ByName(string name) => PresetNames.Find(name, Smoke, Quick, Paper);

    public SequenceShape Shape(int vocabularySize) => new(vocabularySize, SequenceLength);

    public override void Validate()
    {
        base.Validate();
        Positive(SequenceLength, nameof(SequenceLength));
        Positive(EvaluationSamples, nameof(EvaluationSamples));
        Positive(DiversitySamples, nameof(DiversitySamples));
        if (DiversitySamples > EvaluationSamples)
            throw new ArgumentException($"preset {Name}: {nameof(DiversitySamples)} ({DiversitySamples}) exceeds {nameof(EvaluationSamples)} ({EvaluationSamples})");
        foreach (var lambda in SweepLambdas)
            if (lambda is < 0 or > 1) throw new ArgumentException($"preset {Name}: sweep λ {lambda} is outside [0, 1]");
    }
}
