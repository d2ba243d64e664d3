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
    /// <summary>PG-BLEU's reward; default the original's (<see cref="Rewards.OriginalPgBleu"/>: BLEU-3, no smoothing, 40% of the
    /// training sequences as references). <c>Rewards.Bleu(4)</c> is the smoothed BLEU-4 against all of them that this kit
    /// ran before (row <see cref="SmoothedBleu4PgBleu"/>).</summary>
    public RewardFactory PgBleuReward { get; init; } = Rewards.OriginalPgBleu;
    /// <summary>PG-BLEU's rollouts per generator step: 1, as the original (pg_bleu.py:165), whatever SeqGAN's <c>Rollouts</c>.</summary>
    public int PgBleuRollouts { get; init; } = 1;
    /// <summary>PG-BLEU's generator Adam rate: 1e-3, the original's (pg_bleu.py:36-37 ignores the model's 0.01 for Adam's default).</summary>
    public double PgBleuLearningRate { get; init; } = 1e-3;

    /// <summary>Table 1's PG-BLEU row as the original ran it (pg_bleu/pg_bleu.py at 4152436; its 800 iterations and 200 MLE
    /// epochs are the 2016 schedule's, not this row's: every row here shares the preset's schedule and pretrained generator).</summary>
    public AdversarialMethod PgBleu => new("PG-BLEU", "pgbleu", PgBleuReward, Strategy) { Rollouts = PgBleuRollouts, LearningRate = PgBleuLearningRate };

    /// <summary>The PG-BLEU this kit ran before it followed the original: smoothed BLEU-4 against every training sequence,
    /// the preset's rollouts and adversarial rate. Not a Table 1 row; name it in <c>--methods</c> to compare.</summary>
    public AdversarialMethod SmoothedBleu4PgBleu => new("PG-BLEU (BLEU-4, smoothed)", "pgbleu-bleu4", Rewards.Bleu(4), Strategy);

    /// <summary>The rows of Table 1: Random, MLE, SS, PG-BLEU, and SeqGAN with this preset's reward.</summary>
    public IReadOnlyList<TrainingMethod> Table1Methods =>
    [
        new UntrainedMethod("Random"),
        new MleMethod("MLE", "mle"),
        new ScheduledSamplingMethod(ScheduledSampling, "SS", "scheduledsampling"),
        PgBleu,
        new AdversarialMethod("SeqGAN", "seqgan", Reward, Strategy),
    ];

    /// <summary>The frontier's rows: Table 1's, and MLE selected by early stopping on a validation split beside MLE by schedule.</summary>
    public IReadOnlyList<TrainingMethod> FrontierMethods => [.. Table1Methods, new EarlyStoppedMleMethod()];

    /// <summary>A row of Table 1 by its label ("SS", "PG-BLEU") or session name ("scheduledsampling"), case-insensitively.</summary>
    public TrainingMethod Table1Method(string name) =>
        NamedMethods.FirstOrDefault(m => string.Equals(m.Label, name, StringComparison.OrdinalIgnoreCase) || string.Equals(m.Session, name, StringComparison.OrdinalIgnoreCase))
        ?? throw new ArgumentException($"unknown method '{name}' (expected one of {string.Join(", ", NamedMethods.Select(m => m.Label))})");

    private IReadOnlyList<TrainingMethod> NamedMethods => [.. FrontierMethods, SmoothedBleu4PgBleu];

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
        NegativeSamples = 5_000,   // as many negatives as positives: the original's rule (10,000 each, sequence_gan.py generated_num)
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
        NegativeSamples = 256,     // as many negatives as positives, as every preset
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
        Positive(PgBleuRollouts, nameof(PgBleuRollouts));
        if (!(PgBleuLearningRate > 0 && double.IsFinite(PgBleuLearningRate)))
            throw new ArgumentException($"preset {Name}: PgBleuLearningRate must be a finite number above 0, got {PgBleuLearningRate}");
        if (!FrontierInverseTemperatures.Contains(1.0) || FrontierInverseTemperatures.Any(a => !double.IsFinite(a) || a <= 0))
            throw new ArgumentException($"preset {Name}: FrontierInverseTemperatures must be finite numbers above 0 and hold 1 (the model itself), got [{string.Join(", ", FrontierInverseTemperatures)}]");
        if (TrainingSequences < BatchSize) throw new ArgumentException($"preset {Name}: {TrainingSequences} training sequences do not fill one batch of {BatchSize}");
    }
}
