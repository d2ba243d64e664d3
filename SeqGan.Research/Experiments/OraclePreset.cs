using SeqGan.Research.Models;
using SeqGan.Research.Training;

namespace SeqGan.Research.Experiments;

/// <summary>(g-steps, d-steps, k) of Algorithm 1: generator updates, discriminator rounds (each on fresh
/// negatives) and epochs per round, per adversarial iteration.</summary>
public sealed record AdversarialStrategy(int GeneratorSteps, int DiscriminatorSteps, int DiscriminatorEpochs)
{
    public override string ToString() => $"g-steps={GeneratorSteps}, d-steps={DiscriminatorSteps}, k={DiscriminatorEpochs}";
}

/// <summary>
/// Every setting of the synthetic-oracle experiments, in one place. Presets are data: <see cref="Smoke"/>
/// (seconds, for tests), <see cref="Quick"/> (minutes on a laptop CPU, same trends) and <see cref="Paper"/>
/// (the 2017 master's schedule, meant for a GPU; the 2016 scripts that produced Table 1 differ: docs/original-code.md). Edit a copy with <c>with { ... }</c> to try an ablation.
/// </summary>
public sealed record OraclePreset
{
    public required string Name { get; init; }

    // ---- the world ----
    /// <summary>Use the paper's oracle parameters when the data mirror has them (sizes then come from the file).</summary>
    public bool UsePaperOracle { get; init; } = true;
    public LstmModelSize Model { get; init; } = new();
    /// <summary>Seed of the random N(0, 1) oracle used when the paper's parameters are not used or not available.</summary>
    public ulong RandomOracleSeed { get; init; } = 66;
    public int TrainingSequences { get; init; } = 10_000;
    public int TestSequences { get; init; } = 10_000;
    public int EvaluationSamples { get; init; } = 10_000;

    // ---- generator and MLE ----
    public double GeneratorInitStd { get; init; } = 0.1;
    public double GeneratorLearningRate { get; init; } = 0.01;
    public double GradientClip { get; init; } = 5.0;
    public int BatchSize { get; init; } = 64;
    public int PretrainEpochs { get; init; } = 120;
    public int EvaluateEveryEpochs { get; init; } = 5;
    /// <summary>Count evaluations from the first pretraining epoch, as the original code does (<c>if epoch % 5 == 0</c>
    /// after training 0-based epoch E: after 1, 6, 11, … epochs; e2b52fb sequence_gan.py:113, 4152436
    /// MLE_SeqGAN/sequence_gan.py:165), instead of after 5, 10, … epochs. Pretraining ends with an evaluation either way.</summary>
    public bool EvaluateFromFirstEpoch { get; init; }

    // ---- discriminator ----
    public DiscriminatorConfig Discriminator { get; init; } = new();
    public int DiscriminatorPretrainRounds { get; init; } = 50;
    public int DiscriminatorPretrainEpochs { get; init; } = 3;
    public int NegativeSamples { get; init; } = 10_000;

    // ---- adversarial phase (SeqGAN and PG-BLEU) ----
    public int AdversarialIterations { get; init; } = 200;
    public AdversarialStrategy Strategy { get; init; } = new(1, 5, 3);
    public int Rollouts { get; init; } = 16;
    public RolloutPolicyKind RolloutPolicy { get; init; } = RolloutPolicyKind.CurrentGenerator;
    public double RolloutUpdateRate { get; init; } = 0.8;
    public int EvaluateEveryIterations { get; init; } = 5;

    // ---- baselines continued after pretraining ----
    /// <summary>Epochs of continued MLE and of scheduled sampling after pretraining (the baselines' budget).</summary>
    public int BaselineEpochs { get; init; } = 80;
    public ScheduledSamplingSchedule ScheduledSampling { get; init; } = new();
    public int BleuOrder { get; init; } = 4;

    // ---- bookkeeping ----
    public int CheckpointEvery { get; init; } = 10;

    /// <summary>The four training strategies of the paper's Figure 3.</summary>
    public static IReadOnlyList<AdversarialStrategy> Figure3Strategies { get; } =
        [new(100, 1, 10), new(30, 1, 30), new(1, 1, 10), new(1, 5, 3)];

