using SeqGan.Research.Models;
using SeqGan.Research.Training;

namespace SeqGan.Research.Experiments;

/// <summary>
/// Every setting of the real-data experiments (Tables 2–4 and <c>seqgan train</c>), in one place. Presets are
/// data: <see cref="Smoke"/> (seconds, tests), <see cref="Quick"/> (under a minute per seed on an idle 2-core CPU) and
/// <see cref="Paper"/> (the synthetic experiment's schedule on the whole corpus; meant for a GPU). The paper gives
/// no separate schedule for its real-data runs, so <see cref="Paper"/> reuses the original code's (120 MLE epochs,
/// 50×3 D pretraining, 200 iterations of (1, 5, 3), 16 rollouts, embedding and LSTM of 32).
/// </summary>
public sealed record RealDataPreset
{
    public required string Name { get; init; }

    // ---- data ----
    /// <summary>Share of a corpus's groups (lines or tunes) held out as the test set: the BLEU references.</summary>
    public double TestFraction { get; init; } = 0.1;
    /// <summary>Training sequences used (a random subset of the training side); null uses all.</summary>
    public int? MaxTrainingSequences { get; init; }
    /// <summary>Test sequences used as BLEU/MSE references; null uses all.</summary>
    public int? MaxReferences { get; init; }
    /// <summary>Word corpora (Obama): tokens per sequence after cutting and padding.</summary>
    public int WordsMaxLength { get; init; } = 40;
    /// <summary>Word corpora: kept tokens (with padding and OTHERS); rarer words become OTHERS.</summary>
    public int WordsVocabularySize { get; init; } = 5000;

    // ---- generator and MLE ----
    public int EmbeddingSize { get; init; } = 32;
    public int HiddenSize { get; init; } = 32;
    public double GeneratorInitStd { get; init; } = 0.1;
    public double GeneratorLearningRate { get; init; } = 0.01;
    public double GradientClip { get; init; } = 5.0;
    public int BatchSize { get; init; } = 64;
    public int PretrainEpochs { get; init; } = 120;
    /// <summary>Epochs of continued MLE after pretraining (the MLE row's extra budget).</summary>
    public int BaselineEpochs { get; init; } = 80;

    // ---- discriminator (sizes of vocabulary and length come from the corpus) ----
    public int DiscriminatorEmbeddingSize { get; init; } = 64;
    public IReadOnlyList<int> FilterWidths { get; init; } = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 15, 20];
    public IReadOnlyList<int> FilterCounts { get; init; } = [100, 200, 200, 200, 200, 100, 100, 100, 100, 100, 160, 160];
    public int DiscriminatorPretrainRounds { get; init; } = 50;
    public int DiscriminatorPretrainEpochs { get; init; } = 3;
    /// <summary>Generated sequences per discriminator round; as many real ones are drawn at random from the training
    /// data, so D sees balanced classes however large the corpus (the original code also pairs equal counts).</summary>
    public int NegativeSamples { get; init; } = 10_000;

    // ---- adversarial phase ----
    public int AdversarialIterations { get; init; } = 200;
    public AdversarialStrategy Strategy { get; init; } = new(1, 5, 3);
    public int Rollouts { get; init; } = 16;
    public RolloutPolicyKind RolloutPolicy { get; init; } = RolloutPolicyKind.CurrentGenerator;
    public double RolloutUpdateRate { get; init; } = 0.8;

    // ---- evaluation and bookkeeping ----
    /// <summary>Generated (and real) sequences scored by BLEU, Self-BLEU and MSE.</summary>
    public int EvaluationSamples { get; init; } = 2_000;
    public int CheckpointEvery { get; init; } = 10;

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
        FilterCounts = [50, 100, 100, 100, 100, 50, 50, 50, 50, 50, 80, 80],
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
        EmbeddingSize = 8,
        HiddenSize = 8,
        BatchSize = 32,
        PretrainEpochs = 3,
        BaselineEpochs = 1,
        DiscriminatorEmbeddingSize = 8,
        FilterWidths = [1, 2, 3, 5],
        FilterCounts = [8, 8, 8, 8],
        DiscriminatorPretrainRounds = 1,
        DiscriminatorPretrainEpochs = 1,
        NegativeSamples = 128,
        AdversarialIterations = 2,
        Strategy = new(1, 1, 1),
        Rollouts = 2,
        EvaluationSamples = 64,
        CheckpointEvery = 1,
    };

    public static RealDataPreset ByName(string name) => name.ToLowerInvariant() switch
    {
        "smoke" => Smoke,
        "quick" => Quick,
        "paper" => Paper,
        _ => throw new ArgumentException($"unknown preset '{name}' (expected smoke, quick or paper)", nameof(name)),
    };

    public LstmModelSize GeneratorSize(int vocabularySize, int sequenceLength) =>
        new(vocabularySize, EmbeddingSize, HiddenSize, sequenceLength, StartToken: 0);

    /// <summary>The paper's discriminator for this corpus; filters wider than the sequence are dropped.</summary>
    public DiscriminatorConfig DiscriminatorFor(int vocabularySize, int sequenceLength)
    {
        var kept = FilterWidths.Select((w, i) => (Width: w, Count: FilterCounts[i])).Where(f => f.Width <= sequenceLength).ToList();
        if (kept.Count == 0) throw new ArgumentException($"preset {Name}: no discriminator filter fits sequences of {sequenceLength} tokens");
        return new DiscriminatorConfig
        {
            VocabularySize = vocabularySize,
            SequenceLength = sequenceLength,
            EmbeddingSize = DiscriminatorEmbeddingSize,
            FilterWidths = kept.Select(f => f.Width).ToList(),
            FilterCounts = kept.Select(f => f.Count).ToList(),
        };
    }

    /// <summary>Checks the settings fit together; throws naming the offending setting.</summary>
    public void Validate()
    {
        void Positive(int value, string name) { if (value < 1) throw new ArgumentException($"preset {Name}: {name} must be at least 1, got {value}"); }
        Positive(BatchSize, nameof(BatchSize));
        Positive(Rollouts, nameof(Rollouts));
        Positive(CheckpointEvery, nameof(CheckpointEvery));
        Positive(WordsMaxLength, nameof(WordsMaxLength));
        Positive(EmbeddingSize, nameof(EmbeddingSize));
        Positive(HiddenSize, nameof(HiddenSize));
        if (EvaluationSamples < 2) throw new ArgumentException($"preset {Name}: EvaluationSamples must be at least 2 (Self-BLEU compares samples with each other)");
        if (FilterWidths.Count != FilterCounts.Count) throw new ArgumentException($"preset {Name}: {FilterWidths.Count} filter widths but {FilterCounts.Count} filter counts");
        if (TestFraction is <= 0 or >= 1) throw new ArgumentException($"preset {Name}: TestFraction must lie strictly between 0 and 1, got {TestFraction}");
    }
}
