using SeqGan.Research.Models;
using SeqGan.Research.Training;

namespace SeqGan.Research.Experiments;

/// <summary>
/// Every setting of the real-data experiments (Tables 2–4 and <c>seqgan train</c>), in one place: Algorithm 1's
/// (<see cref="SeqGanSettings"/>) and how a corpus becomes sequences. Presets are data: <see cref="Smoke"/> (seconds,
/// tests), <see cref="Quick"/> (under a minute per seed on an idle 2-core CPU) and <see cref="Paper"/> (the synthetic
/// experiment's schedule on the whole corpus; meant for a GPU). The paper gives no separate schedule for its real-data
/// runs, so <see cref="Paper"/> reuses the original code's (120 MLE epochs, 50×3 D pretraining, 200 iterations of
/// (1, 5, 3), 16 rollouts, embedding and LSTM of 32).
/// </summary>
public sealed record RealDataPreset : SeqGanSettings
{
    public RealDataPreset()
    {
        // As many real sequences as negatives in each D round: balanced classes however large the corpus (the original
        // code also pairs equal counts).
        Positives = DiscriminatorPositives.AsManyAsNegatives;
    }

    // ---- data ----
    /// <summary>Share of a corpus's groups (lines or tunes) held out as the test set: the BLEU references.</summary>
    public double TestFraction { get; init; } = 0.1;
    /// <summary>Training sequences used (the first of the shuffled training side); null uses all.</summary>
    public int? MaxTrainingSequences { get; init; }
    /// <summary>Test sequences used as BLEU/MSE references; null uses all.</summary>
    public int? MaxReferences { get; init; }
    /// <summary>Word corpora (Obama): tokens per sequence after cutting and padding.</summary>
    public int WordsMaxLength { get; init; } = 40;
    /// <summary>Word corpora: kept tokens (with padding and OTHERS); rarer words become OTHERS.</summary>
    public int WordsVocabularySize { get; init; } = 5000;

    // ---- evaluation ----
    /// <summary>Generated (and real) sequences scored by BLEU, Self-BLEU and MSE.</summary>
    public int EvaluationSamples { get; init; } = 2_000;

    /// <summary>The trained rows of the tables: MLE continued for the baseline's budget, and SeqGAN with this preset's reward.</summary>
    public IReadOnlyList<TrainingMethod> Methods => [Mle, SeqGan];

    public MleMethod Mle => new(RealDataMethods.Mle, "mle");

    public AdversarialMethod SeqGan => new(RealDataMethods.SeqGan, "seqgan", Reward, Strategy);

    public static RealDataPreset Paper { get; } = new() { Name = "paper" };

    /// <summary>The paper's generator on 1,000 training sequences with a schedule that finishes a two-seed table in under a
    /// minute on an idle 2-core CPU (and within a quarter of an hour on a heavily shared one; measured times in
    /// figures/README.md). It is a first look, far too short to show the paper's gains.</summary>
    public static RealDataPreset Quick { get; } = new()
    {
        Name = "quick",
        MaxTrainingSequences = 1_000,
        MaxReferences = 1_000,
        // Rollout work grows with the square of the length: 24 words keep Table 3 within the quarter hour (Paper: 40).
        WordsMaxLength = 24,
        PretrainEpochs = 10,
        BaselineEpochs = 3,
        // Half the paper's filters per width: D's highway layer is quadratic in their total (860 instead of 1,720).
        Discriminator = new CnnDiscriminatorFactory(new DiscriminatorConfig { FilterCounts = [50, 100, 100, 100, 100, 50, 50, 50, 50, 50, 80, 80] }),
        DiscriminatorPretrainRounds = 2,
        DiscriminatorPretrainEpochs = 1,
        NegativeSamples = 500,
        AdversarialIterations = 8,
        Strategy = new(1, 1, 1),
        Rollouts = 4,
        EvaluationSamples = 300,
        CheckpointEvery = 4,
    };

    /// <summary>Tiny models on a few hundred sequences: runs end to end in seconds (tests and notebook smoke runs).</summary>
    public static RealDataPreset Smoke { get; } = new()
    {
        Name = "smoke",
        MaxTrainingSequences = 256,
        MaxReferences = 128,
        WordsMaxLength = 12,
        WordsVocabularySize = 300,
        Generator = new LstmGeneratorFactory(EmbeddingSize: 8, HiddenSize: 8),
        BatchSize = 32,
        PretrainEpochs = 3,
        BaselineEpochs = 1,
        Discriminator = new CnnDiscriminatorFactory(new DiscriminatorConfig { EmbeddingSize = 8, FilterWidths = [1, 2, 3, 5], FilterCounts = [8, 8, 8, 8] }),
        DiscriminatorPretrainRounds = 1,
        DiscriminatorPretrainEpochs = 1,
        NegativeSamples = 128,
        AdversarialIterations = 2,
        Strategy = new(1, 1, 1),
        Rollouts = 2,
        EvaluationSamples = 64,
        CheckpointEvery = 1,
    };

    public static RealDataPreset ByName(string name) => PresetNames.Find(name, Smoke, Quick, Paper);

    public override void Validate()
    {
        base.Validate();
        Positive(WordsMaxLength, nameof(WordsMaxLength));
        if (EvaluationSamples < 2) throw new ArgumentException($"preset {Name}: EvaluationSamples must be at least 2 (Self-BLEU compares samples with each other)");
        if (TestFraction is <= 0 or >= 1) throw new ArgumentException($"preset {Name}: TestFraction must lie strictly between 0 and 1, got {TestFraction}");
    }
}
