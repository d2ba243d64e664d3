using SeqGan.Research.Models;
using SeqGan.Research.Training;

namespace SeqGan.Research.Experiments;

/// <summary>
/// Every setting of the synthetic-oracle experiments, in one place: Algorithm 1's (<see cref="SeqGanSettings"/>: the
/// generator, discriminator and reward, the schedule) and the oracle world's. Presets are data: <see cref="Smoke"/>
/// (seconds, for tests), <see cref="Quick"/> (minutes on a laptop CPU, same trends) and <see cref="Paper"/> (the 2017
/// master's schedule, meant for a GPU; the 2016 scripts that produced Table 1 differ: docs/original-code.md). Edit a copy
/// with <c>with { ... }</c> to try an ablation:
/// <c>OraclePreset.Quick with { Generator = new GruGeneratorFactory(), Reward = Rewards.Constant(1) }</c>.
/// </summary>
public sealed record OraclePreset : SeqGanSettings
{
    public OraclePreset()
    {
        EvaluateUntrained = true;   // Table 1's Random row, and Figure 2's curve from epoch 0
    }

    // ---- the world ----
    /// <summary>Use the paper's oracle parameters when the data mirror has them (its sizes then come from the file).</summary>
    public bool UsePaperOracle { get; init; } = true;
    /// <summary>The random oracle's sizes (the paper's oracle has these), and the sequence length of both.</summary>
    public LstmModelSize Model { get; init; } = new();
    /// <summary>Seed of the random N(0, 1) oracle used when the paper's parameters are not used or not available.</summary>
    public ulong RandomOracleSeed { get; init; } = 66;
    public int TrainingSequences { get; init; } = 10_000;
    public int TestSequences { get; init; } = 10_000;
    /// <summary>Generator samples the oracle scores at each NLL-oracle evaluation.</summary>
    public int EvaluationSamples { get; init; } = 10_000;

    // ---- the frontier (Caccia et al. 2020) ----
    /// <summary>The inverse temperatures α the frontier sweeps every method over; must hold 1 (the model itself). Default:
    /// Caccia et al.'s grid (<see cref="CacciaGrid"/>).</summary>
    public IReadOnlyList<double> FrontierInverseTemperatures { get; init; } = CacciaGrid;

    /// <summary>0.1, 0.13, …, 2.47: Caccia et al.'s α grid, np.arange(0.1, 2.5, 0.03) (GansFallingShort e6be915
    /// synthetic_data_experiments/oracle_eval.py:17; the end is excluded), rounded to 2 decimals so that 1 is exactly in it.</summary>
    public static IReadOnlyList<double> CacciaGrid { get; } = Enumerable.Range(0, 80).Select(i => Math.Round(0.1 + 0.03 * i, 2)).ToList();

    // ---- the baselines ----
    public ScheduledSamplingSchedule ScheduledSampling { get; init; } = new();
    /// <summary>PG-BLEU's BLEU order.</summary>
    public int BleuOrder { get; init; } = 4;

    /// <summary>The rows of Table 1: Random, MLE, SS, PG-BLEU, and SeqGAN with this preset's reward.</summary>
    public IReadOnlyList<TrainingMethod> Table1Methods =>
    [
        new UntrainedMethod("Random"),
        new MleMethod("MLE", "mle"),
        new ScheduledSamplingMethod(ScheduledSampling, "SS", "scheduledsampling"),
        new AdversarialMethod("PG-BLEU", "pgbleu", Rewards.Bleu(BleuOrder), Strategy),
        new AdversarialMethod("SeqGAN", "seqgan", Reward, Strategy),
    ];

    /// <summary>The frontier's rows: Table 1's, and MLE selected by early stopping on a validation split beside MLE by schedule.</summary>
    public IReadOnlyList<TrainingMethod> FrontierMethods => [.. Table1Methods, new EarlyStoppedMleMethod()];

    /// <summary>A row of Table 1 by its label ("SS", "PG-BLEU") or session name ("scheduledsampling"), case-insensitively.</summary>
    public TrainingMethod Table1Method(string name) =>
        FrontierMethods.FirstOrDefault(m => string.Equals(m.Label, name, StringComparison.OrdinalIgnoreCase) || string.Equals(m.Session, name, StringComparison.OrdinalIgnoreCase))
        ?? throw new ArgumentException($"unknown method '{name}' (expected one of {string.Join(", ", FrontierMethods.Select(m => m.Label))})");

    /// <summary>The four training strategies of the paper's Figure 3.</summary>
    public static IReadOnlyList<AdversarialStrategy> Figure3Strategies { get; } =
        [new(100, 1, 10), new(30, 1, 30), new(1, 1, 10), new(1, 5, 3)];

    /// <summary>SeqGAN under <paramref name="strategy"/>: a Figure 3 curve (its own session unless it is the preset's strategy).</summary>
    public AdversarialMethod SeqGanWith(AdversarialStrategy strategy) => new($"SeqGAN ({strategy})",
        strategy == Strategy ? "seqgan" : $"seqgan-g{strategy.GeneratorSteps}-d{strategy.DiscriminatorSteps}-k{strategy.DiscriminatorEpochs}", Reward, strategy);

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
        // Coarser than Caccia's 81 points so that 5 methods × 2 seeds sweep in minutes on a 2-core CPU: denser on the
        // cooled side (α > 1), where the matched-NLL-test comparison is read.
        FrontierInverseTemperatures = [0.5, 0.75, 1.0, 1.25, 1.5, 1.75, 2.0, 2.5],
    };

    /// <summary>A tiny random oracle and tiny models: runs end to end in seconds (tests use it).</summary>
    public static OraclePreset Smoke { get; } = new()
    {
        Name = "smoke",
        UsePaperOracle = false,
        Model = new LstmModelSize(VocabularySize: 40, EmbeddingSize: 8, HiddenSize: 8, SequenceLength: 8),
        Generator = new LstmGeneratorFactory(EmbeddingSize: 8, HiddenSize: 8),
        TrainingSequences = 256,
        TestSequences = 128,
        EvaluationSamples = 256,
        BatchSize = 32,
        PretrainEpochs = 4,
        EvaluateEveryEpochs = 2,
        Discriminator = new CnnDiscriminatorFactory(new DiscriminatorConfig { EmbeddingSize = 8, FilterWidths = [1, 2, 3, 5], FilterCounts = [8, 8, 8, 8] }),
        DiscriminatorPretrainRounds = 2,
        DiscriminatorPretrainEpochs = 1,
        NegativeSamples = 128,
        AdversarialIterations = 4,
        Strategy = new(1, 1, 1),
        Rollouts = 4,
        EvaluateEveryIterations = 2,
        BaselineEpochs = 2,
        CheckpointEvery = 1,
        FrontierInverseTemperatures = [0.5, 1.0, 1.5, 2.0],
    };

    public static OraclePreset ByName(string name) => PresetNames.Find(name, Smoke, Quick, Paper);

    public override void Validate()
    {
        base.Validate();
        Positive(TrainingSequences, nameof(TrainingSequences));
        Positive(EvaluationSamples, nameof(EvaluationSamples));
        if (!FrontierInverseTemperatures.Contains(1.0) || FrontierInverseTemperatures.Any(a => !double.IsFinite(a) || a <= 0))
            throw new ArgumentException($"preset {Name}: FrontierInverseTemperatures must be finite numbers above 0 and hold 1 (the model itself), got [{string.Join(", ", FrontierInverseTemperatures)}]");
        if (TrainingSequences < BatchSize) throw new ArgumentException($"preset {Name}: {TrainingSequences} training sequences do not fill one batch of {BatchSize}");
    }
}