    /// <summary>Master's 2017 schedule (e2b52fb sequence_gan.py), not the 2016 scripts behind Table 1: 120 MLE epochs, 50×3 D pretraining, 200 iterations of
    /// (1 g-step, 5 × 3 D epochs), 16 rollouts, batch 64, Adam 0.01 / 1e-4.</summary>
    public static OraclePreset Paper { get; } = new() { Name = "paper" };

    /// <summary>Same oracle and models as the paper, a schedule a 2-core CPU finishes in minutes.</summary>
    public static OraclePreset Quick { get; } = new()
    {
        Name = "quick",
        TrainingSequences = 5_000,
        TestSequences = 2_000,
        EvaluationSamples = 5_000,
        PretrainEpochs = 30,
        EvaluateEveryEpochs = 5,
        DiscriminatorPretrainRounds = 5,
        DiscriminatorPretrainEpochs = 1,
        NegativeSamples = 2_500,
        AdversarialIterations = 40,
        Strategy = new(1, 1, 1),
        Rollouts = 8,
        EvaluateEveryIterations = 5,
        BaselineEpochs = 10,
        CheckpointEvery = 5,
    };

    /// <summary>A tiny random oracle and tiny models: runs end to end in seconds (tests use it).</summary>
    public static OraclePreset Smoke { get; } = new()
    {
        Name = "smoke",
        UsePaperOracle = false,
        Model = new LstmModelSize(VocabularySize: 40, EmbeddingSize: 8, HiddenSize: 8, SequenceLength: 8),
        TrainingSequences = 256,
        TestSequences = 128,
        EvaluationSamples = 256,
        BatchSize = 32,
        PretrainEpochs = 4,
        EvaluateEveryEpochs = 2,
        Discriminator = new DiscriminatorConfig
        {
            VocabularySize = 40, SequenceLength = 8, EmbeddingSize = 8,
            FilterWidths = [1, 2, 3, 5], FilterCounts = [8, 8, 8, 8],
        },
        DiscriminatorPretrainRounds = 2,
        DiscriminatorPretrainEpochs = 1,
        NegativeSamples = 128,
        AdversarialIterations = 4,
        Strategy = new(1, 1, 1),
        Rollouts = 4,
        EvaluateEveryIterations = 2,
        BaselineEpochs = 2,
        CheckpointEvery = 1,
    };

    public static OraclePreset ByName(string name) => name.ToLowerInvariant() switch
    {
        "smoke" => Smoke,
        "quick" => Quick,
        "paper" => Paper,
        _ => throw new ArgumentException($"unknown preset '{name}' (expected smoke, quick or paper)", nameof(name)),
    };

    /// <summary>Whether MLE pretraining is evaluated after 0-based epoch <paramref name="epoch"/>.</summary>
    public bool EvaluatesAfterPretrainEpoch(int epoch) =>
        (EvaluateFromFirstEpoch ? epoch : epoch + 1) % EvaluateEveryEpochs == 0 || epoch + 1 == PretrainEpochs;

    /// <summary>Checks the settings fit together; throws naming the offending setting.</summary>
    public void Validate()
    {
        void Positive(int value, string name) { if (value < 1) throw new ArgumentException($"preset {Name}: {name} must be at least 1, got {value}"); }
        Positive(TrainingSequences, nameof(TrainingSequences));
        Positive(EvaluationSamples, nameof(EvaluationSamples));
        Positive(BatchSize, nameof(BatchSize));
        Positive(Rollouts, nameof(Rollouts));
        Positive(EvaluateEveryEpochs, nameof(EvaluateEveryEpochs));
        Positive(EvaluateEveryIterations, nameof(EvaluateEveryIterations));
        Positive(CheckpointEvery, nameof(CheckpointEvery));
        if (TrainingSequences < BatchSize) throw new ArgumentException($"preset {Name}: {TrainingSequences} training sequences do not fill one batch of {BatchSize}");
        if (Discriminator.FilterWidths.Max() > Model.SequenceLength)
            throw new ArgumentException($"preset {Name}: the widest discriminator filter ({Discriminator.FilterWidths.Max()}) exceeds the sequence length {Model.SequenceLength}");
    }
}
